#!/usr/bin/env bash
# Starts a standalone Flink session cluster on loopback from the Flink jars in Maven Central: a
# JobManager (StandaloneSessionClusterEntrypoint) and a TaskManager (TaskManagerRunner), each its
# own JVM, with the TaskManager's memory and CPU set explicitly (no Flink distribution, so no
# scripts to work them out). Then submit the job jar with ./submit.sh and stop with ./stop.sh.
#   ./start.sh DIR [REST_PORT] [RPC_PORT]      (defaults 8081 and 6123)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:?usage: start.sh DIR [REST_PORT] [RPC_PORT]}"
rest_port="${2:-8081}"
rpc_port="${3:-6123}"
mkdir -p "$dir/conf" "$dir/log"
dir="$(cd "$dir" && pwd)"

# The Flink jars and their dependencies, resolved by Maven (offline when they are cached).
mvn -q -B -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$dir/classpath.txt" \
  -Dmdep.includeScope=runtime ${MAVEN_OFFLINE:+-o} >&2

cat > "$dir/conf/config.yaml" <<CONF
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $rpc_port
jobmanager.bind-host: localhost
rest.address: localhost
rest.bind-address: localhost
rest.port: $rest_port
taskmanager.host: localhost
taskmanager.bind-host: localhost
taskmanager.numberOfTaskSlots: 2
parallelism.default: 1
# Started without Flink's scripts, the TaskManager needs its memory spelled out (these add up to
# the JVM flags below) and its CPU cores.
taskmanager.cpu.cores: 2
taskmanager.memory.framework.heap.size: 128m
taskmanager.memory.task.heap.size: 384m
taskmanager.memory.managed.size: 128m
taskmanager.memory.framework.off-heap.size: 128m
taskmanager.memory.task.off-heap.size: 0m
taskmanager.memory.network.min: 64m
taskmanager.memory.network.max: 64m
taskmanager.memory.jvm-metaspace.size: 256m
taskmanager.memory.jvm-overhead.min: 192m
taskmanager.memory.jvm-overhead.max: 192m
jobmanager.memory.process.size: 1024m
CONF
cat > "$dir/conf/logback.xml" <<'CONF'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="out"/></root>
</configuration>
CONF

# What Flink's own scripts pass on Java 17 (env.java.opts.all of its default config.yaml).
java_opts=(--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
  "-Dlogback.configurationFile=$dir/conf/logback.xml")
cp="$(cat "$dir/classpath.txt")"

nohup java -Xmx768m "${java_opts[@]}" -cp "$cp" \
  org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$dir/conf" \
  > "$dir/log/jobmanager.log" 2>&1 &
echo $! > "$dir/jobmanager.pid"
# Heap = framework + task heap; direct memory = framework + task off-heap + network. The job's own
# JVM options (biased locking, huge pages) as `./tempostream run` has them: ../job-jvm-options.sh.
mapfile -t tm_opts < <(bash "$here/../job-jvm-options.sh")
nohup java -Xms512m -Xmx512m -XX:MaxDirectMemorySize=192m -XX:MaxMetaspaceSize=256m "${tm_opts[@]}" "${java_opts[@]}" -cp "$cp" \
  org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$dir/conf" \
  > "$dir/log/taskmanager.log" 2>&1 &
echo $! > "$dir/taskmanager.pid"

for _ in $(seq 1 120); do
  if curl -sf "http://localhost:$rest_port/taskmanagers" | grep -q '"slotsNumber"'; then
    echo "Flink session cluster up: http://localhost:$rest_port (logs in $dir/log)"
    exit 0
  fi
  sleep 0.5
done
echo "start.sh: the cluster did not come up within 60 s; see $dir/log" >&2
exit 1
