package io.tempostream.analytics.cli;

/**
 * A sampled device's rep as the load test first saw it (wall-clock {@code seenAtMs}), in InfluxDB
 * or on the athlete's feedback topic, and whether what it saw was the provisional rep.
 */
record SeenRep(int device, long endMs, long seenAtMs, boolean provisional) {
}
