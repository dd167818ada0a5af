#!/usr/bin/env python3
"""Syntax check for Swift files with tree-sitter-swift, for a machine without a Swift compiler.

    parse_swift.py FILE...    print "ok FILE" or "FAIL FILE" plus one "FILE:LINE:COL: ..." line per
                              ERROR or MISSING node; exit 1 if any file failed
    parse_swift.py --self-test
                              parse known-good and known-bad snippets; exit 1 if the checker judges
                              any of them wrongly (so a checker that cannot fail is caught)

Before parsing, `#if swift(>=V)` and `#if compiler(>=V)` blocks are resolved for the oldest toolchain
the app supports (Swift 6.0, Xcode 16): the directive lines are blanked and, like the Swift compiler,
the inactive branch is not parsed. UniFFI's generated code wraps single attributes that way
(`#if swift(>=5.8)` / `@_documentation(visibility: private)` / `#endif`), which tree-sitter-swift
cannot parse but every supported compiler accepts. Blanking keeps every line and column where it
was, so reported positions point into the real file. Other `#if` blocks are left to the grammar.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import tree_sitter_swift
from tree_sitter import Language, Node, Parser

# The oldest Swift compiler the iOS app supports (Xcode 16 ships Swift 6.0; SteadyKit needs it).
MIN_TOOLCHAIN = (6, 0)

_VERSION_IF = re.compile(r"^\s*#if\s+(?:swift|compiler)\s*\(\s*>=\s*([0-9]+(?:\.[0-9]+)*)\s*\)\s*(?://.*)?$")
_DIRECTIVE = re.compile(r"^\s*#(if|elseif|else|endif)\b")


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def resolve_version_conditions(source: str, toolchain: tuple[int, ...] = MIN_TOOLCHAIN) -> str:
    """Resolves `#if swift(>=V)` / `#if compiler(>=V)` blocks whose condition holds for `toolchain`,
    replacing directive lines and inactive lines with empty lines (line numbers are kept)."""
    out: list[str] = []
    # One entry per open #if: None for blocks left as they are, else "is the current branch active".
    stack: list[list[bool] | None] = []

    def skipping() -> bool:
        return any(entry is not None and not entry[0] for entry in stack)

    for line in source.split("\n"):
        eol = "\r" if line.endswith("\r") else ""
        version_if = _VERSION_IF.match(line)
        directive = _DIRECTIVE.match(line)
        if version_if and _version(version_if.group(1)) <= toolchain:
            stack.append([True])
            out.append(eol)
        elif directive and directive.group(1) == "if":
            stack.append(None)
            out.append(eol if skipping() else line)
        elif directive and directive.group(1) in ("elseif", "else") and stack and stack[-1] is not None:
            stack[-1][0] = False  # the resolved condition was true: every other branch is inactive
            out.append(eol)
        elif directive and directive.group(1) == "endif" and stack:
            entry = stack.pop()
            out.append(eol if entry is not None or skipping() else line)
        else:
            out.append(eol if skipping() else line)
    return "\n".join(out)


@dataclass
class Problem:
    line: int
    column: int
    what: str


_PARSER = Parser(Language(tree_sitter_swift.language()))


def _snippet(source: bytes, node: Node) -> str:
    text = source[node.start_byte : min(node.end_byte, node.start_byte + 40)].decode("utf-8", "replace")
    text = " ".join(text.split())
    return text + ("…" if node.end_byte - node.start_byte > 40 else "")


def problems(source_text: str) -> list[Problem]:
    """Every ERROR and MISSING node of the parse tree (ERROR subtrees are reported once)."""
    source = resolve_version_conditions(source_text).encode("utf-8")
    tree = _PARSER.parse(source)
    found: list[Problem] = []

    def walk(node: Node) -> None:
        if node.is_missing:
            found.append(Problem(node.start_point[0] + 1, node.start_point[1] + 1, f"MISSING {node.type!r}"))
            return
        if node.is_error:
            found.append(
                Problem(node.start_point[0] + 1, node.start_point[1] + 1, f"ERROR near {_snippet(source, node)!r}")
            )
            return
        if node.has_error:
            for child in node.children:
                walk(child)

    walk(tree.root_node)
    if not found and tree.root_node.has_error:
        # Defensive: an error flag with no node found must still fail.
        found.append(Problem(1, 1, "ERROR somewhere in the file"))
    return found


def check_file(path: Path) -> list[Problem]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return [Problem(1, 1, f"not UTF-8 ({e.reason} at byte {e.start})")]
    return problems(text)


# Snippets with their expected verdict: None = must parse; a line number = must fail there (within a
# line); 0 = must fail, anywhere (an unclosed brace is reported where its construct starts).
SELF_TEST: list[tuple[str, str, int | None]] = [
    (
        "view",
        "import SwiftUI\n\nstruct V: View {\n    @State private var n = 0\n"
        "    var body: some View {\n        Button(\"+\\(n)\") { n += 1 }\n    }\n}\n",
        None,
    ),
    (
        "uniffi attribute in #if",
        "#if swift(>=5.8)\n@_documentation(visibility: private)\n#endif\n"
        "fileprivate struct S {\n    func f() -> Int { 1 }\n}\n",
        None,
    ),
    (
        "inactive #else branch is not parsed",
        "#if compiler(>=5.5)\nlet a = 1\n#else\nlet a = (\n#endif\nlet b = a\n",
        None,
    ),
    ("canImport block", "#if canImport(Foo)\nimport Foo\n#endif\nlet x = 1\n", None),
    ("missing closing brace", "struct A {\n    var x = 1\n\nfunc f() {\n    print(1)\n", 0),
    ("broken let", "func f() {\n    let = 3\n}\n", 2),
    ("unclosed call", "func g() {\n    let y = max(1, 2\n}\n", 3),
    (
        "error after resolved #if keeps its line",
        "#if swift(>=5.8)\n@_documentation(visibility: private)\n#endif\n"
        "fileprivate struct S {\n    func f( {\n    }\n}\n",
        5,
    ),
    ("stray brace", "let a = 1\n}\nlet b = 2\n", 2),
]


def self_test() -> int:
    wrong = 0
    for name, source, expected_line in SELF_TEST:
        found = problems(source)
        if expected_line is None:
            ok = not found
            detail = "; ".join(f"{p.line}:{p.column} {p.what}" for p in found)
        else:
            # The first problem must be reported, and near the line that is broken.
            ok = bool(found) and (expected_line == 0 or any(abs(p.line - expected_line) <= 1 for p in found))
            detail = "; ".join(f"{p.line}:{p.column} {p.what}" for p in found) or "no problem reported"
        if expected_line is None:
            verdict = "must parse"
        else:
            verdict = "must fail" + (f" at line {expected_line}" if expected_line else "")
        print(f"{'ok  ' if ok else 'WRONG'} self-test: {name} ({verdict}){'' if ok else ': ' + detail}")
        wrong += not ok
    if resolve_version_conditions("a\n#if swift(>=5.8)\nb\n#endif\nc").split("\n") != ["a", "", "b", "", "c"]:
        print("WRONG self-test: directive blanking moved lines")
        wrong += 1
    return 1 if wrong else 0


def main(argv: list[str]) -> int:
    if argv == ["--self-test"]:
        return self_test()
    if not argv or any(a.startswith("-") for a in argv):
        print(__doc__, file=sys.stderr)
        return 2
    failed = 0
    for name in argv:
        path = Path(name)
        found = check_file(path)
        if found:
            failed += 1
            print(f"FAIL {name}")
            for p in found:
                print(f"  {name}:{p.line}:{p.column}: {p.what}")
        else:
            print(f"ok   {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
