#!/usr/bin/env bash
# Exports a diary as CSV through the CLI (with notes that try formula injection, commas, quotes and
# line breaks) and re-reads it with Python's csv module. A file with a live formula must be
# rejected, so the check can fail. Last line: `N passed, M failed`.
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
"${S[@]}" log sleep --night yesterday --hours 6.5 --quality 3 >/dev/null
"${S[@]}" log gad7 --items 1,2,1,0,3,1,2 >/dev/null
passed=0; failed=0
for lang in en fr nl nb; do
  "${S[@]}" summary --format csv --lang "$lang" --out "$WORK/$lang.csv" >/dev/null
  if python3 tests/csv/reread.py "$WORK/$lang.csv" 5; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
"${S[@]}" summary --format csv --exclude non-prescribed --out "$WORK/hidden.csv" >/dev/null
if python3 tests/csv/reread.py "$WORK/hidden.csv" 4; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
printf 'date,time,kind,substance,ATC,mg,tablets,strength,prescribed,low,high,value,note\r\n2026-01-01,00:00,dose,,,,,,,,,,=1+1\r\n' > "$WORK/live.csv"
if python3 tests/csv/reread.py "$WORK/live.csv" 1 >/dev/null; then
  echo "the checker accepted a live formula"; failed=$((failed + 1))
else
  passed=$((passed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
