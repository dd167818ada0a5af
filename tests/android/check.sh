#!/usr/bin/env bash
# Android checks for a machine without the Android SDK or Gradle (Google's Maven repository is out of
# reach in CI, so the app itself cannot be built here; see android/README.md for what only Android
# Studio and a device can check).
#
# 1. Kotlin syntax: parser self-test (tree-sitter-kotlin must reject known-bad Kotlin and accept
#    known-good Kotlin, so a checker that cannot fail is caught), then every .kt and .kts file under
#    android/ is parsed; any ERROR or MISSING node fails, printed as file:line:col.
# 2. Promises of the manifest, resources and Gradle files (tests/android/check_promises.py): INTERNET
#    only as a tools:node="remove" line, no hasFragileUserData, backups off, dataExtractionRules,
#    targetSdk = Google Play's requirement, JNA >= 5.17.0 as an AAR, the 16 KB linker flag in
#    .cargo/config.toml for every ABI the Gradle cargo task builds, the adaptive launcher icon, and
#    every resource reference defined.
# 3. 16 KB pages (tests/android/elf_align.py, readelf -lW): the alignment check is tested on recorded
#    program headers and on a tiny C library linked with default flags (4 KB: must be reported) and
#    with -z max-page-size=16384 (must pass); then steady-core's cdylib is linked for the host with the
#    rustflags .cargo/config.toml gives the Android targets, in its own target directory
#    (target/android-16k, a debug build without debug info: alignment comes from the linker flags, not
#    from the optimisation level), and every LOAD segment must be aligned to 16 KB. Native libraries
#    the app would ship are checked too when they exist here: app/src/main/jniLibs, APKs and bundles
#    under app/build/outputs, and JNA's AAR from Gradle's or Maven's cache (or $JNA_AAR).
#
# Installs what it needs: tree-sitter and tree-sitter-kotlin from PyPI (versions pinned in
# tests/android/requirements.txt) into a venv in target/android/venv, reused while the requirements
# are unchanged; gcc, binutils (readelf) and python3-venv with apt-get when missing. Works from any
# directory. The last line printed is always `N passed, M failed`; the exit status is non-zero when
# anything failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="tests/android"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
OUT="$TARGET_DIR/android"
VENV="$OUT/venv"
BUILD_16K="$TARGET_DIR/android-16k"
START=$SECONDS

