#!/usr/bin/env bash
# Builds the broker's per-login publish budget (rate-limit.c) into a Mosquitto plugin:
#   ./build-rate-limit.sh [OUTPUT]    default /usr/local/lib/tempostream/rate-limit.so
# and prints the configuration lines that load it with the shipped budget (mosquitto.conf's).
# Needs a C compiler and Mosquitto's plugin headers: apt-get install -y gcc mosquitto-dev libmosquitto-dev
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-/usr/local/lib/tempostream/rate-limit.so}"
command -v cc >/dev/null || { echo "build-rate-limit.sh: no C compiler; install one: apt-get install -y gcc" >&2; exit 1; }
for header in mosquitto.h mosquitto_broker.h mosquitto_plugin.h; do
  [ -f "/usr/include/$header" ] || { echo "build-rate-limit.sh: /usr/include/$header missing; install it: apt-get install -y mosquitto-dev libmosquitto-dev" >&2; exit 1; }
done
mkdir -p "$(dirname "$out")"
cc -std=c99 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Werror -fPIC -shared -o "$out.tmp" "$here/rate-limit.c"
mv "$out.tmp" "$out" # whole or not at all: a running broker may have the old one loaded
echo "plugin $out"
grep -E '^plugin_opt_[a-z_]+ ' "$here/mosquitto.conf"
