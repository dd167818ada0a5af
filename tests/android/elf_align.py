#!/usr/bin/env python3
"""16 KB page checks of ELF shared libraries, with `readelf -lW`, as Android 15+ devices with 16 KB
pages and Google Play need them (https://developer.android.com/guide/practices/page-sizes).

    elf_align.py FILE...       FILE is a .so, or an .apk / .aab / .aar / .jar / .zip whose .so files
                               are all checked. Prints "ok   NAME: ..." or "FAIL NAME" plus one
                               "  NAME: why" line per problem; exits 1 if any file failed.
    elf_align.py --self-test   judges recorded program header tables; exits 1 if any is judged wrongly

A library passes when:
1. every PT_LOAD segment has p_align >= 16384 (what Android's check_elf_alignment.sh and Play check),
   with p_offset and p_vaddr congruent modulo 16384, so the loader can map each segment at a 16 KB
   page boundary; and
2. no writable byte outside PT_GNU_RELRO lies in the 16 KB pages that PT_GNU_RELRO touches. After
   relocation the loader makes those whole pages read-only; a library aligned to 16 KB whose RELRO
   ends on a 4 KB boundary in the middle of its data crashes at its first write there. JNA 5.16.0's
   libjnidispatch.so was exactly that (JNA issue 1647, fixed in 5.17.0 with common-page-size=16384):
   rule 1 alone passes it.
In archives, uncompressed .so entries must also start at a 16 KB offset in the zip (zipalign -P 16),
since Android maps them from the APK directly.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

PAGE = 16384

_SEGMENT = re.compile(
    r"^\s*(?P<type>[A-Z_]+)\s+(?P<offset>0x[0-9a-f]+)\s+(?P<vaddr>0x[0-9a-f]+)\s+(?P<paddr>0x[0-9a-f]+)\s+"
    r"(?P<filesz>0x[0-9a-f]+)\s+(?P<memsz>0x[0-9a-f]+)\s+(?P<flags>[RWE ]+?)\s+(?P<align>0x[0-9a-f]+)\s*$"
)


@dataclass
class Segment:
    type: str
    offset: int
    vaddr: int
    memsz: int
    flags: str
    align: int


def segments(readelf_text: str) -> list[Segment]:
    found = []
    for line in readelf_text.splitlines():
        m = _SEGMENT.match(line)
        if m:
            found.append(
                Segment(m["type"], int(m["offset"], 16), int(m["vaddr"], 16), int(m["memsz"], 16),
                        m["flags"].replace(" ", ""), int(m["align"], 16))
            )
    return found


def judge(readelf_text: str, page: int = PAGE) -> tuple[list[str], str]:
    """Problems of one library from its `readelf -lW` output, and a one-line summary."""
    segs = segments(readelf_text)
    loads = [s for s in segs if s.type == "LOAD"]
    if not loads:
        return ["no LOAD segment found in readelf -lW output (not an ELF shared library?)"], ""
    problems = []
    for i, s in enumerate(loads):
        if s.align < page:
            problems.append(f"LOAD segment {i} ({s.flags}) is aligned to {s.align:#x}, below {page:#x}")
        elif s.offset % page != s.vaddr % page:
            problems.append(
                f"LOAD segment {i} ({s.flags}): offset {s.offset:#x} and address {s.vaddr:#x} differ modulo {page:#x}"
            )
    for relro in (s for s in segs if s.type == "GNU_RELRO"):
        start, end = relro.vaddr, relro.vaddr + relro.memsz
        protected = (start - start % page, -(-end // page) * page)
        for s in loads:
            if "W" not in s.flags:
                continue
            # The writable bytes of this segment that are not RELRO themselves.
            for lo, hi in ((s.vaddr, min(s.vaddr + s.memsz, start)), (max(s.vaddr, end), s.vaddr + s.memsz)):
                if lo < hi and lo < protected[1] and hi > protected[0]:
                    problems.append(
                        f"GNU_RELRO {start:#x}-{end:#x} is made read-only in whole {page // 1024} KB pages "
                        f"({protected[0]:#x}-{protected[1]:#x}), which also hold writable data at "
                        f"{max(lo, protected[0]):#x}-{min(hi, protected[1]):#x}"
                    )
    aligns = sorted({s.align for s in loads})
    return problems, f"{len(loads)} LOAD segments, align {', '.join(f'{a:#x}' for a in aligns)}"


def readelf(path: Path) -> tuple[str, str]:
    run = subprocess.run(["readelf", "-lW", str(path)], capture_output=True, text=True)
    return run.stdout, run.stderr.strip()


def check_library(path: Path, name: str) -> bool:
    text, err = readelf(path)
    problems, summary = judge(text)
    if err and not summary:
        problems = [f"readelf: {err}"]
    if problems:
        print(f"FAIL {name}")
        for p in problems:
            print(f"  {name}: {p}")
        return False
    print(f"ok   {name}: {summary}")
    return True


def check_archive(path: Path) -> bool:
    ok = True
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
        libraries = [info for info in archive.infolist() if info.filename.endswith(".so")]
        if not libraries:
            print(f"ok   {path}: no .so inside")
            return True
        for info in libraries:
            name = f"{path}!/{info.filename}"
            if path.suffix == ".apk" and info.compress_type == zipfile.ZIP_STORED:
                # The data starts after the 30-byte local header, the name and the local extra field.
                with open(path, "rb") as raw:
                    raw.seek(info.header_offset + 26)
                    name_len, extra_len = int.from_bytes(raw.read(2), "little"), int.from_bytes(raw.read(2), "little")
                data_offset = info.header_offset + 30 + name_len + extra_len
                if data_offset % PAGE:
                    print(f"FAIL {name}")
                    print(f"  {name}: stored uncompressed at zip offset {data_offset:#x}, not on a 16 KB boundary")
                    ok = False
                    continue
            target = Path(tmp) / info.filename.replace("/", "_")
            target.write_bytes(archive.read(info))
            ok &= check_library(target, name)
    return ok


# Program header tables as readelf -lW prints them, with their expected verdicts.
_JNA_5_16_AARCH64 = """
  Type           Offset   VirtAddr           PhysAddr           FileSiz  MemSiz   Flg Align
  LOAD           0x000000 0x0000000000000000 0x0000000000000000 0x025338 0x025338 R E 0x4000
  LOAD           0x025b98 0x0000000000029b98 0x0000000000029b98 0x0006ac 0x000ee8 RW  0x4000
  DYNAMIC        0x025c70 0x0000000000029c70 0x0000000000029c70 0x0001b0 0x0001b0 RW  0x8
  GNU_RELRO      0x025b98 0x0000000000029b98 0x0000000000029b98 0x000468 0x000468 R   0x1
