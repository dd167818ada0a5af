#!/usr/bin/env bash
# Checks a taper plan's iCalendar export with an independent parser (Python `icalendar`): a plan is
# created through the CLI, held and resumed, exported with `steady plan ics`, and parsed; the count
# of events must equal the upcoming steps from `plan show --json`, and no event may name the drug
# or a dose. A deliberately broken file must be rejected, so the check can fail.
# Installs icalendar into target/ics-venv. Last line: `N passed, M failed`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
VENV="$ROOT/target/ics-venv"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$VENV"; }
fi
"$VENV/bin/pip" install -q --disable-pip-version-check -r tests/ics/requirements.txt
cargo build -q -p steady-cli
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
S=(./target/debug/steady --data-dir "$WORK/diary" --key-file "$WORK/key")
"${S[@]}" init >/dev/null
"${S[@]}" plan create --drug Loramet --start-mg 2 --strengths 1,2 --split 4 --percent 10 --every-days 14 >/dev/null
"${S[@]}" plan hold --reason "sleep got bad" >/dev/null
"${S[@]}" plan resume >/dev/null
"${S[@]}" plan ics --out "$WORK/plan.ics" >/dev/null
UPCOMING=$("${S[@]}" plan show --json | "$VENV/bin/python" -c \
  'import json,sys; print(sum(1 for s in json.load(sys.stdin)["steps"] if s["status"] == "upcoming"))')

passed=0; failed=0
if "$VENV/bin/python" tests/ics/parse_ics.py "$WORK/plan.ics" "$UPCOMING" lormetazepam loramet " mg"; then
  passed=$((passed + 1)); else failed=$((failed + 1)); fi
# The checker must be able to fail: a file that names the drug, and a truncated file.
sed 's/^SUMMARY:.*/SUMMARY:lormetazepam 1 mg/' "$WORK/plan.ics" > "$WORK/leaky.ics"
head -c 200 "$WORK/plan.ics" > "$WORK/broken.ics"
for bad in leaky broken; do
  if "$VENV/bin/python" tests/ics/parse_ics.py "$WORK/$bad.ics" "$UPCOMING" lormetazepam >/dev/null 2>&1; then
    echo "the checker accepted the $bad file"; failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
