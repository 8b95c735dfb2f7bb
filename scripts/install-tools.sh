#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already there.
# Safe to run repeatedly; works offline against the registries this machine reaches
# (crates.io, Debian, npm). See ../shared/TOOLCHAIN.md for why each step looks the way it does.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

CARGO_LEPTOS_VERSION=0.3.11
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml

log() { printf '==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
  log "installing Debian chromium (Playwright drives it; never 'npx playwright install')"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding the $component component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Installs a crate from a copy of its published source after pinning one dependency,
# because its own lockfile no longer builds here (see TOOLCHAIN.md pitfalls 1 and 2).
install_patched() {
  local crate=$1 version=$2 dep=$3 precise=$4
  cargo install "$crate" --version "$version" --locked >/dev/null 2>&1 || true
  local src
  src=$(ls -d "$HOME"/.cargo/registry/src/*/"$crate-$version" 2>/dev/null | head -n1)
  if [ -z "$src" ]; then
    # cargo install may have failed before unpacking; fetch the source explicitly.
    local tmp; tmp=$(mktemp -d)
    (cd "$tmp" && cargo init -q --name fetch_src && cargo add -q "$crate@=$version" && cargo fetch -q)
    src=$(ls -d "$HOME"/.cargo/registry/src/*/"$crate-$version" | head -n1)
  fi
  local work; work=$(mktemp -d)
  cp -r "$src"/. "$work"
  (cd "$work" && cargo update -q -p "$dep" --precise "$precise" && nice -n 10 cargo install -q --path . --locked)
  rm -rf "$work"
}

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  log "building cargo-leptos $CARGO_LEPTOS_VERSION (about 20 minutes, once)"
  install_patched cargo-leptos "$CARGO_LEPTOS_VERSION" cargo-util-schemas 0.14.1
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "building wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  install_patched wasm-bindgen-cli "$WASM_BINDGEN_VERSION" webpki-roots@1.0.11 1.0.10
fi

if ! cargo nextest --version >/dev/null 2>&1; then
  log "installing cargo-nextest (test runner)"
  cargo install cargo-nextest --locked
fi

if [ -f end2end/package-lock.json ]; then
  if [ ! -d end2end/node_modules ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    log "installing end2end npm packages (Playwright, oidc-provider, binaryen's wasm-opt)"
    (cd end2end && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
log "tools ready"
