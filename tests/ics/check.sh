#!/usr/bin/env bash
# Checks a taper plan's iCalendar export with two independent parsers, Python `icalendar` and npm
# `ical.js` (Mozilla's): a plan is created through the CLI, held and resumed, exported with
# `steady plan ics --alarm-min 60` and parsed; the events must equal the upcoming steps from
# `plan show --json`, each with SEQUENCE 2 (two changes) and a reminder, and no event may name the
# drug or a dose. In French the titles are French. After `plan end` the file still has events: every
# step that was upcoming, now STATUS:CANCELLED with SEQUENCE 3. A leaky, a truncated and a stale
# (old SEQUENCE) file must be rejected by both parsers, so the check can fail.
# Installs icalendar into target/ics-venv and ical.js into target/ics-node (Node.js and npm from
# Debian if missing). Last line: `N passed, M failed`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
VENV="$ROOT/target/ics-venv"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$VENV"; }
fi
"$VENV/bin/pip" install -q --disable-pip-version-check -r tests/ics/requirements.txt
if ! command -v npm >/dev/null; then
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
NODE="$ROOT/target/ics-node"
if [ ! -f "$NODE/node_modules/ical.js/package.json" ]; then
  mkdir -p "$NODE"
  npm install --silent --no-audit --no-fund --prefix "$NODE" ical.js@2.2.1 >/dev/null
fi
cargo build -q -p steady-cli
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
S=(./target/debug/steady --data-dir "$WORK/diary" --key-file "$WORK/key")
"${S[@]}" init >/dev/null
"${S[@]}" plan create --drug Loramet --start-mg 2 --start "$(date -d "-20 days" +%F)" --strengths 1,2 --split 4 --percent 10 --every-days 14 >/dev/null
"${S[@]}" plan hold --reason "sleep got bad" >/dev/null
"${S[@]}" plan resume >/dev/null
"${S[@]}" plan ics --alarm-min 60 --out "$WORK/plan.ics" >/dev/null
UPCOMING=$("${S[@]}" plan show --json | "$VENV/bin/python" -c \
  'import json,sys; print(sum(1 for s in json.load(sys.stdin)["steps"] if s["status"] == "upcoming"))')
"${S[@]}" settings set language fr >/dev/null
"${S[@]}" plan ics --out "$WORK/fr.ics" >/dev/null
"${S[@]}" plan end --reason "goal changed" >/dev/null
"${S[@]}" plan ics --alarm-min 60 --out "$WORK/ended.ics" >/dev/null

passed=0; failed=0
FORBID=(lormetazepam loramet " mg")
both() { # FILE EVENTS CANCELLED SEQUENCE ALARMS WORD...
  "$VENV/bin/python" tests/ics/parse_ics.py "$@" && node tests/ics/icaljs_check.cjs "$NODE" "$@"
}
# file events cancelled sequence alarms
for spec in "plan $UPCOMING 0 2 $UPCOMING" "fr $UPCOMING 0 2 0" "ended $UPCOMING $UPCOMING 3 0"; do
  set -- $spec
  if both "$WORK/$1.ics" "$2" "$3" "$4" "$5" "${FORBID[@]}"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
if grep -q "^SUMMARY:Steady : étape" "$WORK/fr.ics" && ! grep -q "plan step" "$WORK/fr.ics"; then
  passed=$((passed + 1)); else echo "fr.ics: titles are not in French"; failed=$((failed + 1)); fi
# The checkers must be able to fail: a file that names the drug, a truncated file, a stale SEQUENCE.
sed 's/^SUMMARY:.*/SUMMARY:lormetazepam 1 mg/' "$WORK/plan.ics" > "$WORK/leaky.ics"
head -c 200 "$WORK/plan.ics" > "$WORK/broken.ics"
sed 's/^SEQUENCE:.*/SEQUENCE:0/' "$WORK/plan.ics" > "$WORK/stale.ics"
for bad in leaky broken stale; do
  for parser in python node; do
    if [ "$parser" = python ]; then
      cmd=("$VENV/bin/python" tests/ics/parse_ics.py)
    else
      cmd=(node tests/ics/icaljs_check.cjs "$NODE")
    fi
    if "${cmd[@]}" "$WORK/$bad.ics" "$UPCOMING" 0 2 "$UPCOMING" "${FORBID[@]}" >/dev/null 2>&1; then
      echo "$parser accepted the $bad file"; failed=$((failed + 1))
    else
      passed=$((passed + 1))
    fi
  done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
