#!/usr/bin/env bash
# The long variants of the reliability tests, not run in CI (hours, not minutes):
#   - the crash harness with 1,000 SIGKILLs of the log writer (and 333 each of the create and
#     rekey writers) instead of 300 / 100 / 100;
#   - every cargo-fuzz target for one hour instead of 60 seconds.
# Both can be tuned: STEADY_CRASH_KILLS=N, FUZZ_SECONDS=N. Usage: tests/long.sh
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Crash consistency: ${STEADY_CRASH_KILLS:-1000} kills"
STEADY_CRASH_KILLS="${STEADY_CRASH_KILLS:-1000}" cargo test --locked -p steady-core --test crash -- --nocapture

echo "== Fuzzing: ${FUZZ_SECONDS:-3600} s per target"
FUZZ_SECONDS="${FUZZ_SECONDS:-3600}" bash tests/fuzz/run.sh
