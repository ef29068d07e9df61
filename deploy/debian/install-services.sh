#!/usr/bin/env bash
# Installs and starts Mosquitto and InfluxDB for TempoStream on Debian, without Docker (as root):
#   JOB_PASSWORD=... [FEEDBACK_PASSWORD=...] ./deploy/debian/install-services.sh
# Mosquitto then takes logins only (the job's, its feedback login's when FEEDBACK_PASSWORD is set,
# and devices added with deploy/mosquitto/add-device.sh)
# on port 1883, with the ACL of deploy/mosquitto/acl. InfluxDB 1.x serves the "tempostream"
# database with authentication on, on 127.0.0.1:8086 only, with three users (influx-users.sh):
# admin, tempostream-job (writes) and grafana (reads). Their passwords come from
# INFLUX_ADMIN_PASSWORD, INFLUX_JOB_PASSWORD and INFLUX_GRAFANA_PASSWORD, or are generated, and
# are kept in /etc/tempostream/influx-*.env (root only). For TLS see docs/operations.md. Point a
# Grafana at them: README, "Dashboards".
#
#   --config-only DIR      write the configuration under DIR instead of /etc and start nothing
#                          (to review it first; the tests use it)
#   --influx-listen ADDR   InfluxDB's HTTP address (default 127.0.0.1:8086); e.g. 0.0.0.0:8086 for a
#                          Grafana on another machine, behind a firewall that admits only it
#   --websockets-tls CERT KEY
#                          also MQTT over WebSocket with TLS on 8884 (wss://HOST:8884/mqtt) for the
#                          phone page (deploy/phone), with the same logins and ACL; CERT and KEY
#                          (PEM) are copied beside the broker's configuration, readable by it only
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root=""
start=true
influx_listen=127.0.0.1:8086
ws_cert=""
ws_key=""
usage="usage: install-services.sh [--config-only DIR] [--influx-listen ADDR] [--websockets-tls CERT KEY]"
while [ $# -gt 0 ]; do
  case "$1" in
    --websockets-tls) ws_cert="${2:?$usage}"; ws_key="${3:?$usage}"; shift 3 ;;
    --config-only) root="${2:?usage: install-services.sh [--config-only DIR] [--influx-listen ADDR]}"; start=false; shift 2 ;;
    --influx-listen) influx_listen="${2:?usage: install-services.sh [--config-only DIR] [--influx-listen ADDR]}"; shift 2 ;;
    *) echo "install-services.sh: unknown argument '$1' ($usage)" >&2; exit 2 ;;
  esac
done
[[ "$influx_listen" =~ ^[^[:space:]]+:[0-9]+$ ]] || { echo "install-services.sh: --influx-listen must be HOST:PORT, got '$influx_listen'" >&2; exit 2; }
for file in $ws_cert $ws_key; do
  [ -r "$file" ] || { echo "install-services.sh: --websockets-tls: cannot read '$file'" >&2; exit 2; }
done
if [ -n "$ws_cert" ] && ! grep -q "BEGIN CERTIFICATE" "$ws_cert"; then
  echo "install-services.sh: --websockets-tls: '$ws_cert' is no PEM certificate" >&2
  exit 2
fi
if [ -z "${JOB_PASSWORD:-}" ]; then
  echo "install-services.sh: set JOB_PASSWORD to the password the job will log in to Mosquitto with" >&2
  exit 2
fi

if $start; then
  [ "$(id -u)" = 0 ] || { echo "install-services.sh: run as root (it installs packages and writes /etc)" >&2; exit 2; }
  apt-get update
  apt-get install -y mosquitto influxdb curl gcc libc6-dev mosquitto-dev libmosquitto-dev
fi

conf="$root/etc/mosquitto/tempostream"
mkdir -p "$conf" "$root/etc/mosquitto/conf.d"
# The per-login publish budget (deploy/mosquitto/rate-limit.c), built for this machine's broker.
plugin_lines="$(bash "$here/../mosquitto/build-rate-limit.sh" "$root/usr/local/lib/tempostream/rate-limit.so")"
cp "$here/../mosquitto/acl" "$conf/acl"
cp "$here/../mosquitto/add-device.sh" "$conf/add-device.sh"
DEVICE_PASSWORD="$JOB_PASSWORD" bash "$conf/add-device.sh" --job "$conf" >/dev/null
# The job's feedback to athletes' devices logs in on its own (docs/operations.md, feedback login).
if [ -n "${FEEDBACK_PASSWORD:-}" ]; then
  DEVICE_PASSWORD="$FEEDBACK_PASSWORD" bash "$conf/add-device.sh" --feedback "$conf" >/dev/null
