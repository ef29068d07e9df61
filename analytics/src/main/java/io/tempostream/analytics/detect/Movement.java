package io.tempostream.analytics.detect;

/**
 * One continuous rotation in one direction: the building block of reps. Start and end are where
 * angular velocity leaves and returns to zero; {@code angleDeg} is signed along the dominant axis.
 */
record Movement(long startMs, long endMs, double angleDeg, double peakDps) {
    long durationMs() {
        return endMs - startMs;
    }

    int direction() {
        return angleDeg >= 0 ? 1 : -1;
    }
}
