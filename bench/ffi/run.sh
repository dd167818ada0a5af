#!/usr/bin/env bash
# FFI round trip from Kotlin on the JVM, for steady-bench: Kotlin -> JNA -> UniFFI -> SteadyCore.
#
# Which library: the RELEASE steady-core cdylib (what ships: opt-level z, LTO, stripped), loaded
# through JNA. Library-mode uniffi-bindgen cannot read a stripped library, so the Kotlin bindings
# are generated from the unstripped DEBUG build of the same sources. That is safe: the generated
# Kotlin checks the UniFFI contract version and every API checksum against the loaded library at
# load time and refuses to run on any mismatch, so a stale or different library cannot be timed.
# (No extra unstripped-release profile: it would cost one more full LTO build in CI.)
#
# Installs what is missing, as tests/jvm/run.sh does: a JDK, Debian's libjna-java, and the npm
# package kotlin-compiler into target/kotlin-compiler (shared with tests/jvm).
#
# Usage: bench/ffi/run.sh [CALLS]   prints `ffi <name> <ns per call>` lines (one per batch).
# BENCH_FFI_NO_BUILD=1 skips the cargo builds (steady-bench has built both libraries already).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
CALLS="${1:-20000}"
KOTLIN_VERSION=2.4.20
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
KOTLIN_PREFIX="$TARGET_DIR/kotlin-compiler"
KOTLIN_HOME="$KOTLIN_PREFIX/node_modules/kotlin-compiler"
KOTLINC="$KOTLIN_HOME/bin/kotlinc"
JNA=/usr/share/java/jna.jar
OUT="$TARGET_DIR/bench-ffi"
BINDINGS="$OUT/bindings"
CLASSES="$OUT/classes"
CARGO="${CARGO:-cargo}"
mkdir -p "$OUT"

# Runs a step quietly; on failure shows its output.
quiet() {
  if ! "$@" >"$OUT/step.log" 2>&1; then
    cat "$OUT/step.log" >&2
    return 1
  fi
}

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || { echo "bench/ffi: missing $*, and no apt-get" >&2; return 1; }
  if [[ $apt_updated == 0 ]]; then quiet apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive quiet apt-get install -y -qq --no-install-recommends "$@"
}

command -v java >/dev/null 2>&1 || apt_install openjdk-17-jdk-headless
[[ -f $JNA ]] || apt_install libjna-java
installed_kotlin() {
  [[ -x $KOTLINC ]] && grep -q "\"version\": \"$KOTLIN_VERSION\"" "$KOTLIN_HOME/package.json" 2>/dev/null
}
if ! installed_kotlin; then
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  quiet npm install --prefix "$KOTLIN_PREFIX" --no-audit --no-fund --no-save --loglevel=error \
    "kotlin-compiler@$KOTLIN_VERSION"
  installed_kotlin || { echo "bench/ffi: kotlin-compiler $KOTLIN_VERSION did not install" >&2; exit 1; }
fi

if [[ "${BENCH_FFI_NO_BUILD:-0}" != 1 ]]; then
  quiet "$CARGO" build -p steady-core --lib
  quiet "$CARGO" build --release -p steady-core --lib
fi
DEBUG_LIB="$TARGET_DIR/debug/libsteady_core.so"
RELEASE_DIR="$TARGET_DIR/release"
[[ -f $DEBUG_LIB && -f $RELEASE_DIR/libsteady_core.so ]] || { echo "bench/ffi: libraries not built" >&2; exit 1; }

rm -rf "$BINDINGS"
quiet "$CARGO" run -q -p uniffi-bindgen -- generate --library "$DEBUG_LIB" --language kotlin --no-format \
  --config tests/jvm/uniffi-jvm.toml --out-dir "$BINDINGS"

mapfile -t SOURCES < <( (find "$BINDINGS" -name '*.kt'; echo bench/ffi/FfiBench.kt) | LC_ALL=C sort)
stamp="$( (echo "kotlinc $KOTLIN_VERSION"; cat "${SOURCES[@]}") | sha256sum | cut -d' ' -f1)"
if [[ ! -f $OUT/classes.stamp || "$(cat "$OUT/classes.stamp")" != "$stamp" || ! -d $CLASSES ]]; then
  rm -rf "$CLASSES" "$OUT/classes.stamp"
  if ! "$KOTLINC" -jvm-target 17 -nowarn -cp "$JNA" -d "$CLASSES" "${SOURCES[@]}" >"$OUT/kotlinc.log" 2>&1; then
    cat "$OUT/kotlinc.log" >&2
    echo "bench/ffi: kotlinc failed" >&2
    exit 1
  fi
  echo "$stamp" >"$OUT/classes.stamp"
fi

TIMEOUT=()
command -v timeout >/dev/null 2>&1 && TIMEOUT=(timeout 300)
"${TIMEOUT[@]}" java -Djna.library.path="$RELEASE_DIR" \
  -cp "$CLASSES:$KOTLIN_HOME/lib/kotlin-stdlib.jar:$JNA" app.steady.bench.FfiBenchKt "$CALLS"