"""
_JNA_5_17_AARCH64 = """
  LOAD           0x000000 0x0000000000000000 0x0000000000000000 0x025338 0x025338 R E 0x4000
  LOAD           0x027b98 0x000000000002bb98 0x000000000002bb98 0x0006ac 0x000ee8 RW  0x4000
  GNU_RELRO      0x027b98 0x000000000002bb98 0x000000000002bb98 0x000468 0x000468 R   0x1
"""
_GCC_DEFAULT_X86_64 = """
  LOAD           0x000000 0x0000000000000000 0x0000000000000000 0x000488 0x000488 R   0x1000
  LOAD           0x001000 0x0000000000001000 0x0000000000001000 0x00011d 0x00011d R E 0x1000
  LOAD           0x002e50 0x0000000000003e50 0x0000000000003e50 0x0001bc 0x0001c0 RW  0x1000
  GNU_RELRO      0x002e50 0x0000000000003e50 0x0000000000003e50 0x0001b0 0x0001b0 R   0x1
"""
# lld (rust-lld, the NDK's linker) with max-page-size=16384: RELRO ends on a 4 KB boundary, but the
# next writable segment starts in the next 16 KB page, so nothing writable is made read-only.
_LLD_16K_SPLIT_RW = """
  LOAD           0x000000 0x0000000000000000 0x0000000000000000 0x25664c 0x25664c R   0x4000
  LOAD           0x25664c 0x000000000025a64c 0x000000000025a64c 0x64f134 0x64f134 R E 0x4000
  LOAD           0x8a5780 0x00000000008ad780 0x00000000008ad780 0x042e38 0x043880 RW  0x4000
  LOAD           0x8e85b8 0x00000000008f45b8 0x00000000008f45b8 0x006558 0x008d18 RW  0x4000
  GNU_RELRO      0x8a5780 0x00000000008ad780 0x00000000008ad780 0x042e38 0x043880 R   0x1
"""
_INCONGRUENT = """
  LOAD           0x000000 0x0000000000000000 0x0000000000000000 0x001000 0x001000 R E 0x4000
  LOAD           0x001000 0x0000000000005800 0x0000000000005800 0x000100 0x000100 RW  0x4000
"""
SELF_TEST = [
    ("JNA 5.16.0 libjnidispatch.so (aligned; RELRO shares a 16 KB page with .data)", _JNA_5_16_AARCH64, "GNU_RELRO"),
    ("JNA 5.17.0 libjnidispatch.so", _JNA_5_17_AARCH64, None),
    ("gcc default link (4 KB)", _GCC_DEFAULT_X86_64, "aligned to 0x1000"),
    ("lld, max-page-size=16384", _LLD_16K_SPLIT_RW, None),
    ("offset and address not congruent", _INCONGRUENT, "differ modulo"),
    ("not an ELF", "readelf: Error: Not an ELF file", "no LOAD segment"),
]


def self_test() -> int:
    wrong = 0
    for name, text, expected in SELF_TEST:
        problems, _ = judge(text)
        ok = not problems if expected is None else any(expected in p for p in problems)
        verdict = "must pass" if expected is None else f"must fail ({expected})"
        detail = "; ".join(problems) or "no problem reported"
        print(f"{'ok  ' if ok else 'WRONG'} self-test: {name} ({verdict}){'' if ok else ': ' + detail}")
        wrong += not ok
    return 1 if wrong else 0


def main(argv: list[str]) -> int:
    if argv == ["--self-test"]:
        return self_test()
    if not argv or any(a.startswith("-") for a in argv):
        print(__doc__, file=sys.stderr)
        return 2
    ok = True
    for name in argv:
        path = Path(name)
        if not path.is_file():
            print(f"FAIL {name}\n  {name}: no such file")
            ok = False
        elif zipfile.is_zipfile(path):
            ok &= check_archive(path)
        else:
            ok &= check_library(path, name)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
