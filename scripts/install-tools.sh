#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already there.
# Safe to run repeatedly; works offline against the registries this machine reaches
# (crates.io, Debian, npm). See ../shared/TOOLCHAIN.md for why each step looks the way it does.
#
#   --demo   only what the demo needs (no browser, no test runner, no lints)
#
# The site is built by `cargo xtask build` (wasm-bindgen as a library, npm binaryen's
# wasm-opt): no cargo-leptos or wasm-bindgen-cli to build first. cargo-leptos still works for
# `cargo leptos watch` if you install it yourself.
set -euo pipefail
cd "$(dirname "$0")/.."

demo=false
[ "${1:-}" = "--demo" ] && demo=true

log() { printf '==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! $demo && [ ! -x /usr/bin/chromium ]; then
  log "installing Debian chromium (Playwright drives it; never 'npx playwright install')"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi

if ! $demo && [ ! -x /usr/bin/prometheus ]; then
  log "installing Debian prometheus (a test scrapes the portal's metrics with it)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

if ! $demo && ! command -v kubectl >/dev/null; then
  log "installing Debian kubernetes-client (a test renders the Kubernetes bases with kubectl kustomize)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends kubernetes-client >/dev/null
fi

if ! $demo && [ ! -x /usr/sbin/knotd ]; then
  log "installing Debian knot and knot-dnsutils (the tests publish DNS records into a real Knot zone)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends knot knot-dnsutils >/dev/null
fi

if ! $demo; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      log "adding the $component component"
      rustup component add "$component"
    fi
  done
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! $demo && ! cargo nextest --version >/dev/null 2>&1; then
  log "installing cargo-nextest (test runner)"
  cargo install cargo-nextest --locked
fi

if [ -f end2end/package-lock.json ]; then
  if [ ! -d end2end/node_modules ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    log "installing end2end npm packages (the test IdP, binaryen's wasm-opt, Playwright)"
    (cd end2end && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
log "tools ready"
