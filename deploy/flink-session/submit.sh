#!/usr/bin/env bash
# Submits a job jar to the session cluster's REST API and prints the job id:
#   ./submit.sh REST_URL JAR [job flags...]
#   ./submit.sh http://localhost:8081 analytics/target/analytics-0.1.0-SNAPSHOT-job.jar --mqtt-url tcp://127.0.0.1:1883
set -euo pipefail
rest="${1:?usage: submit.sh REST_URL JAR [job flags...]}"
jar="${2:?usage: submit.sh REST_URL JAR [job flags...]}"
shift 2
[ -f "$jar" ] || { echo "submit.sh: no such jar: $jar (build it: mvn -B package -DskipTests)" >&2; exit 2; }
upload="$(curl -sf -X POST -H "Expect:" -F "jarfile=@$jar" "$rest/jars/upload")"
jar_id="$(printf '%s' "$upload" | python3 -c 'import json,sys; print(json.load(sys.stdin)["filename"].split("/")[-1])')"
args_json="$(python3 -c 'import json,sys; print(json.dumps({"programArgsList": sys.argv[1:]}))' "$@")"
run="$(curl -s -X POST -H 'Content-Type: application/json' -d "$args_json" "$rest/jars/$jar_id/run")"
job_id="$(printf '%s' "$run" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("jobid") or "")')"
[ -n "$job_id" ] || { echo "submit.sh: the cluster refused the job: $run" >&2; exit 1; }
echo "$job_id"