passed=0
failed=0
summary_printed=0
not_checked=()
pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL: $*"
}
summary() {
  if [[ ${#not_checked[@]} -gt 0 ]]; then
    echo "== not checked here"
    printf '  %s\n' "${not_checked[@]}"
  fi
  echo "android checks: $((SECONDS - START)) s"
  echo "$passed passed, $failed failed"
  summary_printed=1
}
# Anything that stops the script early (a failed install or build) still ends with the count line.
on_exit() {
  local status=$?
  if [[ $summary_printed == 0 ]]; then
    echo "android checks stopped early (exit $status)" >&2
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

# Counts the "ok ..." and "FAIL ..." lines a helper printed (its output is shown with paths relative
# to the repository) and checks that it reported on as many items as expected, when given.
count_report() {
  local report="$1" expected="${2:-}"
  sed "s|$ROOT/||g" "$report"
  local ok bad
  ok=$(grep -c '^ok ' "$report" || true)
  bad=$(grep -c '^FAIL ' "$report" || true)
  passed=$((passed + ok))
  failed=$((failed + bad))
  if [[ -n $expected && $((ok + bad)) != "$expected" ]]; then
    fail "$(basename "$report" .out) reported on $((ok + bad)) of $expected items"
  fi
}

# ---------------------------------------------------------------------------------------------
echo "== tools"
command -v python3 >/dev/null 2>&1 || apt_install python3 python3-venv
python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
command -v readelf >/dev/null 2>&1 || apt_install binutils
command -v gcc >/dev/null 2>&1 || apt_install gcc libc6-dev
mkdir -p "$OUT"

if [[ ! -x "$VENV/bin/python" ]] || ! cmp -s "$HERE/requirements.txt" "$VENV/requirements.txt" ||
  ! "$VENV/bin/python" -c 'import tree_sitter, tree_sitter_kotlin' 2>/dev/null; then
  echo "installing tree-sitter-kotlin into ${VENV#"$ROOT/"}"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
  cp "$HERE/requirements.txt" "$VENV/requirements.txt"
fi
PY="$VENV/bin/python"

# ---------------------------------------------------------------------------------------------
echo "== tree-sitter-kotlin: self-test"
selftest="$OUT/selftest"
rm -rf "$selftest"
mkdir -p "$selftest"
# A Compose screen with one closing brace missing, and the same screen whole.
cat >"$selftest/Broken.kt" <<'KOTLIN'
package app.steady.ui.screens

import androidx.compose.foundation.layout.Column
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable

@Composable
fun Broken(lines: List<String>) {
    Column {
        lines.forEach { line ->
            Text(text = line)
    }
}
KOTLIN
sed 's/^    }$/        }\n    }/; s/fun Broken/fun Fine/' "$selftest/Broken.kt" >"$selftest/Fine.kt"
self_ok=1
"$PY" "$HERE/parse_kotlin.py" --self-test || self_ok=0
if "$PY" "$HERE/parse_kotlin.py" "$selftest/Broken.kt" >"$selftest/broken.out"; then
  echo "WRONG self-test: a Compose file with a missing '}' was accepted"
  self_ok=0
elif ! grep -q "Broken.kt:[0-9]*:[0-9]*: " "$selftest/broken.out"; then
  echo "WRONG self-test: the broken file was rejected without a file:line:col"
  cat "$selftest/broken.out"
  self_ok=0
else
  echo "ok   self-test: Broken.kt rejected: $(grep -m1 'Broken.kt:' "$selftest/broken.out" | sed 's|.*/||')"
fi
if ! "$PY" "$HERE/parse_kotlin.py" "$selftest/Fine.kt" >"$selftest/fine.out"; then
  echo "WRONG self-test: a correct Compose file was rejected"
  cat "$selftest/fine.out"
  self_ok=0
fi
if [[ $self_ok == 1 ]]; then
  pass
else
  fail "the Kotlin parser self-test: the checker cannot be trusted"
fi

# ---------------------------------------------------------------------------------------------
echo "== tree-sitter-kotlin: every .kt and .kts file under android/"
files=()
while IFS= read -r -d '' f; do
  files+=("$f")
done < <(find android \( -name build -o -name .gradle -o -name .idea -o -name .cxx \) -prune -o \
  \( -name '*.kt' -o -name '*.kts' \) -type f -print0 | sort -z)
if [[ ${#files[@]} == 0 || ! -f android/app/src/main/java/app/steady/MainActivity.kt ]]; then
  fail "no Kotlin sources found under android/ (expected android/app/src/main/java/app/steady/MainActivity.kt)"
fi
parse_out="$OUT/parse.out"
"$PY" "$HERE/parse_kotlin.py" "${files[@]}" >"$parse_out" || true
count_report "$parse_out" "${#files[@]}"

# ---------------------------------------------------------------------------------------------
echo "== manifest, resources and Gradle promises"
promises_out="$OUT/promises.out"
"$PY" "$HERE/check_promises.py" "$ROOT" >"$promises_out" 2>&1 || true
count_report "$promises_out"
while IFS= read -r line; do
  not_checked+=("${line#skip }")
done < <(grep '^skip ' "$promises_out" || true)
if ! grep -q '^ok \|^FAIL ' "$promises_out"; then
  fail "check_promises.py reported nothing"
fi

# ---------------------------------------------------------------------------------------------
echo "== 16 KB pages: the alignment check itself"
if "$PY" "$HERE/elf_align.py" --self-test; then
  pass
else
  fail "elf_align.py judged a recorded program header table wrongly"
fi
elftest="$OUT/elf-selftest"
rm -rf "$elftest"
mkdir -p "$elftest"
cat >"$elftest/tiny.c" <<'C'
int counter = 1;
static const char *const names[] = {"a", "b"};
const char *name(int i) { counter++; return names[i & 1]; }
C
# gcc's default is 4 KB on x86_64 (CI); on hosts whose default is larger (aarch64 Linux: 64 KB) the
# negative case is linked for 4 KB pages explicitly.
default_flags=()
if gcc -shared -fPIC -O1 -o "$elftest/libdefault.so" "$elftest/tiny.c"; then
  default_align="$(readelf -lW "$elftest/libdefault.so" | awk '$1 == "LOAD" {print $NF; exit}')"
  if ((${default_align:-0} >= 16384)); then
    default_flags=("-Wl,-z,max-page-size=4096" "-Wl,-z,common-page-size=4096")
    echo "this gcc aligns to $default_align by default: the negative case uses ${default_flags[*]}"
  fi
fi
if gcc -shared -fPIC -O1 "${default_flags[@]}" -o "$elftest/libdefault.so" "$elftest/tiny.c" &&
  gcc -shared -fPIC -O1 -Wl,-z,max-page-size=16384 -o "$elftest/lib16k.so" "$elftest/tiny.c"; then
  if "$PY" "$HERE/elf_align.py" "$elftest/libdefault.so" >"$elftest/default.out"; then
    align="$(readelf -lW "$elftest/libdefault.so" | awk '$1 == "LOAD" {print $NF; exit}')"
    fail "a library linked with default flags (LOAD alignment $align) was not reported"
  elif grep -q 'below 0x4000' "$elftest/default.out"; then
    why="$(grep -m1 'below' "$elftest/default.out" | sed 's|.*: ||')"
    echo "ok   a C library linked with default flags is reported: $why"
    pass
  else
    fail "the default-linked library failed for another reason"
    cat "$elftest/default.out"
  fi
  if "$PY" "$HERE/elf_align.py" "$elftest/lib16k.so" >"$elftest/16k.out"; then
    echo "ok   the same library linked with -z max-page-size=16384 passes"
    pass
  else
    fail "a library linked with -z max-page-size=16384 was rejected"
    cat "$elftest/16k.out"
  fi
else
  fail "gcc could not link the test libraries"
fi

# ---------------------------------------------------------------------------------------------
echo "== 16 KB pages: steady-core linked with the Android rustflags of .cargo/config.toml"
if [[ "$(uname -s)" != Linux ]]; then
  not_checked+=("steady-core's 16 KB alignment: needs a Linux host (ELF, readelf)")
else
  command -v cargo >/dev/null 2>&1 || {
    echo "cargo not found: install Rust with rustup (https://rustup.rs) and retry" >&2
    exit 1
  }
  host="$(rustc -vV | sed -n 's/^host: //p')"
  # The same flags as the Android targets get (aarch64 stands for all; check_promises.py checks that
  # every ABI has the flag), given to the host target as TOML.
  if ! flags="$("$PY" - <<'PY'
import json, sys, tomllib
config = tomllib.load(open(".cargo/config.toml", "rb"))
flags = config.get("target", {}).get("aarch64-linux-android", {}).get("rustflags")
if not flags:
    sys.exit("no rustflags for aarch64-linux-android in .cargo/config.toml")
print(json.dumps(flags.split() if isinstance(flags, str) else flags))
PY
  )"; then
    fail "could not read the Android rustflags from .cargo/config.toml"
  else
    echo "rustflags: $flags (as target.$host.rustflags, into ${BUILD_16K#"$ROOT/"})"
    build_start=$SECONDS
    # RUSTFLAGS would override the flags under test. No debug info and unoptimised dependencies
    # keep the build short; the layout of the LOAD segments comes from the linker flags alone.
    if env -u RUSTFLAGS -u CARGO_ENCODED_RUSTFLAGS CARGO_TARGET_DIR="$BUILD_16K" \
      cargo rustc --locked --quiet -p steady-core --lib --crate-type cdylib \
      --config "target.$host.rustflags = $flags" \
      --config 'profile.dev.package."*".opt-level = 0' --config 'profile.dev.debug = 0' \
      --config 'profile.dev.incremental = false' >"$OUT/build-16k.log" 2>&1; then
      echo "built in $((SECONDS - build_start)) s"
      lib="$BUILD_16K/debug/libsteady_core.so"
      "$PY" "$HERE/elf_align.py" "$lib" >"$OUT/steady-core.out" || true
      count_report "$OUT/steady-core.out" 1
    else
      cat "$OUT/build-16k.log"
      fail "cargo rustc -p steady-core --crate-type cdylib with the Android rustflags"
    fi
  fi
fi

# ---------------------------------------------------------------------------------------------
echo "== 16 KB pages: native libraries the app ships, where they exist on this machine"
shipped=()
while IFS= read -r -d '' f; do
  shipped+=("$f")
done < <(find android/app/src/main/jniLibs android/app/build/outputs \
  \( -name '*.so' -o -name '*.apk' -o -name '*.aab' \) -type f -print0 2>/dev/null | sort -z)
if [[ ${#shipped[@]} == 0 ]]; then
  not_checked+=("the app's own native libraries: no jniLibs or APK here (Gradle's cargoBuild and assemble make them)")
fi
jna_version="$(sed -n 's/.*"net\.java\.dev\.jna:jna:\([0-9.]*\)@aar".*/\1/p' android/app/build.gradle.kts | head -n1)"
jna_aar="${JNA_AAR:-}"
if [[ -z $jna_aar && -n $jna_version ]]; then
  jna_aar="$(find "${GRADLE_USER_HOME:-$HOME/.gradle}/caches/modules-2/files-2.1/net.java.dev.jna/jna/$jna_version" \
    "$HOME/.m2/repository/net/java/dev/jna/jna/$jna_version" -name "jna-$jna_version.aar" 2>/dev/null |
    head -n1 || true)"
fi
if [[ -n $jna_aar ]]; then
  shipped+=("$jna_aar")
else
  not_checked+=("JNA ${jna_version:-?}'s libjnidispatch.so: no jna-${jna_version:-?}.aar in Gradle's or Maven's cache here"
    "  (Maven Central is out of reach; JNA_AAR=path/to/jna-${jna_version:-X}.aar checks a downloaded one)")
fi
if [[ ${#shipped[@]} -gt 0 ]]; then
  "$PY" "$HERE/elf_align.py" "${shipped[@]}" >"$OUT/shipped.out" || true
  count_report "$OUT/shipped.out"
fi

summary
[[ $failed == 0 ]]
