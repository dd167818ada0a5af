#!/usr/bin/env bash
# Kotlin tests of the phone bindings on a desktop JVM: a real client of the real library.
#
# Builds the debug (unstripped) steady-core cdylib, generates its Kotlin bindings, compiles the
# bindings, the Android app's plain-Kotlin files (android/app/src/main/java/app/steady/ui/logic/) and
# the JVM unit tests (android/app/src/test/java) with kotlinc in one invocation, and runs them with
# JUnit 4 through JNA. Installs what it needs when missing: Debian's libjna-java and junit4 (and a
# JDK / npm if absent), and the npm package kotlin-compiler into target/kotlin-compiler.
#
# The last line printed is always `N passed, M failed`; the exit status is non-zero when a test
# failed or anything before the tests (install, build, compile) failed.
#
# Usage: tests/jvm/run.sh [-v]        (-v, or JVM_TESTS_VERBOSE=1: show every step's output;
#                                      JVM_TESTS_NO_BUILD=1: use the library already in target/debug)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

KOTLIN_VERSION=2.4.20
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
KOTLIN_PREFIX="$TARGET_DIR/kotlin-compiler"
KOTLIN_HOME="$KOTLIN_PREFIX/node_modules/kotlin-compiler"
KOTLINC="$KOTLIN_HOME/bin/kotlinc"
JAVA_SHARE=/usr/share/java
LIBS="$JAVA_SHARE/jna.jar:$JAVA_SHARE/junit4.jar:$JAVA_SHARE/hamcrest-core.jar"
OUT="$TARGET_DIR/jvm"
BINDINGS="$OUT/bindings"
CLASSES="$OUT/classes"
MAIN_SRC="android/app/src/main/java"
TEST_SRC="android/app/src/test/java"
VERBOSE="${JVM_TESTS_VERBOSE:-0}"
[[ "${1:-}" == "-v" ]] && VERBOSE=1

summary_printed=0
finish() {
  local status=$?
  if [[ $summary_printed == 0 ]]; then
    echo "jvm: stopped before the tests ran (exit $status)" >&2
    echo "0 passed, 1 failed"
    status=1
  fi
  exit "$status"
}
trap finish EXIT

# Runs a step quietly; on failure shows its output.
quiet() {
  local log="$OUT/step.log"
  if [[ $VERBOSE == 1 ]]; then
    "$@"
  elif ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    return 1
  fi
}

mkdir -p "$OUT"

# --- 1. tools -------------------------------------------------------------------------------------
apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "jvm: missing $*, and apt-get is not available to install it" >&2
    return 1
  fi
  if [[ $apt_updated == 0 ]]; then
    quiet apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive quiet apt-get install -y -qq --no-install-recommends "$@"
}

command -v java >/dev/null 2>&1 || apt_install openjdk-17-jdk-headless
[[ -f $JAVA_SHARE/jna.jar ]] || apt_install libjna-java
[[ -f $JAVA_SHARE/junit4.jar && -f $JAVA_SHARE/hamcrest-core.jar ]] || apt_install junit4

installed_kotlin() {
  [[ -x $KOTLINC ]] && grep -q "\"version\": \"$KOTLIN_VERSION\"" "$KOTLIN_HOME/package.json" 2>/dev/null
}
if ! installed_kotlin; then
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  quiet npm install --prefix "$KOTLIN_PREFIX" --no-audit --no-fund --no-save --loglevel=error \
    "kotlin-compiler@$KOTLIN_VERSION"
  installed_kotlin || { echo "jvm: kotlin-compiler $KOTLIN_VERSION did not install $KOTLINC" >&2; exit 1; }
fi

# --- 2. library and bindings ----------------------------------------------------------------------
if [[ "${JVM_TESTS_NO_BUILD:-0}" != 1 ]]; then
  quiet cargo build -p steady-core
fi
LIB="$TARGET_DIR/debug/libsteady_core.so"
rm -rf "$BINDINGS"
quiet cargo run -q -p uniffi-bindgen -- generate --library "$LIB" --language kotlin --no-format \
  --config tests/jvm/uniffi-jvm.toml --out-dir "$BINDINGS"
# SteadyError's text fields are named `detail` in Rust (shared/src/ffi/error.rs), so none clashes
# with Throwable.message (UniFFI issues 1434 and 2065): no renaming step is needed for them.
# An enum variant is never named like the type it carries (`Substance::Known(Molecule)`, not
# `Molecule(Molecule)`): UniFFI's Kotlin nests each variant in a class of its name, which would hide
# the type.

# --- 3. Android resources, then compile (one kotlinc run; skipped when no input changed) -----------
if command -v python3 >/dev/null 2>&1; then
  python3 tests/jvm/check_android.py || { echo "jvm: Android resource check failed" >&2; exit 1; }
