#!/usr/bin/env bash
# Generates the Swift bindings of steady-core into the SteadyKit package (not in git):
#   ios/SteadyKit/Sources/SteadyCore/SteadyCore.swift       (the `SteadyCore` module)
#   ios/SteadyKit/Sources/SteadyCoreFFI/SteadyCoreFFI.h     (C header; the command-line module map
#                                                            next to it is in git)
#   target/swift/ios/headers/SteadyCoreFFI/{SteadyCoreFFI.h,module.modulemap}
#                                                           (headers of the XCFramework)
#
# UniFFI's library mode reads metadata symbols from an *unstripped* library, so this builds the host
# debug library for that (the release iOS libraries may be stripped). The bindings describe the FFI,
# which is the same for every target built from the same source.
#
#   ios/scripts/generate-bindings.sh           generate (build-xcframework.sh runs it)
#   ios/scripts/generate-bindings.sh --check   no cargo: check that the bindings exist and were made
#                                              with ios/SteadyKit/SteadyCoreFFI.xcframework (Xcode's
#                                              pre-build phase; a mismatch would stop the app at
#                                              launch on UniFFI's checksum check)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/target/swift/ios"
PKG="$ROOT/ios/SteadyKit"
HEADERS="$OUT/headers/SteadyCoreFFI"
XCFRAMEWORK="$PKG/SteadyCoreFFI.xcframework"

if [[ "${1:-}" == "--check" ]]; then
  for f in "$PKG/Sources/SteadyCore/SteadyCore.swift" "$PKG/Sources/SteadyCoreFFI/SteadyCoreFFI.h"; do
    if [[ ! -s "$f" ]]; then
      echo "error: ${f#"$ROOT/"} is missing: run ios/scripts/build-xcframework.sh, then build again" >&2
      exit 1
    fi
  done
  if [[ ! -d "$XCFRAMEWORK" ]]; then
    echo "error: ios/SteadyKit/SteadyCoreFFI.xcframework is missing: run ios/scripts/build-xcframework.sh" >&2
    exit 1
  fi
  while IFS= read -r -d '' built; do
    if ! cmp -s "$built" "$PKG/Sources/SteadyCoreFFI/SteadyCoreFFI.h"; then
      echo "error: the Swift bindings and ios/SteadyKit/SteadyCoreFFI.xcframework come from different" \
        "versions of the Rust core: run ios/scripts/build-xcframework.sh, then build again" >&2
      exit 1
    fi
  done < <(find "$XCFRAMEWORK" -name SteadyCoreFFI.h -print0)
  exit 0
fi

# Xcode and other GUI launchers run scripts with a minimal PATH.
export PATH="$HOME/.cargo/bin:/opt/homebrew/bin:/usr/local/bin:$PATH"
if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo not found: install Rust with rustup (https://rustup.rs), then try again" >&2
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

TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$(uname -s)" in
  Darwin) LIB="$TARGET_DIR/debug/libsteady_core.dylib" ;;
  *) LIB="$TARGET_DIR/debug/libsteady_core.so" ;;
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
# The bindings need no swift-format; its absence is not worth a line.
grep -v "swift-format" "$OUT/bindgen.log" || true

for f in SteadyCore.swift SteadyCoreFFI.h SteadyCoreFFI.modulemap; do
  if [[ ! -s "$OUT/raw/$f" ]]; then
    echo "error: uniffi-bindgen did not produce $f" >&2
    exit 1
  fi
done

mkdir -p "$HEADERS" "$PKG/Sources/SteadyCore" "$PKG/Sources/SteadyCoreFFI"
# Copy only when changed, so Xcode does not recompile an unchanged file.
cmp -s "$OUT/raw/SteadyCore.swift" "$PKG/Sources/SteadyCore/SteadyCore.swift" ||
  cp "$OUT/raw/SteadyCore.swift" "$PKG/Sources/SteadyCore/SteadyCore.swift"
cmp -s "$OUT/raw/SteadyCoreFFI.h" "$PKG/Sources/SteadyCoreFFI/SteadyCoreFFI.h" ||
  cp "$OUT/raw/SteadyCoreFFI.h" "$PKG/Sources/SteadyCoreFFI/SteadyCoreFFI.h"
cp "$OUT/raw/SteadyCoreFFI.h" "$HEADERS/SteadyCoreFFI.h"
# The XCFramework's module map: UniFFI's own (static libraries need no `link` line there; SwiftPM
# links the binary target).
cp "$OUT/raw/SteadyCoreFFI.modulemap" "$HEADERS/module.modulemap"

echo "Swift bindings: ios/SteadyKit/Sources/SteadyCore/SteadyCore.swift; XCFramework headers: ${HEADERS#"$ROOT/"}"
