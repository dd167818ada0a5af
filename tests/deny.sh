#!/usr/bin/env bash
# Dependency policy (deny.toml) with cargo-deny, offline: one check per section.
#   bans      no crate that opens network connections (HTTP, TLS, WebSocket, DNS, sockets, telemetry)
#   licenses  only licences an app store accepts (no GPL/AGPL/LGPL)
#   sources   crates.io only: no other registry, no git dependencies
# Advisories are left out: they need the RustSec database from the network (run
# `cargo deny check advisories` by hand when online).
# Installs cargo-deny from crates.io if missing. Ends with "N passed, M failed".
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! cargo deny --version >/dev/null 2>&1; then
    echo "installing cargo-deny from crates.io"
    cargo install cargo-deny --locked --version 0.20.2 || { echo "0 passed, 3 failed"; exit 1; }
fi

passed=0
failed=0
for check in bans licenses sources; do
    if cargo deny --locked --all-features check --hide-inclusion-graph "$check"; then
        echo "deny $check: ok"
        passed=$((passed + 1))
    else
        echo "deny $check: FAILED"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
