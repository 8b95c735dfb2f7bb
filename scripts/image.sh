#!/usr/bin/env bash
# Builds the OCI image localhost/postern:<tag> (default: latest) without any registry:
# a root of Debian's libc6 and libgcc-s1 only (mmdebstrap --variant=extract), the release
# server and the site. No shell, no package manager; runs as user 10001 with a read-only
# root, SQLite under the /data volume, HEALTHCHECK `server healthcheck`.
#
#   scripts/image.sh [TAG]          then e.g.
#   podman run -d -p 3000:3000 -v ./postern.toml:/etc/postern/postern.toml:ro \
#     -v postern-data:/data --read-only localhost/postern:latest
#
# Storage: buildah's and podman's default, or STORAGE_DRIVER=vfs where overlay cannot mount.
set -euo pipefail
cd "$(dirname "$0")/.."
tag="${1:-latest}"
image="localhost/postern:$tag"
# Docker format: OCI images have no HEALTHCHECK.
export BUILDAH_FORMAT=docker

log() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
command -v buildah >/dev/null || missing+=(buildah)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
./scripts/install-tools.sh --demo
export PATH="$PWD/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# POSTERN_IMAGE_PROFILE=debug: the debug server (stripped) instead of a release build — for the
# test suite's image check, which already has it built; images to run are release builds.
profile="${POSTERN_IMAGE_PROFILE:-release}"
if [ "$profile" = release ]; then
  log "building the site and the release server"
  cargo xtask build
else
  log "building the site and the $profile server"
  cargo build --quiet -p server
  cargo xtask site
fi

work=target/image
rm -rf "$work"
mkdir -p "$work/root/app" "$work/root/etc/postern" "$work/root/data" "$work/root/tmp"
log "making the root from Debian's libc6 and libgcc-s1"
mmdebstrap --quiet --variant=extract --include=libc6,libgcc-s1 \
  --dpkgopt='path-exclude=/usr/share/*' bookworm "$work/debian.tar"

cp "target/$profile/server" "$work/root/app/server"
strip "$work/root/app/server" 2>/dev/null || true
cp -r target/site "$work/root/app/site"
printf 'root:x:0:0::/:/nonexistent\npostern:x:10001:10001::/data:/nonexistent\n' > "$work/root/etc/passwd"
printf 'root:x:0:\npostern:x:10001:\n' > "$work/root/etc/group"
cat > "$work/root/etc/postern/README" <<'TXT'
Mount postern.toml here (read-only). SQLite: database_url = "sqlite:///data/postern.db?mode=rwc".
TXT

log "assembling $image"
ctr=$(buildah from scratch)
trap 'buildah rm "$ctr" >/dev/null 2>&1 || true' EXIT
buildah add "$ctr" "$work/debian.tar" / >/dev/null
buildah add "$ctr" "$work/root" / >/dev/null
buildah add --chown 10001:10001 "$ctr" "$work/root/data" /data >/dev/null
buildah add --chmod 1777 "$ctr" "$work/root/tmp" /tmp >/dev/null
buildah config \
  --user 10001:10001 \
  --workingdir /data \
  --entrypoint '["/app/server"]' \
  --cmd serve \
  --env LEPTOS_SITE_ROOT=/app/site \
  --env POSTERN_CONFIG=/etc/postern/postern.toml \
  --volume /data \
  --port 3000 \
  --healthcheck 'CMD /app/server healthcheck' \
  --healthcheck-interval 10s \
  --healthcheck-timeout 3s \
  --label org.opencontainers.image.title=Postern \
  "$ctr"
buildah commit --quiet --format docker --rm "$ctr" "$image" >/dev/null
trap - EXIT
log "built $image ($(buildah images --format '{{.Size}}' "$image" | head -1))"
