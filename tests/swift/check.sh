#!/usr/bin/env bash
# Kept for older references: every check this script made (bindings, C header, FFI contract,
# tree-sitter over the iOS shell) is now part of tests/swift/run.sh, which also compiles SteadyKit
# with a real Swift 6 compiler and runs its XCTest suite against the real library.
exec bash "$(dirname "${BASH_SOURCE[0]}")/run.sh" "$@"
