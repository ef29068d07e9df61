#!/usr/bin/env bash
# Creates TempoStream's InfluxDB users and database on an InfluxDB 1.x with authentication on.
# install-services.sh runs it once influxd is up; the tests run it against an influxd of their own.
#   INFLUX_ADMIN_PASSWORD=... INFLUX_JOB_PASSWORD=... INFLUX_GRAFANA_PASSWORD=... ./influx-users.sh [URL]
# Users: admin (all privileges, for the operator), tempostream-job (WRITE on the database: the
# job), grafana (READ on it: the dashboards). Running it again sets the passwords given.
set -euo pipefail
url="${1:-http://127.0.0.1:8086}"
db="${INFLUX_DB:-tempostream}"
for name in INFLUX_ADMIN_PASSWORD INFLUX_JOB_PASSWORD INFLUX_GRAFANA_PASSWORD; do
  value="${!name:-}"
  [ -n "$value" ] || { echo "influx-users.sh: set $name" >&2; exit 2; }
  # The passwords go into InfluxQL string literals.
  case "$value" in *"'"*|*\\*) echo "influx-users.sh: $name must not contain ' or \\" >&2; exit 2;; esac
done
[[ "$db" =~ ^[A-Za-z0-9_]+$ ]] || { echo "influx-users.sh: INFLUX_DB must match [A-Za-z0-9_]+, got '$db'" >&2; exit 2; }

# One statement as admin; InfluxDB answers 200 with an "error" in the body when a statement fails.
as_admin() {
  local body
  body="$(curl -sS -XPOST "$url/query" -u "admin:$INFLUX_ADMIN_PASSWORD" --data-urlencode "q=$1")"
  if [[ "$body" == *'"error"'* ]]; then
    echo "influx-users.sh: '${1%%WITH PASSWORD*}' failed: $body" >&2
    return 1
  fi
}
user() { # name password privilege
  as_admin "CREATE USER \"$1\" WITH PASSWORD '$2'" 2>/dev/null || as_admin "SET PASSWORD FOR \"$1\" = '$2'"
  [ "$3" = none ] || as_admin "GRANT $3 ON \"$db\" TO \"$1\""
}

# With no users yet, InfluxDB 1.x takes exactly one statement without a login: the first admin.
curl -sS -XPOST "$url/query" \
  --data-urlencode "q=CREATE USER admin WITH PASSWORD '$INFLUX_ADMIN_PASSWORD' WITH ALL PRIVILEGES" >/dev/null
as_admin "SHOW USERS" || { echo "influx-users.sh: cannot log in as admin at $url (an admin with another password exists?)" >&2; exit 1; }
as_admin "CREATE DATABASE \"$db\""
user tempostream-job "$INFLUX_JOB_PASSWORD" WRITE
user grafana "$INFLUX_GRAFANA_PASSWORD" READ
echo "InfluxDB users at $url: admin, tempostream-job (WRITE on $db), grafana (READ on $db)"
