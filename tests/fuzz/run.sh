#!/usr/bin/env bash
# Fuzzes every cargo-fuzz target in fuzz/ (libFuzzer + AddressSanitizer) for FUZZ_SECONDS each
# (default 60, the CI run) and fails on any crash, panic, timeout, leak or out-of-memory.
#
#   tests/fuzz/run.sh                        # CI: 60 s per target
#   FUZZ_SECONDS=3600 tests/fuzz/run.sh      # the long run: 1 h per target
#   tests/fuzz/run.sh summary parse_cli      # only these targets
#
# Only the stable toolchain is needed: RUSTC_BOOTSTRAP=1 lets stable rustc accept the -Z flags
# cargo-fuzz passes (-Zsanitizer=address, sancov passes); the ASan runtime ships with stable rust-std.
# The committed seed corpora (fuzz/corpus/<target>/) are copied to a temporary directory, so what a
# run discovers does not dirty the tree; crash inputs are kept in fuzz/artifacts/<target>/
# (git-ignored) with the last run's log (artifacts/<target>/last-run.log), and printed. Reproduce one with
#   cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O -a <target> artifacts/<target>/<file>
# Ends with one line: "N passed, M failed" (N = targets that ran clean for the whole time).
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root/fuzz"
seconds=${FUZZ_SECONDS:-60}
# A single input slower than this is a finding (e.g. a summary that takes minutes).
timeout=${FUZZ_TIMEOUT:-30}
export RUSTC_BOOTSTRAP=1
# The fuzz build has its own target dir (fuzz/target), separate from the workspace's.
export CARGO_TARGET_DIR="$root/fuzz/target"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz from crates.io"
    cargo install cargo-fuzz --locked --version 0.13.2 || { echo "0 passed, 1 failed"; exit 1; }
fi

start=$(date +%s)
# -O release with debug assertions (-a); overflow checks are on in fuzz/Cargo.toml's profile.
if ! cargo fuzz build -O -a; then
    echo "fuzz build failed"
    echo "0 passed, 1 failed"
    exit 1
fi
echo "build: $(( $(date +%s) - start )) s"
bin="$CARGO_TARGET_DIR/$(rustc -vV | sed -n 's/^host: //p')/release"

if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
summary=()
for t in "${targets[@]}"; do
    mkdir -p "$work/corpus/$t" "artifacts/$t"
    if [ -d "corpus/$t" ]; then cp -R "corpus/$t/." "$work/corpus/$t/"; fi
    args=(-max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2560 -print_final_stats=1)
    if [ -f "dict/$t.dict" ]; then args+=(-dict="dict/$t.dict"); fi
    log="artifacts/$t/last-run.log"
    t0=$(date +%s)
    echo "== $t: ${seconds} s"
    # The binary cargo fuzz built above, run directly (no second cargo invocation per target).
    "$bin/$t" "${args[@]}" -artifact_prefix="artifacts/$t/" "$work/corpus/$t" >"$log" 2>&1
    rc=$?
    took=$(( $(date +%s) - t0 ))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    execs=${execs:-?}
    # A clean run ends by itself ("Done N runs"); anything else (crash, timeout, OOM, leak) fails.
    if [ $rc -eq 0 ] && grep -q '^Done [0-9]* runs' "$log"; then
        passed=$((passed + 1))
        line="$t: ok, $execs executions in ${took} s, corpus $(ls "$work/corpus/$t" | wc -l) inputs"
    else
        failed=$((failed + 1))
        line="$t: FAILED (exit $rc) after $execs executions in ${took} s"
        # The libFuzzer report: panic message, sanitizer report, the saved crash input.
        grep -E -A40 'panicked at|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|==[0-9]+== ERROR|Test unit written|deadly signal|timeout' "$log" | head -80
        tail -5 "$log"
    fi
    echo "$line"
    summary+=("$line")
done

echo "== fuzz summary (${seconds} s per target, total $(( $(date +%s) - start )) s with the build)"
printf '  %s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
