#!/usr/bin/env bash
# Runs every test Postern has, on a fresh machine too: installs what is missing, then
#   1. Rust unit and integration tests on SQLite,
#   2. the same integration tests on PostgreSQL,
#   3. the site (release wasm through npm binaryen's wasm-opt); the server is the debug build
#      the Rust tests just made,
#   4. the Playwright browser tests (JavaScript off and hydrated) against it,
#   5. a scan proving no app-password secret was stored or logged,
#   6. the OCI image (of the debug server just built) run the way a container engine would.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

./scripts/install-tools.sh
export PATH="$root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CI="${CI:-1}"

step() { printf '\n==> %s\n' "$*"; }

export CARGO_INCREMENTAL=0  # CI builds once; incremental caches only cost disk

step "PostgreSQL"
pg_url="${POSTERN_TEST_PG_ADMIN:-postgres://postgres@127.0.0.1:5432/postgres}"
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "starting the local PostgreSQL cluster"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
# Databases left behind by earlier test runs.
psql "$pg_url" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'postern_test_%'" |
  while read -r db; do psql "$pg_url" -qc "DROP DATABASE IF EXISTS \"$db\"" >/dev/null; done

step "formatting"
cargo fmt --all --check

step "lints"
cargo clippy --workspace --exclude frontend --all-targets -- -D warnings

# cargo-nextest runs every test in its own process: the integration tests each start a
# portal, a Stalwart simulator and OpenID providers, and must not share a process's global
# state. A test that fails and then passes is retried once and reported as FLAKY.
nextest=(cargo nextest run --workspace --exclude frontend --no-fail-fast --retries 1)

step "Rust tests on SQLite"
"${nextest[@]}"

step "Rust integration tests on PostgreSQL"
# Same package selection as above, so cargo reuses those builds (no second feature set).
POSTERN_TEST_DATABASE=postgres "${nextest[@]}" -E 'binary(it)'

step "site build"
# The browser tests run target/debug/server, which the Rust tests above have just built:
# building an optimised server as well cost CI several minutes and tested nothing more.
cargo xtask site
test -x target/debug/server

step "browser tests"
rm -rf target/e2e && mkdir -p target/e2e
(cd end2end && npx playwright test)

step "no secret in plain text at rest or in the log"
# The secrets of end2end/postern.e2e.toml and playwright.config.ts: the IdP client secrets and
# the Stalwart API key (also the key of the "spare" server the operator added, sealed), and
# those a partner typed into the browser while onboarding Gamma (gamma's client secret; the
# same API key), and the TSIG secret of the DNS server Delta's records are published through.
secrets=(postern-a-test-secret postern-b-test-secret postern-g-test-secret API_AAAABAAAAAE36wtxGna-JL_wnbLTc5nR2teWbQ postern-sync-e2e-secret cG9zdGVybi1lMmUta25vdC10c2lnLXNlY3JldC0zMmI=)
# First prove the scan can fail: it must find each kind of planted secret.
planted=$(mktemp -d)
echo "leak app_aaaaaapfonq7e1cdge1g37mjx7q9yyvsbx3a" >"$planted/log"
if ./scripts/check-no-secrets.sh "$planted" >/dev/null; then echo "the secret scan missed a planted secret"; exit 1; fi
echo "leak ${secrets[3]}" >"$planted/log"
if ./scripts/check-no-secrets.sh "$planted" "${secrets[@]}" >/dev/null; then echo "the secret scan missed a planted API key"; exit 1; fi
rm -rf "$planted"
# And the database does hold a sealed secret to look for.
servers=$(./target/debug/server --config end2end/postern.e2e.toml mail-server list)
echo "$servers"
grep -Eq '^spare +portal +sealed with key [0-9a-f]{12}' <<<"$servers" || { echo "no sealed API key in the e2e database"; exit 1; }
./scripts/check-no-secrets.sh target/e2e "${secrets[@]}"

step "the image"
# scripts/image.sh with the debug server the tests built (images to ship are release builds),
# then its entrypoint from its own read-only root, as its user, until /healthz/ready.
POSTERN_IMAGE_PROFILE=debug ./scripts/image-check.sh
STORAGE_DRIVER="${STORAGE_DRIVER:-vfs}" buildah rmi --force localhost/postern:check >/dev/null 2>&1 || true
rm -rf target/image

echo
echo "All tests passed."
