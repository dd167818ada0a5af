#!/usr/bin/env bash
# The iPhone app's Swift, compiled by a real Swift 6 compiler and tested against the real library.
#
#  1. Builds the debug (unstripped) steady-core library and generates its Swift bindings with
#     uniffi-bindgen (library mode) into target/swift/bindings; copies them into the SteadyKit
#     package (ios/SteadyKit/Sources/SteadyCore/SteadyCore.swift, Sources/SteadyCoreFFI/SteadyCoreFFI.h;
#     both ignored by git).
#  2. C header: `gcc -fsyntax-only -std=c11` and the module map; FFI agreement (ffi_check.py): every
#     declared function links against the library, contract version and API checksums equal those in
#     SteadyCore.swift (the check the app makes at launch).
#  3. tree-sitter-swift: a parser self-test, then every Swift file under ios/ (the SwiftUI views of
#     ios/Steady included, which no Linux compiler can build) parses with no ERROR or MISSING node.
#     (The generated bindings are compiled by swiftc in step 6 instead.)
#  4. ship_check.py: every screen of the issue exists in ios/Steady and renders SteadyKit's model;
#     no patient-facing string literal in the views; PrivacyInfo.xcprivacy declares every
#     required-reason API; the XcodeGen project (iOS 17, ITSAppUsesNonExemptEncryption, icon).
#  5. A Swift 6.0.3 toolchain from Debian trixie in a chroot (tests/swift/toolchain.sh: debootstrap,
#     proc mounted for the run and unmounted by a trap; built once under target/swift-chroot and
#     reused). A compiler self-test: a file with a type error must be rejected.
#  6. `swift build --build-tests` of ios/SteadyKit (Swift 6 language mode, warnings are errors in
#     SteadyKit's own code), then `swift test`: the XCTest suite drives the real library. Prints
#     XCTest's summary line. Fewer than 40 tests run counts as a failure (a suite that lost its
#     tests is not a passing suite).
#
# Needs root for the chroot (CI runs as root). Installs what it needs: debootstrap, gcc, python3-venv
# with apt-get; tree-sitter from PyPI (tests/swift/requirements.txt) into target/swift/venv.
# The last line printed is always `N passed, M failed` (N counts the checks, parsed files and XCTest
# cases that passed); the exit status is non-zero when anything failed.
#
# Environment: CARGO_TARGET_DIR; SWIFT_CHROOT (reuse a chroot elsewhere); SWIFT_TESTS_VERBOSE=1 (show
# the whole build and test output); SWIFT_TESTS_FILTER (passed to `swift test --filter`).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="tests/swift"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
OUT="$TARGET_DIR/swift"
BINDINGS="$OUT/bindings"
VENV="$OUT/venv"
PKG="$ROOT/ios/SteadyKit"
SPM_SCRATCH="$OUT/steadykit-build"
MIN_TESTS=40
VERBOSE="${SWIFT_TESTS_VERBOSE:-0}"
START=$SECONDS

passed=0
failed=0
summary_printed=0
pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL: $*"
}
summary() {
  echo "swift: $((SECONDS - START)) s"
  echo "$passed passed, $failed failed"
  summary_printed=1
}
# Anything that stops the script early (a failed install or build) still ends with the count line.
on_exit() {
  local status=$?
  if [[ $summary_printed == 0 ]]; then
    echo "swift: stopped early (exit $status)" >&2
    [[ $failed == 0 ]] && failed=1
    summary
  fi
}
trap on_exit EXIT

# A section header with the time spent so far.
section() {
  echo "== $* ($((SECONDS - START)) s)"
}

apt_updated=0
apt_install() {
  if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) == 0 ]]; then
    echo "installing $* with apt-get"
    if [[ $apt_updated == 0 ]]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
      apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "missing: $* (install it and retry)" >&2
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------
section "tools"
command -v cargo >/dev/null 2>&1 || {
  echo "cargo not found: install Rust with rustup (https://rustup.rs) and retry" >&2
  exit 1
}
command -v gcc >/dev/null 2>&1 || apt_install gcc libc6-dev
command -v python3 >/dev/null 2>&1 || apt_install python3 python3-venv
python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv

if [[ ! -x "$VENV/bin/python" ]] || ! cmp -s "$HERE/requirements.txt" "$VENV/requirements.txt" ||
  ! "$VENV/bin/python" -c 'import tree_sitter, tree_sitter_swift' 2>/dev/null; then
  echo "installing tree-sitter-swift into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
  cp "$HERE/requirements.txt" "$VENV/requirements.txt"
fi
PY="$VENV/bin/python"

