#!/usr/bin/env bash
# Exports a diary as CSV through the CLI (with notes that try formula injection, commas, quotes and
# line breaks) in every language and re-reads it with Python's csv module: byte-order mark, the
# language's separator and decimal sign, the left-out line, every sleep and GAD-7 item. A file with a
# live formula, without its byte-order mark or read with the wrong separator must be rejected, so
# the check can fail. Last line: `N passed, M failed`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
cargo build -q -p steady-cli
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
S=(./target/debug/steady --data-dir "$WORK/diary" --key-file "$WORK/key")
"${S[@]}" init >/dev/null
"${S[@]}" log dose --drug Loramet --mg 2 --note '=HYPERLINK("http://x","click")' >/dev/null
"${S[@]}" log dose --drug xanax --tablets 1 --non-prescribed --note '@SUM(A1:A9), "quoted"' >/dev/null
"${S[@]}" log anxiety --score 4 --note $'+1 line one\nline two' >/dev/null
"${S[@]}" log sleep --night yesterday --hours 6.5 --quality 3 --latency-min 45 --awakenings 2 --waso-min 45 --in-bed 22:30 --out-of-bed 06:30 >/dev/null
"${S[@]}" log gad7 --items 1,2,1,0,3,1,2 >/dev/null
passed=0; failed=0
for lang in en fr nl nb; do
  "${S[@]}" summary --to today --format csv --lang "$lang" --out "$WORK/$lang.csv" >/dev/null
  if python3 tests/csv/reread.py "$WORK/$lang.csv" "$lang" 5; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
"${S[@]}" summary --to today --format csv --exclude non-prescribed --out "$WORK/hidden.csv" >/dev/null
if python3 tests/csv/reread.py "$WORK/hidden.csv" en 4 non-prescribed; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
# The checker must be able to fail: a live formula, no byte-order mark, a French file read as English.
python3 -c 'import sys; l = open(sys.argv[1], "rb").read().split(b"\r\n"); l[-2] = b"2026-01-01,00:00,dose" + b"," * 25 + b",=1+1"; open(sys.argv[2], "wb").write(b"\r\n".join(l))' \
  "$WORK/en.csv" "$WORK/live.csv"
tail -c +4 "$WORK/en.csv" > "$WORK/nobom.csv"
for bad in "live en" "nobom en" "fr en"; do
  set -- $bad
  if python3 tests/csv/reread.py "$WORK/$1.csv" "$2" 5 >/dev/null; then
    echo "the checker accepted $1.csv as $2"; failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
