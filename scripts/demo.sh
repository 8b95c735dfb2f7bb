#!/usr/bin/env bash
# Runs Postern on SQLite with a ready demo: a test IdP for two organisations, the Stalwart
# simulator with their mailboxes, and the portal at http://127.0.0.1:3000.
# Sign in as alice@acme.test, ada@acme.test (admin) or bert@beta.test (admin); the test IdP
# accepts any password. Ctrl-C stops everything.
#
# Ports (change them if they are taken):
#   POSTERN_DEMO_PORT=3000            the portal
#   POSTERN_DEMO_IDP_PORTS=9400,9401  the test IdPs of Acme and Beta
#   POSTERN_DEMO_STALWART_PORT=18080  the Stalwart simulator
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

portal_port=${POSTERN_DEMO_PORT:-3000}
idp_ports=${POSTERN_DEMO_IDP_PORTS:-9400,9401}
idp_a=${idp_ports%%,*}
idp_b=${idp_ports##*,}
stalwart_port=${POSTERN_DEMO_STALWART_PORT:-18080}

fail() {
  echo "demo: $*" >&2
  exit 1
}

# Every port is checked before anything is installed or built, so a clash is reported at once.
for entry in "portal:$portal_port:POSTERN_DEMO_PORT" "test IdP (Acme):$idp_a:POSTERN_DEMO_IDP_PORTS" \
  "test IdP (Beta):$idp_b:POSTERN_DEMO_IDP_PORTS" "Stalwart simulator:$stalwart_port:POSTERN_DEMO_STALWART_PORT"; do
  IFS=: read -r what port variable <<<"$entry"
  [[ $port =~ ^[0-9]+$ ]] || fail "$variable: \"$port\" is not a port number"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    owner=$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'users:(("[^"]*"' | head -n1 | cut -d'"' -f2 || true)
    fail "port $port (for the $what) is already in use${owner:+ by $owner}; stop it, or choose another with $variable"
  fi
done

./scripts/install-tools.sh --demo
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "==> building (the first time takes several minutes)"
# A debug server (its crypto crates optimised, see Cargo.toml) builds in a fraction of an
# optimised one's time and is plenty fast for one person clicking; the site is always the
# release wasm.
cargo xtask build --server-profile dev --bins server,postern-testkit
bin=target/debug
mkdir -p target/demo

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

# Starts a helper and waits until `url` answers; if the helper dies or never answers, the
# demo stops with one line saying which, and the end of its log.
start() {
  local name=$1 url=$2 log=$3
  shift 3
  "$@" >"$log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 300); do
    if ! kill -0 "$pid" 2>/dev/null; then
      fail "the $name stopped while starting: $(tail -n1 "$log")"
    fi
    curl -sf -o /dev/null "$url" && return 0
    sleep 0.1
  done
  fail "the $name did not answer at $url within 30 s (log: $log)"
}

start "test IdP" "http://127.0.0.1:$idp_a/.well-known/openid-configuration" target/demo/idp.log \
  env IDP_PORT_A="$idp_a" IDP_PORT_B="$idp_b" RP_ORIGIN="http://127.0.0.1:$portal_port" node end2end/idp/server.mjs
start "Stalwart simulator" "http://127.0.0.1:$stalwart_port/healthz/live" target/demo/stalwart.log \
  "$bin/postern-testkit" stalwart --listen "127.0.0.1:$stalwart_port" --seed demo/stalwart-seed.json

export POSTERN_SERVER__LISTEN="127.0.0.1:$portal_port"
export POSTERN_SERVER__PUBLIC_URL="http://127.0.0.1:$portal_port"
export POSTERN_STALWART__SHARED__URL="http://127.0.0.1:$stalwart_port"
export POSTERN_ORGANISATIONS__ACME__OIDC__ISSUER="http://127.0.0.1:$idp_a"
export POSTERN_ORGANISATIONS__BETA__OIDC__ISSUER="http://127.0.0.1:$idp_b/application/o/beta/"
start "portal" "http://127.0.0.1:$portal_port/healthz/ready" target/demo/portal.log \
  "$bin/server" --config demo/postern.toml

cat <<MSG

  Postern demo: open http://127.0.0.1:$portal_port
  Sign in as alice@acme.test (user), ada@acme.test (admin) or bert@beta.test (admin);
  the test IdP accepts any password. Logs: target/demo/*.log. Ctrl-C stops everything.

MSG
# Stop when any helper stops, and say which.
while true; do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || fail "a demo process stopped; see target/demo/*.log"
  done
  sleep 1
done
