package io.tempostream.analytics.detect;

/**
 * Where the athlete is in the rep under way ({@link RepDetector#livePhase()}): the phase and since
 * when (sensor ms), and the time the rep has spent in each phase so far up to {@code atMs}, the
 * running one included, so a live view can fill the rep's phase bars as it goes.
 */
public record LivePhase(RepPhase phase, long sinceMs, long atMs, long concentricMs, long topHoldMs, long eccentricMs,
        long bottomPauseMs) {

    /**
     * A live phase from the rep's times so far in the order it moves: way out, far end, way back,
     * resting end (negative times read as none). A lift that starts concentric (a pull) goes out
     * concentric and rests at the bottom; one that starts eccentric (a squat) goes out eccentric and
     * rests at the top.
     */
    static LivePhase ofWays(boolean concentricFirst, RepPhase phase, long sinceMs, long atMs, long wayOutMs, long farEndMs,
            long wayBackMs, long restingEndMs) {
        long out = Math.max(0, wayOutMs);
        long far = Math.max(0, farEndMs);
        long back = Math.max(0, wayBackMs);
        long rest = Math.max(0, restingEndMs);
        return concentricFirst
                ? new LivePhase(phase, sinceMs, atMs, out, far, back, rest)
                : new LivePhase(phase, sinceMs, atMs, back, rest, out, far);
    }

    /** How long the current phase has lasted so far. */
    public long elapsedMs() {
        return Math.max(0, atMs - sinceMs);
    }
}