# ---------------------------------------------------------------------------------------------
section "Swift bindings from the debug library"
mkdir -p "$OUT"
# The build's output (warnings included) is shown only when it fails; tests/all.sh lints the Rust.
if ! cargo build --quiet -p steady-core >"$OUT/build.log" 2>&1; then
  cat "$OUT/build.log"
  fail "cargo build -p steady-core"
  exit 1
fi
case "$(uname -s)" in
  Darwin) BUILT="$TARGET_DIR/debug/libsteady_core.dylib" ;;
  *) BUILT="$TARGET_DIR/debug/libsteady_core.so" ;;
esac
# A private copy: the bindings are generated from it and the tests load it, so they always match,
# even if another cargo run rebuilds target/debug meanwhile.
mkdir -p "$OUT/lib"
LIB="$OUT/lib/$(basename "$BUILT")"
cp "$BUILT" "$LIB.tmp" && mv -f "$LIB.tmp" "$LIB"
rm -rf "$BINDINGS"
if ! cargo run --quiet -p uniffi-bindgen -- \
  generate --library "$LIB" --language swift --out-dir "$BINDINGS" >"$OUT/bindgen.log" 2>&1; then
  cat "$OUT/bindgen.log"
  fail "uniffi-bindgen could not generate the Swift bindings"
  exit 1
fi
# It says that swift-format is not installed; that is expected here.
grep -v "swift-format" "$OUT/bindgen.log" || true
for f in SteadyCore.swift SteadyCoreFFI.h SteadyCoreFFI.modulemap; do
  if [[ ! -s "$BINDINGS/$f" ]]; then
    fail "uniffi-bindgen did not produce $BINDINGS/$f"
    exit 1
  fi
done
# Into the package, only when changed (SwiftPM then rebuilds only what depends on them). The
# folders hold nothing else in git (Sources/SteadyCoreFFI has the module map).
mkdir -p "$PKG/Sources/SteadyCore" "$PKG/Sources/SteadyCoreFFI"
cmp -s "$BINDINGS/SteadyCore.swift" "$PKG/Sources/SteadyCore/SteadyCore.swift" ||
  cp "$BINDINGS/SteadyCore.swift" "$PKG/Sources/SteadyCore/SteadyCore.swift"
cmp -s "$BINDINGS/SteadyCoreFFI.h" "$PKG/Sources/SteadyCoreFFI/SteadyCoreFFI.h" ||
  cp "$BINDINGS/SteadyCoreFFI.h" "$PKG/Sources/SteadyCoreFFI/SteadyCoreFFI.h"
echo "generated SteadyCore.swift, SteadyCoreFFI.h, SteadyCoreFFI.modulemap in ${BINDINGS#"$ROOT/"}; copied into ios/SteadyKit"

# ---------------------------------------------------------------------------------------------
section "C header"
# The header is written for Clang: its nullability qualifiers (_Nullable, _Nonnull) are not C11 and
# gcc does not know them, so they are defined away. stdint.h/stdbool.h are included by the header.
header_log="$OUT/header.log"
if gcc -fsyntax-only -std=c11 -D_Nullable= -D_Nonnull= -D_Null_unspecified= \
  -x c "$BINDINGS/SteadyCoreFFI.h" 2>"$header_log"; then
  if grep -q '^module SteadyCoreFFI {' "$BINDINGS/SteadyCoreFFI.modulemap" &&
    grep -q 'header "SteadyCoreFFI.h"' "$BINDINGS/SteadyCoreFFI.modulemap" &&
    grep -q '^module SteadyCoreFFI {' "$PKG/Sources/SteadyCoreFFI/module.modulemap" &&
    grep -q 'link "steady_core"' "$PKG/Sources/SteadyCoreFFI/module.modulemap"; then
    echo "ok   SteadyCoreFFI.h (gcc -fsyntax-only -std=c11), its module map and SteadyKit's (with link)"
    pass
  else
    fail "a module map does not declare module SteadyCoreFFI with its header (and SteadyKit's the link)"
  fi
else
  fail "SteadyCoreFFI.h does not compile"
  cat "$header_log"
fi

# ---------------------------------------------------------------------------------------------
section "FFI: header, library and Swift bindings agree"
if "$PY" "$HERE/ffi_check.py" --header "$BINDINGS/SteadyCoreFFI.h" --swift "$BINDINGS/SteadyCore.swift" \
  --lib-dir "$(dirname "$LIB")" --work "$OUT/ffi-check"; then
  pass
else
  fail "ffi_check.py"
fi

