#!/usr/bin/env bash
# Builds the image (scripts/image.sh) and runs it the way a container engine would, where
# none can run (crun cannot set limits or cgroups in this kind of sandbox): the image's own
# root mounted read-only, its entrypoint, command and environment as the image says, as its
# user (10001), in a mount namespace of its own with a writable /data and a tmpfs /tmp —
# against the Stalwart simulator, until /healthz/ready answers 200. Prints the image's size.
set -euo pipefail
cd "$(dirname "$0")/.."
export STORAGE_DRIVER="${STORAGE_DRIVER:-vfs}"

./scripts/image.sh check
image=localhost/postern:check
log() { printf '==> %s\n' "$*"; }
fail() { printf 'image check: %s\n' "$*" >&2; exit 1; }

cargo build --quiet -p testkit --bin postern-testkit
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
sim_port=$(free_port)
portal_port=$(free_port)
work=$(mktemp -d)
pids=()
ctr=""
cleanup() {
  # unshare --fork ignores SIGTERM itself (it waits for its child): the portal it runs is
  # stopped directly, then unshare ends with it.
  for pid in "${pids[@]}"; do
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [ -n "$ctr" ]; then buildah umount "$ctr" >/dev/null 2>&1 || true; buildah rm "$ctr" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

target/debug/postern-testkit stalwart --listen "127.0.0.1:$sim_port" --seed demo/stalwart-seed.json \
  >"$work/stalwart.log" 2>&1 &
pids+=($!)

mkdir -p "$work/data" "$work/config"
chown 10001:10001 "$work/data"
# The demo's configuration, on the simulator, with its SQLite in the image's /data volume.
sed -e "s|^database_url = .*|database_url = \"sqlite:///data/postern.db?mode=rwc\"|" \
  -e "s|^listen = .*|listen = \"127.0.0.1:$portal_port\"|" \
  -e "s|^public_url = .*|public_url = \"http://127.0.0.1:$portal_port\"|" \
  -e "s|http://127.0.0.1:18080|http://127.0.0.1:$sim_port|" \
  demo/postern.toml >"$work/config/postern.toml"

ctr=$(buildah from "$image")
root=$(buildah mount "$ctr")
inspected=$(buildah inspect --type image "$image")
config=$(jq '.OCIv1.config' <<<"$inspected")
health=$(jq -c '.Docker.config.Healthcheck.Test' <<<"$inspected")
[ "$health" = '["CMD","/app/server","healthcheck"]' ] || fail "the image's HEALTHCHECK is $health"
[ "$(jq -c '.Volumes' <<<"$config")" = '{"/data":{}}' ] || fail "the image's volume is not /data"
user=$(jq -r .User <<<"$config")
mapfile -t argv < <(jq -r '(.Entrypoint + .Cmd)[]' <<<"$config")
mapfile -t envs < <(jq -r '.Env[]' <<<"$config")
[ "$user" = "10001:10001" ] || fail "the image runs as $user, not 10001:10001"
log "running ${argv[*]} as $user from the image's root"

IMAGE_ENV="$(printf '%s\n' "${envs[@]}")" \
unshare --mount --propagation private --fork --kill-child=TERM bash -c '
  set -e
  root=$1 data=$2 conf=$3 user=$4; shift 4
  mapfile -t envs <<<"$IMAGE_ENV"
  mount --bind "$root" "$root"
  mount -o remount,bind,ro "$root"
  mount --bind "$data" "$root/data"
  mount --bind -o ro "$conf" "$root/etc/postern"
  mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
  # The image has no shell and no env: only the image'"'"'s environment reaches its entrypoint.
  exec /usr/bin/env -i "${envs[@]}" /usr/sbin/chroot --userspec="$user" "$root" "$@"
' _ "$root" "$work/data" "$work/config" "$user" "${argv[@]}" >"$work/portal.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 300); do
  if curl -sf -o /dev/null "http://127.0.0.1:$portal_port/healthz/ready"; then
    log "the image's portal is ready on the simulator"
    log "image size: $(buildah images --format '{{.Size}}' "$image" | head -1)"
    exit 0
  fi
  sleep 0.1
done
cat "$work/portal.log" >&2
fail "the image's portal did not become ready within 30 s"
