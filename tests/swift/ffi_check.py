#!/usr/bin/env python3
"""Checks that the generated Swift bindings, their C header and the Rust library agree, by doing in C
what the Swift bindings do when the app starts (a mismatch there is a `fatalError` on the phone).

    ffi_check.py --header SteadyCoreFFI.h --swift SteadyCore.swift --lib-dir target/debug --work DIR

1. Every FFI function the Swift file calls is declared in the header.
2. A C program that includes the header (twice: include guards), takes the address of every function
   the header declares, and compares the library's contract version and API checksums with the
   values written into the Swift file, is compiled with `gcc -std=c11 -Wall -Wextra -Wpedantic
   -Werror`, linked against the real library and run.

Clang's nullability qualifiers (`_Nullable`, `_Nonnull`) are defined away for gcc, which lacks them.
Prints "ok ..." or "FAIL ..." lines; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

NULLABILITY = ["-D_Nullable=", "-D_Nonnull=", "-D_Null_unspecified="]


def declared_functions(header: str) -> list[str]:
    # Declarations look like `RustBuffer ffi_x_rustbuffer_alloc(uint64_t size, ...`; macros are
    # upper case, callback typedefs are `typedef ... (*Name)(...)`.
    names = re.findall(r"^[A-Za-z_][\w \t*]*?\b((?:uniffi|ffi)_\w+)\s*\(", header, re.MULTILINE)
    return sorted(set(names))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--header", required=True, type=Path)
    ap.add_argument("--swift", required=True, type=Path)
    ap.add_argument("--lib-dir", required=True, type=Path)
    ap.add_argument("--lib-name", default="steady_core")
    ap.add_argument("--work", required=True, type=Path)
    args = ap.parse_args()

    header = args.header.read_text(encoding="utf-8")
    swift = args.swift.read_text(encoding="utf-8")
    failures = 0

    declared = declared_functions(header)
    called = sorted(set(re.findall(r"\b((?:uniffi|ffi)_[a-z0-9]+(?:_[a-z0-9]+)*)\s*\(", swift)))
    undeclared = [n for n in called if n not in declared]
    if not declared or not called:
        print(f"FAIL ffi: found {len(declared)} functions in the header and {len(called)} calls in the Swift file")
        failures += 1
    elif undeclared:
        print("FAIL ffi: the Swift bindings call functions the header does not declare: " + ", ".join(undeclared))
        failures += 1
    else:
        print(f"ok   ffi: all {len(called)} FFI functions called from Swift are declared ({len(declared)} in the header)")

    contract = re.search(r"let bindings_contract_version = (\d+)", swift)
    version_fn = re.search(r"scaffolding_contract_version = (\w+)\(\)", swift)
    checksums = re.findall(r"if \((\w+_checksum_\w+)\(\) != (\d+)\)", swift)
    if not contract or not version_fn or not checksums:
        print("FAIL ffi: the Swift file has no contract version or API checksums to compare")
        return 1

    lines = [
        f'#include "{args.header.name}"',
        f'#include "{args.header.name}" /* include guards must make a second include harmless */',
        "#include <stdio.h>",
        "",
        "typedef void (*any_function)(void);",
        "/* Taking every address makes the linker prove each declared function exists. */",
        "static any_function const declared[] = {",
        *[f"    (any_function){name}," for name in declared],
        "};",
        "",
        "int main(void) {",
        "    int failed = 0;",
        "    volatile size_t n = sizeof declared / sizeof declared[0];",
        "    for (size_t i = 0; i < n; i++) {",
        "        if (declared[i] == NULL) { failed = 1; }",
        "    }",
        f"    if ({version_fn.group(1)}() != {contract.group(1)}u) {{",
        f'        printf("contract version: library %u, bindings {contract.group(1)}\\n", (unsigned){version_fn.group(1)}());',
        "        failed = 1;",
        "    }",
    ]
    for name, value in checksums:
        lines += [
            f"    if ({name}() != {value}u) {{",
            f'        printf("{name}: library %u, bindings {value}\\n", (unsigned){name}());',
            "        failed = 1;",
            "    }",
        ]
    lines += ["    return failed;", "}", ""]

    args.work.mkdir(parents=True, exist_ok=True)
    source = args.work / "ffi_check.c"
    program = args.work / "ffi_check"
    source.write_text("\n".join(lines), encoding="utf-8")
    compile_cmd = [
        "gcc", "-std=c11", "-Wall", "-Wextra", "-Wpedantic", "-Werror", *NULLABILITY,
        "-I", str(args.header.parent), str(source), "-o", str(program),
        "-L", str(args.lib_dir), f"-l{args.lib_name}", f"-Wl,-rpath,{args.lib_dir.resolve()}",
    ]  # fmt: skip
    built = subprocess.run(compile_cmd, capture_output=True, text=True)
    if built.returncode != 0:
        print(f"FAIL ffi: the header does not compile or link against lib{args.lib_name} ({source})")
        print(built.stdout + built.stderr)
        return 1
    env = dict(os.environ, LD_LIBRARY_PATH=str(args.lib_dir.resolve()))
    ran = subprocess.run([str(program)], capture_output=True, text=True, env=env)
    if ran.returncode != 0:
        print("FAIL ffi: the library does not match the Swift bindings (the app would stop at launch):")
        print(ran.stdout + ran.stderr)
        failures += 1
    else:
        print(
            f"ok   ffi: {len(declared)} functions link against lib{args.lib_name}; contract version "
            f"{contract.group(1)} and {len(checksums)} API checksums match the Swift bindings"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
