#!/usr/bin/env bash
# An authenticating Docker registry (Debian's docker-registry, plain HTTP, htpasswd) on the bridge address
# of lab LAB_ID, 10.231.<ID>.1:<port>, for the registry end-to-end tests. Ships trust it as an insecure
# registry (lab.sh starts dockerd with --insecure-registry 10.231.<ID>.0/24).
#
#   LAB_ID=<n> registry.sh up [USER PASSWORD [PORT]]   start it (default maestro/s3cret on 5000); idempotent
#   LAB_ID=<n> registry.sh down                         stop it and remove its data
#   LAB_ID=<n> registry.sh env                          print REGISTRY_* exports
set -euo pipefail

ID=${LAB_ID:-0}
[[ $ID =~ ^[0-9]$ ]] || { echo "LAB_ID must be 0..9, got '$ID'" >&2; exit 2; }
DIR=/run/mlab$ID/registry
ADDR=10.231.$ID.1

need() {
  local missing=()
  [ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

alive() { [ -f "$DIR/registry.pid" ] && kill -0 "$(cat "$DIR/registry.pid")" 2>/dev/null; }

cmd_up() {
  local user=${1:-maestro} password=${2:-s3cret} port=${3:-5000}
  [[ "$(ip -4 -o addr show dev "mlab$ID" 2>/dev/null)" == *"inet $ADDR/"* ]] || { echo "lab $ID is down (no bridge mlab$ID)" >&2; exit 1; }
  alive && return 0
  need
  mkdir -p "$DIR/data"
  htpasswd -Bbn "$user" "$password" >"$DIR/htpasswd"
  cat >"$DIR/config.yml" <<CFG
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $DIR/data
  delete:
    enabled: true
http:
  addr: $ADDR:$port
auth:
  htpasswd:
    realm: maestro-lab
    path: $DIR/htpasswd
CFG
  echo "$port" >"$DIR/port"
  setsid /usr/bin/docker-registry serve "$DIR/config.yml" >"$DIR/registry.log" 2>&1 </dev/null &
  echo $! >"$DIR/registry.pid"
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/$ADDR/$port") 2>/dev/null && { cmd_env; return 0; }
    alive || break
    sleep 0.1
  done
  echo "registry did not start; see $DIR/registry.log" >&2
  cat "$DIR/registry.log" >&2 || true
  exit 1
}

cmd_down() {
  if alive; then
    local pid; pid=$(cat "$DIR/registry.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$DIR"
}

cmd_env() {
  echo "export REGISTRY_ADDR=$ADDR:$(cat "$DIR/port" 2>/dev/null || echo 5000)"
  echo "export REGISTRY_URL=http://$ADDR:$(cat "$DIR/port" 2>/dev/null || echo 5000)"
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) cmd_down ;;
  env) cmd_env ;;
  *) sed -n '2,9p' "$0"; exit 2 ;;
esac
