#!/usr/bin/env bash
# Stops the session cluster that ./start.sh DIR started.
set -euo pipefail
dir="${1:?usage: stop.sh DIR}"
for role in taskmanager jobmanager; do
  if [ -f "$dir/$role.pid" ]; then
    kill "$(cat "$dir/$role.pid")" 2>/dev/null || true
    rm -f "$dir/$role.pid"
  fi
done
