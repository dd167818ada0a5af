"""Re-reads a Steady CSV export with Python's csv module (RFC 4180 dialect) and checks it.

Usage: reread.py FILE LANG EXPECTED_ROWS [LEFT_OUT_WORD]
Fails unless: the file starts with a UTF-8 byte-order mark; cells are separated by `,` in English
and by `;` in French, Dutch and Norwegian; decimals use `.` in English and `,` otherwise (every
numeric cell is checked, and the 6.5-hour night must read 6.5 / 6,5); lines end in CRLF; the first
line names what was left out (LEFT_OUT_WORD when given) in its first cell only; the header and every
row have 29 cells; there are EXPECTED_ROWS data rows; the sleep row has its diary items and the
GAD-7 row its seven items; and no cell starts with = + - @ tab or CR (formula injection defused).
"""
import csv
import io
import re
import sys

WIDTH = 29
SEP = {"en": ",", "fr": ";", "nl": ";", "nb": ";"}
DECIMAL = {"en": ".", "fr": ",", "nl": ",", "nb": ","}
# Columns holding numbers: mg, tablets, strength, DE low/high, and the numeric sleep items.
NUMERIC = [5, 6, 7, 9, 10, 14, 15, 16, 19, 20]


def check(path, lang, expected, left_out):
    raw = open(path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        return "no UTF-8 byte-order mark"
    if not raw.endswith(b"\r\n"):
        return "lines are not CRLF-terminated"
    text = raw[3:].decode("utf-8")
    sep, dec = SEP[lang], DECIMAL[lang]
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True))
    except csv.Error as e:
        return f"not CSV with {sep!r} between cells: {e}"
    if len(rows) < 2:
        return "no header"
    first, header, data = rows[0], rows[1], rows[2:]
    if len(header) != WIDTH or len(first) != WIDTH or any(len(r) != WIDTH for r in data):
        return f"ragged rows or wrong separator (header has {len(header)} cells with {sep!r})"
    if not first[0] or any(first[1:]):
        return f"the first line does not say what was left out: {first!r}"
    if left_out and left_out.lower() not in first[0].lower():
        return f"the first line does not name {left_out!r}: {first[0]!r}"
    if len(data) != expected:
        return f"{len(data)} rows, expected {expected}"
    number = re.compile(r"^\d+(" + re.escape(dec) + r"\d+)?$")
    for r in data:
        for i in NUMERIC:
            if r[i] and not number.match(r[i]):
                return f"column {header[i]!r}: {r[i]!r} is not a number with {dec!r} decimals"
    sleep = [r for r in data if r[14] != ""]
    if sleep and not any(r[11] == f"6{dec}5" for r in sleep):
        return f"the 6.5-hour night does not read 6{dec}5"
    if sleep and any(r[20] == "" for r in sleep):
        return "a night without its quality item"
    gad = [r for r in data if r[21] != ""]
    if gad and [r[21:28] for r in gad][0] != ["1", "2", "1", "0", "3", "1", "2"]:
        return f"GAD-7 items lost: {gad[0][21:28]!r}"
    for r in rows:
        for cell in r:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                return f"live formula cell {cell!r}"
    return None


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    path, lang, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
    problem = check(path, lang, expected, sys.argv[4] if len(sys.argv) > 4 else None)
    if problem:
        print(f"{path}: {problem}")
        return 1
    print(f"{path}: ok ({lang}, {expected} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
