#!/usr/bin/env bash
# Swift checks for a machine without a Swift compiler (the iOS shell is built on macOS only).
#
# 1. Builds the debug (unstripped) steady-core library and generates its Swift bindings into
#    target/swift/bindings with uniffi-bindgen (library mode).
# 2. C header: `gcc -fsyntax-only -std=c11` on SteadyCoreFFI.h, and the module map names it.
# 3. FFI agreement (tests/swift/ffi_check.py): the header compiles strictly, every function it
#    declares links against the real library, and the library's contract version and API checksums
#    equal those in SteadyCore.swift, i.e. the check the app makes at launch passes.
# 4. Parser self-test: tree-sitter-swift must reject known-bad Swift and accept known-good Swift,
#    so a checker that cannot fail is caught.
# 5. Parses every Swift file of the shell (ios/**/*.swift, except the copy of the bindings in
#    ios/Generated) and the generated SteadyCore.swift with tree-sitter-swift; any ERROR or MISSING
#    node fails, printed as file:line:col.
#
# Installs what it needs: tree-sitter and tree-sitter-swift from PyPI (versions pinned in
# tests/swift/requirements.txt) into a venv in target/swift/venv; gcc and python3-venv with apt-get
# when missing. Works from any directory. The last line printed is always `N passed, M failed`
# (N counts the files and checks that passed); the exit status is non-zero when anything failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="tests/swift"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
OUT="$TARGET_DIR/swift"
BINDINGS="$OUT/bindings"
VENV="$OUT/venv"
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
  echo "swift checks: $((SECONDS - START)) s"
  echo "$passed passed, $failed failed"
  summary_printed=1
}
# Anything that stops the script early (a failed install or build) still ends with the count line.
on_exit() {
  local status=$?
  if [[ $summary_printed == 0 ]]; then
    echo "swift checks stopped early (exit $status)" >&2
    [[ $failed == 0 ]] && failed=1
    summary
  fi
}
trap on_exit EXIT

apt_install() {
  if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) == 0 ]]; then
    echo "installing $* with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "missing: $* (install it and retry)" >&2
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------
echo "== tools"
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
echo "== Swift bindings from the debug library"
mkdir -p "$OUT"
# The build's output (warnings included) is shown only when it fails; tests/all.sh lints the Rust.
if ! cargo build --quiet -p steady-core >"$OUT/build.log" 2>&1; then
  cat "$OUT/build.log"
  fail "cargo build -p steady-core"
  exit 1
fi
case "$(uname -s)" in
  Darwin) LIB="$TARGET_DIR/debug/libsteady_core.dylib" ;;
  *) LIB="$TARGET_DIR/debug/libsteady_core.so" ;;
esac
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
echo "generated SteadyCore.swift, SteadyCoreFFI.h, SteadyCoreFFI.modulemap in ${BINDINGS#"$ROOT/"}"

# ---------------------------------------------------------------------------------------------
echo "== C header"
# The header is written for Clang: its nullability qualifiers (_Nullable, _Nonnull) are not C11 and
# gcc does not know them, so they are defined away. stdint.h/stdbool.h are included by the header.
header_log="$OUT/header.log"
if gcc -fsyntax-only -std=c11 -D_Nullable= -D_Nonnull= -D_Null_unspecified= \
  -x c "$BINDINGS/SteadyCoreFFI.h" 2>"$header_log"; then
  if grep -q '^module SteadyCoreFFI {' "$BINDINGS/SteadyCoreFFI.modulemap" &&
    grep -q 'header "SteadyCoreFFI.h"' "$BINDINGS/SteadyCoreFFI.modulemap"; then
    echo "ok   SteadyCoreFFI.h (gcc -fsyntax-only -std=c11) and its module map"
    pass
  else
    fail "SteadyCoreFFI.modulemap does not declare module SteadyCoreFFI with header SteadyCoreFFI.h"
    cat "$BINDINGS/SteadyCoreFFI.modulemap"
  fi
else
  fail "SteadyCoreFFI.h does not compile"
  cat "$header_log"
fi

# ---------------------------------------------------------------------------------------------
echo "== FFI: header, library and Swift bindings agree"
if "$PY" "$HERE/ffi_check.py" --header "$BINDINGS/SteadyCoreFFI.h" --swift "$BINDINGS/SteadyCore.swift" \
  --lib-dir "$(dirname "$LIB")" --work "$OUT/ffi-check"; then
  pass
else
  fail "ffi_check.py"
fi

# ---------------------------------------------------------------------------------------------
echo "== tree-sitter-swift: self-test"
selftest="$OUT/selftest"
rm -rf "$selftest"
mkdir -p "$selftest"
cat >"$selftest/Broken.swift" <<'SWIFT'
import SwiftUI

struct Broken: View {
    var body: some View {
        Text("a closing parenthesis is missing"
    }
}
SWIFT
cat >"$selftest/Fine.swift" <<'SWIFT'
import SwiftUI

struct Fine: View {
    var body: some View {
        Text("fine")
    }
}
SWIFT
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
echo "== tree-sitter-swift: the iOS shell and the generated bindings"
files=()
while IFS= read -r -d '' f; do
  files+=("$f")
done < <(find ios -name '*.swift' -not -path 'ios/Generated/*' -not -path '*/build/*' \
  -not -path '*/DerivedData/*' -not -path '*.xcframework/*' -print0 | sort -z)
if [[ ${#files[@]} == 0 || ! -f ios/Steady/SteadyApp.swift ]]; then
  fail "no Swift sources found under ios/ (expected ios/Steady/SteadyApp.swift and others)"
fi
files+=("$BINDINGS/SteadyCore.swift")

parse_out="$OUT/parse.out"
"$PY" "$HERE/parse_swift.py" "${files[@]}" >"$parse_out" || true
sed "s|$ROOT/||g" "$parse_out"
ok_files=$(grep -c '^ok ' "$parse_out" || true)
bad_files=$(grep -c '^FAIL ' "$parse_out" || true)
passed=$((passed + ok_files))
failed=$((failed + bad_files))
if [[ $((ok_files + bad_files)) != "${#files[@]}" ]]; then
  fail "parse_swift.py reported on $((ok_files + bad_files)) of ${#files[@]} files"
fi

summary
[[ $failed == 0 ]]
