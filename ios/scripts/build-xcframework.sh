#!/usr/bin/env bash
# Builds the Rust core for iOS as ios/SteadyKit/SteadyCoreFFI.xcframework (a static library per
# platform plus the C header and the Clang module map of `SteadyCoreFFI`; the SteadyKit package's
# binary target) and the Swift bindings in ios/SteadyKit/Sources/SteadyCore/SteadyCore.swift, from
# the same source in one run. macOS with Xcode only.
#
#   ios/scripts/build-xcframework.sh [--with-x86-simulator]
#
# Slices: aarch64-apple-ios (devices) and aarch64-apple-ios-sim (simulators on Apple silicon).
# --with-x86-simulator adds x86_64-apple-ios to the simulator slice (simulators on Intel Macs).
#
# The libraries are release builds; the bindings are generated from the unstripped host debug
# library (UniFFI's library mode reads metadata symbols a stripped library may have lost). Both are
# built from the same source in this run, so their API checksums agree.
set -euo pipefail

if [[ "$(uname -s)" != "Darwin" ]]; then
  echo "build-xcframework.sh: building iOS libraries needs macOS with Xcode (xcodebuild, the iOS SDKs);" \
    "this machine runs $(uname -s). Here, tests/swift/run.sh compiles and tests SteadyKit instead." >&2
  exit 1
fi
if ! command -v xcodebuild >/dev/null 2>&1 || ! xcrun --sdk iphoneos --show-sdk-path >/dev/null 2>&1; then
  echo "build-xcframework.sh: xcodebuild or the iOS SDK not found: install Xcode, then run" \
    "'sudo xcode-select -s /Applications/Xcode.app'" >&2
  exit 1
fi
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v cargo >/dev/null 2>&1; then
  echo "build-xcframework.sh: cargo not found: install Rust with rustup (https://rustup.rs)" >&2
  exit 1
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUTPUT="$ROOT/ios/SteadyKit/SteadyCoreFFI.xcframework"
HEADERS="$TARGET_DIR/swift/ios/headers"
LIBNAME="libsteady_core.a"

X86_SIM=0
for arg in "$@"; do
  case "$arg" in
    --with-x86-simulator) X86_SIM=1 ;;
    *)
      echo "usage: $0 [--with-x86-simulator]" >&2
      exit 2
      ;;
  esac
done

DEVICE=aarch64-apple-ios
SIMULATORS=(aarch64-apple-ios-sim)
[[ $X86_SIM == 1 ]] && SIMULATORS+=(x86_64-apple-ios)

if command -v rustup >/dev/null 2>&1; then
  rustup target add "$DEVICE" "${SIMULATORS[@]}"
fi

# C code in the core (SQLite, ring) must target the app's minimum iOS version too.
export IPHONEOS_DEPLOYMENT_TARGET=17.0

cd "$ROOT"
for target in "$DEVICE" "${SIMULATORS[@]}"; do
  echo "== cargo build --release --target $target"
  cargo build --locked -p steady-core --release --target "$target"
done

echo "== Swift bindings"
STEADY_SKIP_XCFRAMEWORK_CHECK=1 bash "$ROOT/ios/scripts/generate-bindings.sh"

SIM_LIB="$TARGET_DIR/${SIMULATORS[0]}/release/$LIBNAME"
if [[ ${#SIMULATORS[@]} -gt 1 ]]; then
  # One xcframework slice per platform: merge the simulator architectures into one library.
  mkdir -p "$TARGET_DIR/ios-simulator-universal/release"
  SIM_LIB="$TARGET_DIR/ios-simulator-universal/release/$LIBNAME"
  sim_inputs=()
  for target in "${SIMULATORS[@]}"; do
    sim_inputs+=("$TARGET_DIR/$target/release/$LIBNAME")
  done
  lipo -create "${sim_inputs[@]}" -output "$SIM_LIB"
fi

echo "== xcodebuild -create-xcframework"
# The headers folder holds SteadyCoreFFI/{SteadyCoreFFI.h,module.modulemap}: a folder named after
# the module keeps this module map apart from other XCFrameworks' in the build's include directory.
rm -rf "$OUTPUT"
xcodebuild -create-xcframework \
  -library "$TARGET_DIR/$DEVICE/release/$LIBNAME" -headers "$HEADERS" \
  -library "$SIM_LIB" -headers "$HEADERS" \
  -output "$OUTPUT"

echo "Built $OUTPUT"
echo "Next: cd ios && xcodegen generate && open Steady.xcodeproj"