# ---------------------------------------------------------------------------------------------
section "tree-sitter-swift: self-test"
selftest="$OUT/selftest"
rm -rf "$selftest"
mkdir -p "$selftest"
printf 'import SwiftUI\n\nstruct Broken: View {\n    var body: some View {\n        Text(words.title\n    }\n}\n' \
  >"$selftest/Broken.swift"
printf 'import SwiftUI\n\nstruct Fine: View {\n    var body: some View {\n        Text(words.title)\n    }\n}\n' \
  >"$selftest/Fine.swift"
self_ok=1
"$PY" "$HERE/parse_swift.py" --self-test || self_ok=0
if "$PY" "$HERE/parse_swift.py" "$selftest/Broken.swift" >"$selftest/broken.out"; then
  echo "WRONG self-test: a file with a missing ')' was accepted"
  self_ok=0
elif ! grep -q "Broken.swift:[0-9]*:[0-9]*: " "$selftest/broken.out"; then
  echo "WRONG self-test: the broken file was rejected without a file:line:col"
  cat "$selftest/broken.out"
  self_ok=0
else
  echo "ok   self-test: Broken.swift rejected: $(grep -m1 'Broken.swift:' "$selftest/broken.out" | sed 's|.*/||')"
fi
if ! "$PY" "$HERE/parse_swift.py" "$selftest/Fine.swift" >/dev/null; then
  echo "WRONG self-test: a correct file was rejected"
  self_ok=0
fi
if [[ $self_ok == 1 ]]; then
  pass
else
  fail "the Swift parser self-test: the checker cannot be trusted"
fi

# ---------------------------------------------------------------------------------------------
section "tree-sitter-swift: every Swift file under ios/"
files=()
while IFS= read -r -d '' f; do
  files+=("$f")
done < <(find ios -name '*.swift' -not -path 'ios/SteadyKit/Sources/SteadyCore/*' -not -path '*/.build/*' \
  -not -path '*/build/*' -not -path '*/DerivedData/*' -not -path '*.xcframework/*' -print0 | sort -z)
