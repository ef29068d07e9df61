package io.tempostream.analytics.detect;

/**
 * Where the athlete is in the rep under way ({@link RepDetector#livePhase()}): the phase and since
 * when (sensor ms), and the time the rep has spent in each phase so far up to {@code atMs}, the
 * running one included, so a live view can fill the rep's phase bars as it goes.
 */
public record LivePhase(RepPhase phase, long sinceMs, long atMs, long concentricMs, long topHoldMs, long eccentricMs,
        long bottomPauseMs) {

    /** How long the current phase has lasted so far. */
    public long elapsedMs() {
        return Math.max(0, atMs - sinceMs);
    }
}
