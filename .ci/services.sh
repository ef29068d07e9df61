#!/usr/bin/env bash
# Starts (or stops) the real services the integration tests use, on loopback only:
# Mosquitto on 127.0.0.1:1883 (and 9001: WebSocket and the phone page) and InfluxDB 1.x on
# 127.0.0.1:8086, with their state in a
# temporary folder. Used by .ci/run and by developers: `bash .ci/services.sh start|stop`.
# PUBLISH_BUDGET=1 gives the broker the shipped per-login publish budget (deploy/mosquitto,
# rate-limit.c; anonymous clients are budgeted by client id), for the flood benchmark.
set -euo pipefail
state="${TEMPOSTREAM_SERVICES_DIR:-/tmp/tempostream-services}"

start() {
  for cmd in mosquitto influxd; do
    command -v "$cmd" >/dev/null || { echo "$cmd is not installed: run 'apt-get install -y mosquitto influxdb' as root" >&2; exit 1; }
  done
  mkdir -p "$state/influxdb"
  cat > "$state/mosquitto.conf" <<CONF
per_listener_settings false
allow_anonymous true
persistence false
max_queued_messages 100000
listener 1883 127.0.0.1
# The phone page (deploy/phone) and MQTT over WebSocket beside it: ws://127.0.0.1:9001/ (a
# browser counts loopback as a secure origin, so motion sensors work here without TLS).
# An interface, not an address: Mosquitto 2.0.11 binds a websockets listener given 127.0.0.1 to
# every interface (eclipse-mosquitto/mosquitto#3045); given "lo", libwebsockets keeps it on loopback.
listener 9001 lo
protocol websockets
http_dir $(cd "$(dirname "${BASH_SOURCE[0]}")/../deploy/phone" && pwd)
CONF
  if [ "${PUBLISH_BUDGET:-0}" = 1 ]; then
    bash "$(dirname "${BASH_SOURCE[0]}")/../deploy/mosquitto/build-rate-limit.sh" "$state/rate-limit.so" >> "$state/mosquitto.conf"
    # Within its budget the plugin leaves the decision to an ACL file; this one allows everything.
    echo 'topic readwrite #' > "$state/acl"
    echo "acl_file $state/acl" >> "$state/mosquitto.conf"
  fi
  cat > "$state/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:8088"
[meta]
  dir = "$state/influxdb/meta"
[data]
  dir = "$state/influxdb/data"
  wal-dir = "$state/influxdb/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:8086"
  log-enabled = false
[monitor]
  store-enabled = false
CONF
  if ! port_open 1883; then
    mosquitto -c "$state/mosquitto.conf" > "$state/mosquitto.log" 2>&1 &
    echo $! > "$state/mosquitto.pid"
  fi
  if ! port_open 8086; then
    influxd -config "$state/influxdb.conf" > "$state/influxdb.log" 2>&1 &
    echo $! > "$state/influxdb.pid"
  fi
  wait_for 1883 mosquitto "$state/mosquitto.log"
  wait_for 8086 influxdb "$state/influxdb.log"
  for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8086/ping)" = 204 ] && { echo "mosquitto and influxdb are up"; return 0; }
    sleep 0.2
  done
  echo "influxdb did not answer /ping" >&2; exit 1
}

stop() {
  for svc in mosquitto influxdb; do
    if [ -f "$state/$svc.pid" ]; then
      kill "$(cat "$state/$svc.pid")" 2>/dev/null || true
      rm -f "$state/$svc.pid"
    fi
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() {
  for _ in $(seq 1 150); do port_open "$1" && return 0; sleep 0.2; done
  echo "$2 did not open port $1; its log:" >&2; cat "$3" >&2; exit 1
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
