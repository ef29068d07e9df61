#!/usr/bin/env bash
# The end-to-end load benchmark of docs/benchmarks.md on this machine: starts the job
# (`tempostream run`, its own JVM) on a fresh InfluxDB database, drives DEVICES simulated devices
# through Mosquitto into it for SECONDS (`tempostream loadtest`), and every HEAP_EVERY_S seconds
# logs the job's heap after a full GC (for the memory soak). Mosquitto and InfluxDB must be up
# (`bash .ci/services.sh start`). The database is dropped at the end (a run writes about 60 000
# points); KEEP_LOAD_DB=1 keeps it for a look afterwards.
#   deploy/load/run.sh DEVICES SECONDS [back|wrist] [HEAP_EVERY_S]
#   deploy/load/run.sh 2000 300            # the issue's target: 2 000 devices at 100 Hz, 5 min
#   deploy/load/run.sh 2000 1800 back 300  # the 30-minute memory soak
#   JOB_FLAGS="--live-phases changes" deploy/load/run.sh 2000 120 back  # flags for the job
#   JOB_JAVA_OPTS="-XX:TieredStopAtLevel=1" deploy/load/run.sh 2000 120 wrist  # JVM options for the job alone
#   LOAD_FLAGS="--flood-bytes 520000" deploy/load/run.sh 200 120 back   # and one device flooding
#   LOAD_FLAGS="--selected" deploy/load/run.sh 500 120 wrist            # each app selects rows first
#   LOAD_FLAGS="--lost-percent 5" deploy/load/run.sh 1000 120 wrist     # 5 % of messages lost on the way
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
devices="${1:?usage: $0 DEVICES SECONDS [back|wrist] [HEAP_EVERY_S]}"
seconds="${2:?usage: $0 DEVICES SECONDS [back|wrist] [HEAP_EVERY_S]}"
placement="${3:-back}"
heap_every="${4:-0}"
db="load_$(date +%Y%m%d_%H%M%S)"
log="${TMPDIR:-/tmp}/tempostream-load-job-$db.log"
# Kept beside the job's log, so a run that falls behind can be explained afterwards: the job's
# collections (wall-clock times) and, every second, the CPU of the job, the broker and InfluxDB.
gc_log="${TMPDIR:-/tmp}/tempostream-load-gc-$db.log"
cpu_log="${TMPDIR:-/tmp}/tempostream-load-cpu-$db.log"

"$here/tempostream" --help >/dev/null # builds once, before anything is timed
# shellcheck disable=SC2086 # JOB_FLAGS: more flags for the job, word-split on purpose
TEMPOSTREAM_JAVA_OPTS="-Xlog:gc:file=$gc_log:time,uptime ${JOB_JAVA_OPTS:-${TEMPOSTREAM_JAVA_OPTS:-}}" \
  "$here/tempostream" run --influx-db "$db" ${JOB_FLAGS:-} > "$log" 2>&1 &
launcher=$!
sampler=
finish() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  kill $launcher 2>/dev/null || true
  wait $launcher 2>/dev/null || true # its sink flushes as it stops; drop the database after that
  if [ "${KEEP_LOAD_DB:-0}" != 1 ]; then
    curl -s -XPOST http://127.0.0.1:8086/query --data-urlencode "q=DROP DATABASE \"$db\"" >/dev/null || true
  else
    echo "kept database $db"
  fi
}
trap finish EXIT
for _ in $(seq 1 120); do
  grep -q "subscribed to" "$log" && break
  kill -0 $launcher 2>/dev/null || { echo "the job ended before subscribing; its log:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.5
done
job_pid="$(pgrep -f "TempoStreamCli run --influx-db $db" | head -n 1)"
echo "job: pid $job_pid, database $db, log $log"
if command -v top >/dev/null; then
  top -b -d 1 -w 200 | grep --line-buffered -E '^top|java|mosquitto|influxd' > "$cpu_log" &
  sampler=$!
fi

if [ "$heap_every" -gt 0 ]; then
  (
    start=$(date +%s)
    while kill -0 "$job_pid" 2>/dev/null; do
      sleep "$heap_every"
      jcmd "$job_pid" GC.run >/dev/null 2>&1 || break
      used=$(jcmd "$job_pid" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -n 1 | tr -dc 0-9)
      echo "heap after full GC at $(( $(date +%s) - start )) s: $(( used / 1024 )) MB"
    done
  ) &
fi

# shellcheck disable=SC2086 # LOAD_FLAGS: more flags for the load test (e.g. --flood-bytes 520000)
"$here/tempostream" loadtest --devices "$devices" --duration-s "$seconds" --placement "$placement" --influx-db "$db" ${LOAD_FLAGS:-}
echo "job restarts: $(grep -c 'switched from RUNNING to FAILED\|Restarting job' "$log" || true);" \
  "failed checkpoints: $(grep -c 'Failed to trigger or complete checkpoint' "$log" || true)"
echo "the job's collections: $(grep -c 'Pause' "$gc_log" || true), longest pause" \
  "$(grep 'Pause' "$gc_log" | grep -o '[0-9.]*ms$' | sort -n | tail -n 1) ($gc_log; a concurrent cycle's time is not a pause)"
if [ -n "$sampler" ]; then
  echo "CPU of the job, the broker and InfluxDB every second: $cpu_log"
fi
