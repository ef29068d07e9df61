#!/usr/bin/env bash
# The JVM options of the job's process, one per line: `./tempostream run` and the session
# cluster's TaskManager (deploy/flink-session/start.sh) both take them from here.
#
# Biased locking: Paho 1.2.5 copies every PUBLISH it receives a byte at a time through a
# synchronized read, and without biased locking (off by default since Java 15; Java 17 still has
# it, deprecated) each byte takes a lock: 10 µs a device's batch against 2 µs, a fifth of the
# job's CPU at 2 000 devices. The JVM warns once that the option is deprecated.
echo -XX:+UseBiasedLocking
# Transparent huge pages for the heap, where the kernel offers them (the JVM warns where it does
# not): the rep operator reads another device's state with every batch, from a heap of gigabytes,
# and with huge pages the job took 12 % less CPU at 2 000 wrist devices.
# (Both measured in docs/benchmarks.md.)
if grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  echo -XX:+UseTransparentHugePages
fi
