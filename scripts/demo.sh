#!/usr/bin/env bash
# Runs Postern on SQLite with a ready demo: a test IdP for two organisations, the Stalwart
# simulator with their mailboxes, and the portal at http://127.0.0.1:3000.
# Sign in as alice@acme.test, ada@acme.test (admin) or bert@beta.test (admin); the test IdP
# accepts any password. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

./scripts/install-tools.sh
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "==> building (the first time takes several minutes)"
cargo leptos build --release
cargo build --release -p testkit --bin postern-testkit

mkdir -p target/demo
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

IDP_PORT_A=9400 IDP_PORT_B=9401 RP_ORIGIN=http://127.0.0.1:3000 \
  node end2end/idp/server.mjs >target/demo/idp.log 2>&1 &
pids+=($!)
./target/release/postern-testkit stalwart --listen 127.0.0.1:18080 --seed demo/stalwart-seed.json \
  >target/demo/stalwart.log 2>&1 &
pids+=($!)

cat <<'MSG'

  Postern demo: open http://127.0.0.1:3000
  Sign in as alice@acme.test (user), ada@acme.test (admin) or bert@beta.test (admin);
  the test IdP accepts any password.

MSG
./target/release/server --config demo/postern.toml
