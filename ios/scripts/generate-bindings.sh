#!/usr/bin/env bash
# Generates the Swift bindings of steady-core:
#   ios/Generated/SteadyCore.swift                          (compiled into the app; not in git)
#   target/swift/ios/headers/SteadyCoreFFI/SteadyCoreFFI.h  (C header of the FFI)
#   target/swift/ios/headers/SteadyCoreFFI/module.modulemap (Clang module `SteadyCoreFFI`)
#
# UniFFI's library mode reads metadata symbols from an *unstripped* library, so this builds the host
# debug library for that (the release iOS libraries may be stripped). The bindings describe the FFI,
# which is the same for every target built from the same source.
#
# Run by Xcode's pre-build phase (see ios/project.yml) and by build-xcframework.sh. From Xcode it
# also checks that ios/SteadyCoreFFI.xcframework was built from the same FFI, so an app whose
# bindings and Rust library disagree (UniFFI's checksum check would stop it at launch) never builds.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/target/swift/ios"
GENERATED="$ROOT/ios/Generated"
HEADERS="$OUT/headers/SteadyCoreFFI"
XCFRAMEWORK="$ROOT/ios/SteadyCoreFFI.xcframework"

# Xcode runs script phases with a minimal PATH.
export PATH="$HOME/.cargo/bin:/opt/homebrew/bin:/usr/local/bin:$PATH"
if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo not found: install Rust with rustup (https://rustup.rs), then build again" >&2
  exit 1
fi

# Xcode's environment (SDKROOT, deployment targets, CC, …) targets iOS; the host build must not see
# it, or build scripts compile C code for the wrong platform.
host_cargo() {
  env -i HOME="$HOME" PATH="$PATH" TMPDIR="${TMPDIR:-/tmp}" \
    ${CARGO_HOME:+CARGO_HOME="$CARGO_HOME"} ${RUSTUP_HOME:+RUSTUP_HOME="$RUSTUP_HOME"} \
    ${CARGO_TARGET_DIR:+CARGO_TARGET_DIR="$CARGO_TARGET_DIR"} \
    cargo "$@"
}

case "$(uname -s)" in
  Darwin) LIB="$ROOT/target/debug/libsteady_core.dylib" ;;
  *) LIB="$ROOT/target/debug/libsteady_core.so" ;;
esac

cd "$ROOT"
host_cargo build --quiet -p steady-core
rm -rf "$OUT/raw"
mkdir -p "$OUT"
if ! host_cargo run --quiet -p uniffi-bindgen -- \
  generate --library "$LIB" --language swift --out-dir "$OUT/raw" >"$OUT/bindgen.log" 2>&1; then
  cat "$OUT/bindgen.log" >&2
  echo "error: uniffi-bindgen failed" >&2
  exit 1
fi
# The bindings need no swift-format; its absence is not worth a line in the build log.
grep -v "swift-format" "$OUT/bindgen.log" || true

for f in SteadyCore.swift SteadyCoreFFI.h SteadyCoreFFI.modulemap; do
  if [[ ! -s "$OUT/raw/$f" ]]; then
    echo "error: uniffi-bindgen did not produce $f" >&2
    exit 1
  fi
done

mkdir -p "$GENERATED" "$HEADERS"
# Copy only when changed, so Xcode does not recompile an unchanged file.
cmp -s "$OUT/raw/SteadyCore.swift" "$GENERATED/SteadyCore.swift" || cp "$OUT/raw/SteadyCore.swift" "$GENERATED/SteadyCore.swift"
cp "$OUT/raw/SteadyCoreFFI.h" "$HEADERS/SteadyCoreFFI.h"
cp "$OUT/raw/SteadyCoreFFI.modulemap" "$HEADERS/module.modulemap"

if [[ "${STEADY_SKIP_XCFRAMEWORK_CHECK:-}" != "1" && -d "$XCFRAMEWORK" ]]; then
  while IFS= read -r -d '' built; do
    if ! cmp -s "$built" "$HEADERS/SteadyCoreFFI.h"; then
      echo "error: the Rust FFI changed since ios/SteadyCoreFFI.xcframework was built;" \
        "run ios/scripts/build-xcframework.sh, then build again" >&2
      exit 1
    fi
  done < <(find "$XCFRAMEWORK" -name SteadyCoreFFI.h -print0)
fi

echo "Swift bindings: $GENERATED/SteadyCore.swift; header and module map: $HEADERS"
