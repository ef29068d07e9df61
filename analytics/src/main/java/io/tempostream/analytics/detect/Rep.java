package io.tempostream.analytics.detect;

/**
 * One detected repetition with its tempo phases in milliseconds, in the order performed by a pull
 * (concentric, peak hold, eccentric, bottom pause). Times are the sensor's epoch ms.
 *
 * @param set        1-based set number within the device's stream (a rest gap starts a new set)
 * @param rep        1-based rep number within the set; for an {@link #isometric()} hold, its number
 *                   among the set's holds (a hold does not take a rep's number)
 * @param romDeg     range of motion of the concentric phase (the rotation it made, degrees), 0 when
 *                   the rep was found by vertical travel instead
 * @param travelM    vertical travel of the rep in metres, 0 when it was found by rotation
 */
public record Rep(
        String athleteId,
        String deviceId,
        int set,
        int rep,
        long startMs,
        long endMs,
        long concentricMs,
        long peakHoldMs,
        long eccentricMs,
        long bottomPauseMs,
        double romDeg,
        double travelM) {

    /**
     * An isometric hold rather than a rep: the squeeze at the top lasted at least
     * {@link #ISOMETRIC_HOLD_MS}. A scapular squeeze held 5–10 s is one hold with its duration;
     * pause reps squeeze for 1–2 s and stay reps.
     */
    public static final long ISOMETRIC_HOLD_MS = 4_000;

    /** This rep with another set and number within it. */
    public Rep numbered(int inSet, int number) {
        return new Rep(athleteId, deviceId, inSet, number, startMs, endMs, concentricMs, peakHoldMs, eccentricMs,
                bottomPauseMs, romDeg, travelM);
    }

    public long durationMs() {
        return endMs - startMs;
    }

    public boolean isometric() {
        return peakHoldMs >= ISOMETRIC_HOLD_MS;
    }

    /** Start of the squeeze at peak contraction (for an eccentric-first lift, of the pause at the top). */
    public long peakHoldStartMs() {
        return startMs + concentricMs;
    }
}
