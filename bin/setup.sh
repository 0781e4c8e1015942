#!/usr/bin/env bash
# Prepares a fresh machine for Maestro's demo and tests: system packages (Debian, as root) and npm dependencies.
# Idempotent and quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(docker.io busybox-static openssh-server openssh-client iproute2 iptables docker-registry apache2-utils openssl socat procps libxml2-utils zsh)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "setup: run as root to install: ${missing[*]}" >&2; exit 1; fi
  echo "setup: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -d node_modules/@oclif/core ] || npm ci --no-audit --no-fund
