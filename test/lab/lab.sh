#!/usr/bin/env bash
# A lab of Docker "ships" on one Linux machine, for end-to-end tests of Maestro.
# Each ship is its own network namespace with its own address on a shared bridge,
# its own dockerd and its own sshd, so ships behave like separate hosts.
# Several labs run side by side, each named by LAB_ID (0..9; the demo uses 0, tests 1).
#
#   LAB_ID=<n> lab.sh up [N]   start N ships (default 3; never fewer than are up); idempotent
#   LAB_ID=<n> lab.sh down     stop every ship and remove everything `up` created
#   LAB_ID=<n> lab.sh env      print shell exports describing the lab
#   LAB_ID=<n> lab.sh status   one line per ship
#
# Lab <n>: bridge mlab<n> = 10.231.<n>.1/24, ship i = 10.231.<n>.(10+i) in netns
# mlab<n>-ship<i>, state in /run/mlab<n> and /var/lib/mlab<n>. Each ship serves Docker on
# its unix socket, <ip>:2375 and its own 127.0.0.1:2375; sshd on <ip>:22 (key login).
# Ship 1 also serves Docker over TLS with client-certificate verification on <ip>:2376.
# Daemons trust plain-HTTP registries inside the lab subnet (test/lab/registry.sh).
# Needs root; installs docker.io busybox-static openssh-server iproute2 iptables socat
# openssl with apt-get when missing. Image lab/busybox:latest is imported, no registry.
set -euo pipefail

ID=${LAB_ID:-0}
[[ $ID =~ ^[0-9]$ ]] || { echo "LAB_ID must be 0..9, got '$ID'" >&2; exit 2; }
LAB=/run/mlab$ID
DATA=/var/lib/mlab$ID
NET=10.231.$ID
BR=mlab$ID
IMAGE=lab/busybox:latest
TLS_PORT=2376

need() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  { [ -x /bin/busybox ] && /bin/busybox --list | grep -qx httpd; } || missing+=(busybox-static)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  command -v ip >/dev/null || missing+=(iproute2)
  command -v iptables >/dev/null || missing+=(iptables)
  command -v socat >/dev/null || missing+=(socat)
  command -v openssl >/dev/null || missing+=(openssl)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ship_ip() { echo "$NET.$((10 + $1))"; }