if [[ ${#files[@]} == 0 || ! -f ios/Steady/SteadyApp.swift ]]; then
  fail "no Swift sources found under ios/ (expected ios/Steady/SteadyApp.swift and others)"
fi
# The generated bindings are not parsed here: swiftc compiles them below, a stronger check, and
# UniFFI writes constructs tree-sitter-swift 0.7.4 rejects (`let writeReturn = { () }` for a
# callback method returning nothing) although every Swift compiler accepts them.
parse_out="$OUT/parse.out"
"$PY" "$HERE/parse_swift.py" "${files[@]}" >"$parse_out" || true
if [[ $VERBOSE == 1 ]]; then
  sed "s|$ROOT/||g" "$parse_out"
else
  grep -v '^ok ' "$parse_out" | sed "s|$ROOT/||g" || true
fi
ok_files=$(grep -c '^ok ' "$parse_out" || true)
bad_files=$(grep -c '^FAIL ' "$parse_out" || true)
echo "parsed $((ok_files + bad_files)) files: $ok_files ok, $bad_files with syntax errors"
passed=$((passed + ok_files))
failed=$((failed + bad_files))
if [[ $((ok_files + bad_files)) != "${#files[@]}" ]]; then
  fail "parse_swift.py reported on $((ok_files + bad_files)) of ${#files[@]} files"
fi

# ---------------------------------------------------------------------------------------------
section "the app target: screens, words, privacy manifest, project"
ship_out="$OUT/ship-check.out"
"$PY" "$HERE/ship_check.py" --root "$ROOT" >"$ship_out" || true
cat "$ship_out"
ship_ok=$(grep -c '^ok ' "$ship_out" || true)
ship_bad=$(grep -c '^FAIL ' "$ship_out" || true)
passed=$((passed + ship_ok))
failed=$((failed + ship_bad))
[[ $ship_ok -gt 0 ]] || fail "ship_check.py reported nothing"

# ---------------------------------------------------------------------------------------------
section "Swift toolchain (Debian trixie chroot)"
# shellcheck source=tests/swift/toolchain.sh
source "$HERE/toolchain.sh"
if ! swift_toolchain_setup; then
  fail "the Swift toolchain could not be set up (log: $SWIFT_CHROOT_LOG)"
  exit 1
fi

section "swiftc self-test: a type error must be rejected"
probe="$OUT/compiler-selftest"
rm -rf "$probe"
mkdir -p "$probe"
printf 'let count: Int = "three"\n' >"$probe/Bad.swift"
printf 'let count: Int = 3\nprint(count)\n' >"$probe/Good.swift"
if swift_in_chroot "$probe" swiftc -typecheck Bad.swift >"$probe/bad.log" 2>&1; then
  fail "swiftc accepted a type error: the compiler check cannot be trusted"
elif ! grep -q "Bad.swift:1:.*error" "$probe/bad.log"; then
  cat "$probe/bad.log"
  fail "swiftc rejected the type error without a file:line error"
elif ! swift_in_chroot "$probe" swiftc -typecheck Good.swift >"$probe/good.log" 2>&1; then
  cat "$probe/good.log"
  fail "swiftc rejected a correct file"
else
  echo "ok   swiftc rejects: $(grep -m1 'error:' "$probe/bad.log" | sed 's|.*/||')"
  pass
fi

# ---------------------------------------------------------------------------------------------
section "ios/SteadyKit: swift build (Swift 6 language mode) and swift test against the real library"
mkdir -p "$SPM_SCRATCH"
# The package and the scratch directory are mounted at their own paths, the library read-only.
# A hung build or test must not hold CI until its time limit: 15 minutes each is far above normal.
in_chroot() {
  swift_in_chroot --ro "$(dirname "$LIB")" --bind "$SPM_SCRATCH" "$PKG" \
    env STEADY_LIB_DIR="$(dirname "$LIB")" timeout 900 "$@"
}
build_log="$OUT/steadykit-build.log"
# Warnings in SteadyKit's own code are errors; the generated bindings are UniFFI's business.
build_status=0
in_chroot swift build --build-tests --scratch-path "$SPM_SCRATCH" \
  -Xswiftc -warnings-as-errors >"$build_log" 2>&1 || build_status=$?
if [[ $VERBOSE == 1 || $build_status != 0 ]]; then
  # Compiler messages name host paths (the package is mounted at the same path inside the chroot).
  grep -v '^\[[0-9]*/[0-9]*\]' "$build_log" | sed "s|$ROOT/||g" || true
fi
if [[ $build_status != 0 ]]; then
  fail "swift build of ios/SteadyKit and its tests (exit $build_status; log: ${build_log#"$ROOT/"})"
  exit 1
fi
echo "ok   swift build --build-tests: SteadyKit, the generated bindings and the tests compile"
pass

test_log="$OUT/steadykit-test.log"
# The tests run where it is now about midday (a fixed-offset Etc/GMT±N zone, as the CLI tests do:
# cli/tests/common): a test that logs "now" and reads "today" back must not depend on the hour CI
# runs at, since between midnight and the diary's day start (04:00) "now" still belongs to the
# evening before. Tests about the diary day and zones set their own times.
utc_hour=$((10#$(date -u +%H)))
east=$((12 - utc_hour))
if [[ $east == 0 ]]; then
  MIDDAY_TZ="Etc/GMT"
elif [[ $east -gt 0 ]]; then
  MIDDAY_TZ="Etc/GMT-$east"
else
  MIDDAY_TZ="Etc/GMT+$((-east))"
fi
echo "tests run in TZ=$MIDDAY_TZ (local time now: $(TZ=$MIDDAY_TZ date +%H:%M))"
test_args=(env TZ="$MIDDAY_TZ" swift test --skip-build --scratch-path "$SPM_SCRATCH")
[[ -n "${SWIFT_TESTS_FILTER:-}" ]] && test_args+=(--filter "$SWIFT_TESTS_FILTER")
test_status=0
in_chroot "${test_args[@]}" >"$test_log" 2>&1 || test_status=$?
if [[ $VERBOSE == 1 ]]; then
  cat "$test_log"
else
  # Each failure with its file:line, and the suites that failed.
  grep -E 'error: |: failed|Fatal error|Crash|signal' "$test_log" | grep -v "^Test Suite '.*' passed" |
    sed "s|$ROOT/||g" || true
fi
executed_line="$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?" "$test_log" | tail -n 1 || true)"
if [[ -z $executed_line ]]; then
  tail -n 30 "$test_log"
  fail "swift test printed no XCTest summary (exit $test_status; log: ${test_log#"$ROOT/"})"
  exit 1
fi
echo "XCTest:${executed_line}"
read -r total failures <<<"$(sed -E 's/.*Executed ([0-9]+) tests?, with ([0-9]+) failures?.*/\1 \2/' <<<"$executed_line")"
passed=$((passed + total - failures))
failed=$((failed + failures))
if [[ $test_status != 0 && $failures == 0 ]]; then
  tail -n 30 "$test_log"
  fail "swift test exited with $test_status"
fi
if [[ -z "${SWIFT_TESTS_FILTER:-}" && $total -lt $MIN_TESTS ]]; then
  fail "only $total XCTest cases ran; the suite has at least $MIN_TESTS"
fi

summary
[[ $failed == 0 ]]