fi

# Every file of the app that is plain Kotlin (no android.*, androidx.* or kotlinx.* import, no R.)
# is compiled too; every file in a logic/ folder (ui/logic: forms, views, messages, the controller;
# logic: session, keys, generations, app lock, reminders, shared files) must stay that way.
mapfile -t PLAIN < <(find "$MAIN_SRC" -name '*.kt' -print0 |
  xargs -0 grep -L -E '^import (android|androidx|kotlinx)\.|\bR\.[a-z]+\.' | LC_ALL=C sort)
mapfile -t LOGIC < <(find "$MAIN_SRC" -path '*/logic/*.kt' | LC_ALL=C sort)
if [[ ${#LOGIC[@]} == 0 ]]; then
  echo "jvm: no plain-Kotlin logic found under $MAIN_SRC (*/logic/*.kt)" >&2
  exit 1
fi
for f in "${LOGIC[@]}"; do
  if ! printf '%s\n' "${PLAIN[@]}" | grep -qxF "$f"; then
    echo "jvm: $f must stay plain Kotlin (no Android imports): the JVM tests compile it" >&2
    exit 1
  fi
done
mapfile -t SOURCES < <( (find "$BINDINGS" "$TEST_SRC" -name '*.kt'; printf '%s\n' "${PLAIN[@]}") | LC_ALL=C sort)
stamp="$( (echo "kotlinc $KOTLIN_VERSION $LIBS"; cat "${SOURCES[@]}") | sha256sum | cut -d' ' -f1)"
if [[ ! -f $OUT/classes.stamp || "$(cat "$OUT/classes.stamp")" != "$stamp" || ! -d $CLASSES ]]; then
  rm -rf "$CLASSES" "$OUT/classes.stamp"
  # Warnings in the generated bindings are UniFFI's business; show only those in our own files.
  if ! "$KOTLINC" -jvm-target 17 -cp "$LIBS" -d "$CLASSES" "${SOURCES[@]}" >"$OUT/kotlinc.log" 2>&1; then
    cat "$OUT/kotlinc.log" >&2
    echo "jvm: kotlinc failed" >&2
    exit 1
  fi
  if [[ $VERBOSE == 1 ]]; then
    cat "$OUT/kotlinc.log" >&2
  else
    awk -v gen="$BINDINGS/" -v genrel="${BINDINGS#"$ROOT"/}/" '
      /^[^ ]+\.kts?:[0-9]+:[0-9]+: [a-z]+: / {
        show = ($0 ~ /: warning: /) && index($0, gen) != 1 && index($0, genrel) != 1
      }
      show' "$OUT/kotlinc.log" >&2
  fi
  echo "$stamp" >"$OUT/classes.stamp"
fi

# --- 4. run ---------------------------------------------------------------------------------------
# Every *Test.kt under the test sources is a JUnit class named after its package and file.
TEST_CLASSES=()
while IFS= read -r f; do
  pkg="$(sed -n 's/^package[[:space:]]\+\([A-Za-z0-9_.]\+\).*/\1/p' "$f" | head -n1)"
  TEST_CLASSES+=("${pkg:+$pkg.}$(basename "$f" .kt)")
done < <(find "$TEST_SRC" -name '*Test.kt' | LC_ALL=C sort)

# A deadlocked test must not hold CI until its time limit: 15 minutes is far above a normal run.
TIMEOUT=()
command -v timeout >/dev/null 2>&1 && TIMEOUT=(timeout 900)
set +e
"${TIMEOUT[@]}" java -Djna.library.path="$TARGET_DIR/debug" \
  -cp "$CLASSES:$KOTLIN_HOME/lib/kotlin-stdlib.jar:$LIBS" \
  org.junit.runner.JUnitCore "${TEST_CLASSES[@]}" >"$OUT/junit.log" 2>&1
junit_status=$?
set -e

passed=0
failed=0
if ok="$(grep -Eo '^OK \([0-9]+ tests?\)' "$OUT/junit.log" | tail -n1)" && [[ -n $ok ]]; then
  passed="$(grep -Eo '[0-9]+' <<<"$ok")"
elif run="$(grep -Eo '^Tests run: [0-9]+, +Failures: [0-9]+' "$OUT/junit.log" | tail -n1)" && [[ -n $run ]]; then
  read -r total failed <<<"$(grep -Eo '[0-9]+' <<<"$run" | tr '\n' ' ')"
  passed=$((total - failed))
else
  failed=1
fi

if [[ $VERBOSE == 1 || $failed != 0 || $junit_status != 0 ]]; then
  cat "$OUT/junit.log" >&2
fi
if [[ $junit_status != 0 && $failed == 0 ]]; then failed=1; fi
summary_printed=1
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