ship_ns() { echo "mlab$ID-ship$1"; }
ship_veth() { echo "mlab${ID}s$1"; }
ship_sock() { echo "$LAB/ship$1/docker.sock"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
in_ns() { local ns=$1; shift; nsenter --net="/run/netns/$ns" "$@"; }
# daemon LOG CMD...: run CMD in the background, detached, with no inherited fds but stdio
# (an inherited lock or pipe would block later `down`s or the caller waiting for our output).
daemon() {
  local log=$1; shift
  (
    for fd in /proc/$BASHPID/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done
    exec setsid "$@" >"$log" 2>&1 </dev/null
  ) &
}

image_tar() {
  local root="$LAB/image-root" tar="$LAB/busybox.tar"
  if [ ! -f "$tar" ]; then
    rm -rf "$root"; mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/www" "$root/root"
    cp /bin/busybox "$root/bin/busybox"
    for c in $("$root/bin/busybox" --list); do [ "$c" = busybox ] || ln -sf busybox "$root/bin/$c"; done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
    chmod 1777 "$root/tmp"
    tar -C "$root" -cf "$tar.tmp" . && mv "$tar.tmp" "$tar"
    rm -rf "$root"
  fi
  echo "$tar"
}

bridge_up() {
  if ! ip link show "$BR" >/dev/null 2>&1; then
    ip link add "$BR" type bridge
    ip addr add "$NET.1/24" dev "$BR"
    ip link set "$BR" up
  fi
  sysctl -qw net.ipv4.ip_forward=1
  iptables -C FORWARD -i "$BR" -o "$BR" -j ACCEPT 2>/dev/null || iptables -I FORWARD -i "$BR" -o "$BR" -j ACCEPT
}

ssh_key() {
  mkdir -p "$LAB/ssh" /run/sshd
  [ -f "$LAB/ssh/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C "mlab$ID" -f "$LAB/ssh/id_ed25519"
  [ -f "$LAB/ssh/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C "mlab$ID-host" -f "$LAB/ssh/host_ed25519"
  cp "$LAB/ssh/id_ed25519.pub" "$LAB/ssh/authorized_keys"; chmod 600 "$LAB/ssh/authorized_keys"
}

# CA, server cert for ship 1 (SAN = its ip), client cert, and an unrelated CA for negative tests.
tls_certs() {
  local t="$LAB/tls" ip; ip=$(ship_ip 1)
  [ -f "$t/client-cert.pem" ] && [ -f "$t/wrong-ca.pem" ] && return
  rm -rf "$t"; mkdir -p "$t"
  (
    cd "$t"
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=mlab$ID CA" -keyout ca-key.pem -out ca.pem 2>/dev/null
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=wrong CA" -keyout wrong-ca-key.pem -out wrong-ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=$ip" -keyout server-key.pem -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:%s,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' "$ip" >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 30 -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=maestro" -keyout client-key.pem -out client.csr 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' >client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 30 -extfile client.ext -out client-cert.pem 2>/dev/null
    rm -f ./*.csr ./*.ext ./*.srl
    chmod 600 ./*-key.pem
  )
}

net_up() {
  local i=$1 ns veth ip; ns=$(ship_ns "$i"); veth=$(ship_veth "$i"); ip=$(ship_ip "$i")
  [ -e "/run/netns/$ns" ] && ip link show "$veth" >/dev/null 2>&1 && return
  ip netns del "$ns" 2>/dev/null || true
  ip link del "$veth" 2>/dev/null || true
  ip netns add "$ns"
  ip link add "$veth" type veth peer name eth0 netns "$ns"
  ip link set "$veth" master "$BR" up
  in_ns "$ns" ip addr add "$ip/24" dev eth0
  in_ns "$ns" ip link set eth0 up
  in_ns "$ns" ip link set lo up
  in_ns "$ns" ip route add default via "$NET.1"
}

dockerd_up() {
  local i=$1 dir="$LAB/ship$1" ns ip; ns=$(ship_ns "$i"); ip=$(ship_ip "$i")
  alive "$dir/dockerd.pid" && return
  rm -f "$dir/docker.sock" "$dir/dockerd.pid"
  # nsenter, not `ip netns exec`: the latter remounts /sys and dockerd then loses its cgroups.
  # --tls=false: plain TCP on purpose (an explicit choice skips dockerd's 15 s warning delay).
  daemon "$dir/dockerd.log" nsenter --net="/run/netns/$ns" dockerd \
    --data-root "$DATA/ship$i" --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" \
    -H "unix://$dir/docker.sock" -H "tcp://$ip:2375" -H "tcp://127.0.0.1:2375" --tls=false \
    --bip "172.$((20 + i)).0.1/16" --cgroup-parent "mlab$ID-ship$i" --insecure-registry "$NET.0/24" \
    --containerd-namespace "mlab$ID-ship$i" --containerd-plugins-namespace "mlab$ID-ship$i-plugins"
}

sshd_up() {
  local i=$1 dir="$LAB/ship$1" ns ip; ns=$(ship_ns "$i"); ip=$(ship_ip "$i")
  alive "$dir/sshd.pid" && return
  cat >"$dir/sshd_config" <<CFG
ListenAddress $ip
Port 22
HostKey $LAB/ssh/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $LAB/ssh/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
AllowTcpForwarding yes
AllowStreamLocalForwarding yes
StrictModes no
UsePAM no
CFG
  in_ns "$ns" /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log" 9>&-
}

# Docker over TLS with client-certificate verification, in front of ship 1's socket.
tls_up() {
  local dir="$LAB/ship1" t="$LAB/tls" ns ip; ns=$(ship_ns 1); ip=$(ship_ip 1)
  alive "$dir/tls.pid" && return
  daemon "$dir/tls.log" nsenter --net="/run/netns/$ns" socat \
    "OPENSSL-LISTEN:$TLS_PORT,bind=$ip,reuseaddr,fork,cert=$t/server-cert.pem,key=$t/server-key.pem,cafile=$t/ca.pem,verify=1" \
    "UNIX-CONNECT:$dir/docker.sock"
  echo $! >"$dir/tls.pid"
}

ship_ready() {
  local i=$1 sock; sock=$(ship_sock "$1")
  for _ in $(seq 1 150); do
    docker -H "unix://$sock" version >/dev/null 2>&1 && break
    sleep 0.1
  done
  docker -H "unix://$sock" version >/dev/null 2>&1 || { echo "ship$i: dockerd did not start; see $LAB/ship$i/dockerd.log" >&2; return 1; }
  docker -H "unix://$sock" image inspect "$IMAGE" >/dev/null 2>&1 ||
    docker -H "unix://$sock" import -c 'CMD ["sh"]' "$LAB/busybox.tar" "$IMAGE" >/dev/null
}

cmd_up() {
  local want=${1:-3} have n i pids=() rc=0
  [[ $want =~ ^[1-9][0-9]?$ ]] || { echo "ship count must be 1..99" >&2; exit 2; }
  have=$(cat "$LAB/ships" 2>/dev/null || echo 0)
  n=$(( want > have ? want : have ))
  need; mkdir -p "$LAB" "$DATA"; bridge_up; ssh_key; tls_certs; image_tar >/dev/null
  for i in $(seq 1 "$n"); do
    mkdir -p "$LAB/ship$i" "$DATA/ship$i"
    net_up "$i"; dockerd_up "$i"; sshd_up "$i"
  done
  for i in $(seq 1 "$n"); do ship_ready "$i" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  [ $rc -eq 0 ] || exit 1
  tls_up
  echo "$n" >"$LAB/ships"
  cmd_status
}

kill_wait() { # pids...: TERM, wait up to 10 s, then KILL
  [ $# -gt 0 ] || return 0
  kill "$@" 2>/dev/null || true
  for _ in $(seq 1 100); do
    local any=0 p
    for p in "$@"; do kill -0 "$p" 2>/dev/null && any=1; done
    [ $any -eq 0 ] && return 0
    sleep 0.1
  done
  kill -9 "$@" 2>/dev/null || true
}

ship_down() {
  local i=$1 dir="$LAB/ship$1" ns veth sock pids; ns=$(ship_ns "$i"); veth=$(ship_veth "$i"); sock=$(ship_sock "$i")
  if alive "$dir/dockerd.pid" && [ -S "$sock" ]; then
    docker -H "unix://$sock" ps -aq | xargs -r docker -H "unix://$sock" rm -f -v >/dev/null 2>&1 || true
  fi
  for f in tls sshd dockerd; do alive "$dir/$f.pid" && kill_wait "$(cat "$dir/$f.pid")"; done
  if [ -e "/run/netns/$ns" ]; then # anything the ship still runs (containerd shims, strays)
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    # shellcheck disable=SC2086
    kill_wait $pids
    ip netns del "$ns" 2>/dev/null || true
  fi
  ip link del "$veth" 2>/dev/null || true
}

cmd_down() {
  local ships=() ns d p
  for ns in $(ip netns list | awk '{print $1}' | grep -E "^mlab$ID-ship[0-9]+$" || true); do ships+=("${ns##*-ship}"); done
  for d in "$LAB"/ship*; do [ -d "$d" ] && ships+=("${d##*ship}"); done
  local pids=()
  for i in $(printf '%s\n' "${ships[@]}" | sort -u); do ship_down "$i" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || true; done
  for p in "$LAB"/*/*.pid; do alive "$p" && kill_wait "$(cat "$p")"; done # helpers such as registry.sh
  { findmnt -rn -o TARGET | grep -E "^($LAB|$DATA)(/|$)" || true; } | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  find /sys/fs/cgroup -depth -type d -name "mlab$ID-ship*" -exec rmdir {} + 2>/dev/null || true
  iptables -D FORWARD -i "$BR" -o "$BR" -j ACCEPT 2>/dev/null || true
  ip link del "$BR" 2>/dev/null || true
  rm -rf "$LAB" "$DATA"
}

cmd_env() {
  local n i; n=$(cat "$LAB/ships" 2>/dev/null || echo 0)
  echo "export LAB_ID=$ID"
  echo "export LAB_DIR=$LAB"
  echo "export LAB_SUBNET=$NET.0/24"
  echo "export LAB_GATEWAY=$NET.1"
  echo "export LAB_SHIPS=$n"
  echo "export LAB_SSH_KEY=$LAB/ssh/id_ed25519"
  echo "export LAB_SSH_HOST_KEY=$LAB/ssh/host_ed25519.pub"
  echo "export LAB_IMAGE=$IMAGE"
  echo "export LAB_TLS_SHIP=1"
  echo "export LAB_TLS_PORT=$TLS_PORT"
  echo "export LAB_TLS_CA=$LAB/tls/ca.pem"
  echo "export LAB_TLS_CERT=$LAB/tls/client-cert.pem"
  echo "export LAB_TLS_KEY=$LAB/tls/client-key.pem"
  echo "export LAB_TLS_WRONG_CA=$LAB/tls/wrong-ca.pem"
  for i in $(seq 1 "$n"); do
    echo "export LAB_SHIP${i}_NAME=ship$i"
    echo "export LAB_SHIP${i}_IP=$(ship_ip "$i")"
    echo "export LAB_SHIP${i}_NETNS=$(ship_ns "$i")"
    echo "export LAB_SHIP${i}_SOCKET=$(ship_sock "$i")"
    echo "export LAB_SHIP${i}_DOCKER_PORT=2375"
    echo "export LAB_SHIP${i}_SSH_PORT=22"
  done
}

cmd_status() {
  local n i ip; n=$(cat "$LAB/ships" 2>/dev/null || echo 0)
  [ "$n" -gt 0 ] || { echo "lab $ID is down"; return 0; }
  for i in $(seq 1 "$n"); do
    ip=$(ship_ip "$i")
    printf 'ship%s %s docker=%s ssh=%s%s\n' "$i" "$ip" \
      "$(docker -H "tcp://$ip:2375" version -f '{{.Server.Version}}' 2>/dev/null || echo down)" \
      "$( (exec 3<>"/dev/tcp/$ip/22") 2>/dev/null && echo up || echo down)" \
      "$([ "$i" = 1 ] && { (exec 3<>"/dev/tcp/$ip/$TLS_PORT") 2>/dev/null && echo " tls=up" || echo " tls=down"; })"
  done
}

lock() { exec 9>"/run/mlab$ID.lock"; flock 9; } # one up/down at a time per lab

case "${1:-}" in
  up) shift; lock; cmd_up "$@" ;;
  down) lock; cmd_down; rm -f "/run/mlab$ID.lock" ;;
  env) cmd_env ;;
  status) cmd_status ;;
  *) sed -n '2,18p' "$0"; exit 2 ;;
esac