fi
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
# id is its login, no packet over 520 KiB, no retained messages, and no login publishes more than
# its budget (256 KiB/s, bursts of 4 MiB).
use_username_as_clientid true
max_packet_size 532480
retain_available false
$plugin_lines
CONF
if [ -n "$ws_cert" ]; then
  install -m 644 "$ws_cert" "$conf/websockets.crt"
  install -m 600 "$ws_key" "$conf/websockets.key"
  cat >> "$root/etc/mosquitto/conf.d/tempostream.conf" <<CONF
# MQTT over WebSocket with TLS for the phone page (deploy/phone): wss://HOST:8884/mqtt, with the
# same logins and ACL. The page itself comes from an HTTPS server (docs/operations.md, "The phone page").
listener 8884
protocol websockets
certfile $conf/websockets.crt
keyfile $conf/websockets.key
# Mosquitto 2.0.11 ties this to the listener line before it: stated again for this listener.
use_username_as_clientid true
CONF
fi
chmod 600 "$conf/passwords"

# InfluxDB: authentication on, HTTP on loopback unless asked (the Debian unit reads this file).
mkdir -p "$root/etc/default"
cat > "$root/etc/default/influxdb" <<CONF
# TempoStream (deploy/debian/install-services.sh): logins required; HTTP on $influx_listen.
INFLUXDB_HTTP_AUTH_ENABLED=true
INFLUXDB_HTTP_BIND_ADDRESS=$influx_listen
INFLUXDB_REPORTING_DISABLED=true
CONF
# Passwords from the environment, or generated; kept where only root reads them.
secrets="$root/etc/tempostream"
mkdir -p "$secrets"
chmod 700 "$secrets"
generated() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }
# Run again, the installer keeps the passwords it stored (the admin's must match the server's).
stored() { [ -f "$secrets/$1" ] && sed -n 's/^INFLUX_\(READ_\)\{0,1\}PASSWORD=//p' "$secrets/$1" | head -n 1 || true; }
: "${INFLUX_ADMIN_PASSWORD:=$(stored influx-admin.env)}" "${INFLUX_JOB_PASSWORD:=$(stored influx-job.env)}"
: "${INFLUX_GRAFANA_PASSWORD:=$(stored influx-grafana.env)}"
: "${INFLUX_ADMIN_PASSWORD:=$(generated)}" "${INFLUX_JOB_PASSWORD:=$(generated)}" "${INFLUX_GRAFANA_PASSWORD:=$(generated)}"
export INFLUX_ADMIN_PASSWORD INFLUX_JOB_PASSWORD INFLUX_GRAFANA_PASSWORD
(umask 077
 printf 'INFLUX_USERNAME=admin\nINFLUX_PASSWORD=%s\n' "$INFLUX_ADMIN_PASSWORD" > "$secrets/influx-admin.env"
 printf 'INFLUX_USERNAME=tempostream-job\nINFLUX_PASSWORD=%s\n' "$INFLUX_JOB_PASSWORD" > "$secrets/influx-job.env"
 printf 'INFLUX_READ_USER=grafana\nINFLUX_READ_PASSWORD=%s\n' "$INFLUX_GRAFANA_PASSWORD" > "$secrets/influx-grafana.env")

if $start; then
  chown mosquitto: "$conf/passwords" 2>/dev/null || true
  [ -z "$ws_key" ] || chown mosquitto: "$conf/websockets.key" 2>/dev/null || true
  systemctl enable influxdb
  systemctl restart influxdb
  systemctl restart mosquitto
  influx_url="http://${influx_listen/0.0.0.0/127.0.0.1}"
  for _ in $(seq 1 50); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$influx_url/ping")" = 204 ] && break
    sleep 0.2
  done
  bash "$here/influx-users.sh" "$influx_url"
  [ -z "$ws_cert" ] || echo "MQTT over WebSocket with TLS for the phone page: wss://$(hostname -f):8884/mqtt."
  echo "Mosquitto (logins, ACL) on :1883 and InfluxDB (logins, database tempostream) on $influx_listen are running."
  echo "InfluxDB passwords: $secrets/influx-{admin,job,grafana}.env (root only)."
  echo "Start the job: set -a; . $secrets/influx-job.env; set +a;" \
    "MQTT_USERNAME=tempostream-job MQTT_PASSWORD=... [MQTT_FEEDBACK_USERNAME=tempostream-feedback MQTT_FEEDBACK_PASSWORD=...]" \
    "./tempostream run --mqtt-url tcp://127.0.0.1:1883"
else
  echo "configuration written under $root"
fi
