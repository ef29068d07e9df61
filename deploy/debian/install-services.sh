#!/usr/bin/env bash
# Installs and starts Mosquitto and InfluxDB for TempoStream on Debian, without Docker (as root):
#   JOB_PASSWORD=... ./deploy/debian/install-services.sh
# Mosquitto then takes logins only (the job's, and devices added with deploy/mosquitto/add-device.sh)
# on port 1883, with the ACL of deploy/mosquitto/acl; InfluxDB 1.x serves the "tempostream"
# database on port 8086. For TLS see docs/operations.md. Point a Grafana at them: README, "Dashboards".
#
#   --config-only DIR   write the configuration under DIR instead of /etc and start nothing
#                       (to review it first; the tests use it)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root=""
start=true
if [ "${1:-}" = --config-only ]; then
  root="${2:?usage: install-services.sh [--config-only DIR]}"
  start=false
fi
if [ -z "${JOB_PASSWORD:-}" ]; then
  echo "install-services.sh: set JOB_PASSWORD to the password the job will log in to Mosquitto with" >&2
  exit 2
fi

if $start; then
  [ "$(id -u)" = 0 ] || { echo "install-services.sh: run as root (it installs packages and writes /etc)" >&2; exit 2; }
  apt-get update
  apt-get install -y mosquitto influxdb curl
fi

conf="$root/etc/mosquitto/tempostream"
mkdir -p "$conf" "$root/etc/mosquitto/conf.d"
cp "$here/../mosquitto/acl" "$conf/acl"
cp "$here/../mosquitto/add-device.sh" "$conf/add-device.sh"
DEVICE_PASSWORD="$JOB_PASSWORD" bash "$conf/add-device.sh" --job "$conf" >/dev/null
cat > "$root/etc/mosquitto/conf.d/tempostream.conf" <<CONF
# TempoStream: logins and an ACL (deploy/debian/install-services.sh). Add devices with
#   DEVICE_PASSWORD=... $conf/add-device.sh ATHLETE DEVICE $conf && systemctl reload mosquitto
per_listener_settings false
allow_anonymous false
password_file $conf/passwords
acl_file $conf/acl
max_queued_messages 100000
listener 1883
# As deploy/mosquitto ships them (docs/operations.md, "What a device login cannot do"): a client's
# id is its login, no packet over 520 KiB, no retained messages.
use_username_as_clientid true
max_packet_size 532480
retain_available false
CONF
chmod 600 "$conf/passwords"

if $start; then
  chown mosquitto: "$conf/passwords" 2>/dev/null || true
  systemctl enable --now influxdb
  systemctl restart mosquitto
  for _ in $(seq 1 50); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8086/ping)" = 204 ] && break
    sleep 0.2
  done
  curl -sf -XPOST http://127.0.0.1:8086/query --data-urlencode 'q=CREATE DATABASE tempostream' >/dev/null
  echo "Mosquitto (logins, ACL) on :1883 and InfluxDB (database tempostream) on :8086 are running."
  echo "Start the job: MQTT_USERNAME=tempostream-job MQTT_PASSWORD=... ./tempostream run --mqtt-url tcp://127.0.0.1:1883"
else
  echo "configuration written under $root"
fi
