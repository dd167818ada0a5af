#!/usr/bin/env bash
# Rebuilds the fonts the PDF summary embeds (shared/assets/fonts/NotoSans-{Regular,Bold}.ttf) from
# Debian's fonts-noto-core (SIL Open Font License 1.1, see shared/assets/fonts/OFL.txt):
# Noto Sans Regular and Bold subset to the scripts a summary is written in and a patient may type
# (Latin with every accent, Greek, Cyrillic, punctuation), plus the few signs Noto Sans lacks taken
# from Noto Sans Math (≈ − ≤ ≥ ≠ ∞ and arrows, e.g. "1.5 mg ≈ 30 mg diazepam"). Hinting and
# OpenType layout tables are dropped: the renderer places glyphs itself. About 110 KB per weight
# instead of 510 KB. Not run by the tests; run it only to change the subset.
# Usage: tests/pdf/make-fonts.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
if ! (cd "$work" && apt-get download fonts-noto-core >/dev/null 2>&1); then
  $sudo apt-get update -qq >/dev/null
  (cd "$work" && apt-get download fonts-noto-core >/dev/null)
fi
dpkg-deb -x "$work"/fonts-noto-core_*.deb "$work/x"
noto="$work/x/usr/share/fonts/truetype/noto"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet fonttools

"$work/venv/bin/pyftsubset" "$noto/NotoSansMath-Regular.ttf" \
  --unicodes="U+2190-2199,U+2212,U+2213,U+2215,U+221E,U+2248,U+2260,U+2261,U+2264,U+2265" \
  --no-hinting --layout-features='' --drop-tables+=MATH,GSUB,GPOS,GDEF --output-file="$work/math.ttf"
unicodes="U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F"
unicodes="$unicodes,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+FFFD"
for weight in Regular Bold; do
  "$work/venv/bin/pyftsubset" "$noto/NotoSans-$weight.ttf" \
    --unicodes="$unicodes" --no-hinting --layout-features='' --drop-tables+=GSUB,GPOS,GDEF \
    --desubroutinize --name-IDs='0,1,2,3,4,5,6,7,13,14' --output-file="$work/base.ttf"
  (cd "$work" && venv/bin/pyftmerge base.ttf math.ttf >/dev/null)
  mv "$work/merged.ttf" "shared/assets/fonts/NotoSans-$weight.ttf"
done
ls -l shared/assets/fonts/
