#!/usr/bin/env python3
"""Draws Steady's app icon (ios/Steady/Assets.xcassets/AppIcon.appiconset/AppIcon-1024.png) with
the standard library only: a calm teal square with one white line that steps down and then runs
level — a taper that reaches a steady dose. 1024 × 1024, RGB without alpha (the App Store refuses an
icon with transparency); iOS rounds the corners itself.

    python3 ios/scripts/make-app-icon.py [OUT.png]
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from pathlib import Path

SIZE = 1024
TOP = (46, 125, 122)  # teal
BOTTOM = (28, 74, 104)  # deep blue
LINE = (255, 255, 255)
HALF_WIDTH = 26.0
# The line: level, a step down, level, a smaller step down, then level to the end.
POINTS = [(150, 360), (330, 360), (450, 500), (590, 500), (690, 610), (874, 610)]
DOT = (874, 610, 46.0)  # a round end: the dose the patient settled on


def segment_distance(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    cx, cy = ax + t * dx, ay + t * dy
    return math.hypot(px - cx, py - cy)


def coverage(x: int, y: int) -> float:
    px, py = x + 0.5, y + 0.5
    d = min(segment_distance(px, py, *POINTS[i], *POINTS[i + 1]) for i in range(len(POINTS) - 1))
    line = max(0.0, min(1.0, HALF_WIDTH + 0.5 - d))
    dot = max(0.0, min(1.0, DOT[2] + 0.5 - math.hypot(px - DOT[0], py - DOT[1])))
    return max(line, dot)


def render() -> bytes:
    rows = bytearray()
    xs_min = min(p[0] for p in POINTS) - 60
    xs_max = max(p[0] for p in POINTS) + 60
    ys_min = min(p[1] for p in POINTS) - 60
    ys_max = max(p[1] for p in POINTS) + 60
    for y in range(SIZE):
        t = y / (SIZE - 1)
        bg = tuple(round(TOP[c] + (BOTTOM[c] - TOP[c]) * t) for c in range(3))
        rows.append(0)  # PNG filter: none
        for x in range(SIZE):
            a = coverage(x, y) if xs_min <= x <= xs_max and ys_min <= y <= ys_max else 0.0
            if a == 0.0:
                rows.extend(bg)
            else:
                rows.extend(round(bg[c] + (LINE[c] - bg[c]) * a) for c in range(3))
    return bytes(rows)


def png(raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)  # 8-bit RGB, no alpha
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main() -> int:
    here = Path(__file__).resolve().parent
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else here.parent / "Steady/Assets.xcassets/AppIcon.appiconset/AppIcon-1024.png"
    out.write_bytes(png(render()))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
