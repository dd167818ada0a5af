"""Re-reads a Steady CSV export with Python's csv module (RFC 4180 dialect) and checks it.

Usage: reread.py FILE EXPECTED_ROWS
Fails unless: the header has 13 columns, every row has 13 cells, there are EXPECTED_ROWS data rows,
lines end in CRLF, and no cell starts with = + - @ tab or CR (formula injection defused with ').
"""
import csv
import sys


def main():
    path, expected = sys.argv[1], int(sys.argv[2])
    raw = open(path, "rb").read()
    if not raw.endswith(b"\r\n"):
        print(f"{path}: lines are not CRLF-terminated")
        return 1
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    header, data = rows[0], rows[1:]
    if len(header) != 13 or any(len(r) != 13 for r in data):
        print(f"{path}: ragged rows")
        return 1
    if len(data) != expected:
        print(f"{path}: {len(data)} rows, expected {expected}")
        return 1
    for r in rows:
        for cell in r:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                print(f"{path}: live formula cell {cell!r}")
                return 1
    print(f"{path}: ok ({len(data)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
