package io.tempostream.analytics.detect;

/**
 * One detected repetition with its tempo phases in milliseconds, in the order performed by a pull
 * (concentric, peak hold, eccentric, bottom pause). Times are the sensor's epoch ms.
 *
 * @param set            1-based set number within the device's stream (a rest gap starts a new set)
 * @param rep            1-based rep number within the set; for an {@link #isometric()} hold, its
 *                       number among the set's holds (a hold does not take a rep's number)
 * @param romDeg         range of motion of the concentric phase (the rotation it made, degrees), 0
 *                       when the rep was found by vertical travel instead
 * @param travelM        vertical travel of the rep in metres, 0 when it was found by rotation
 * @param peakVelocity   the concentric's peak speed: deg/s for a rep found by rotation, m/s for one
 *                       found by travel (velocity-based training tracks its loss through a set)
 * @param concentricJolt how suddenly the concentric starts: the steepest rise of speed in its first
 *                       30 %, in units of its peak speed per its duration. A smooth (half-cosine)
 *                       movement has π; a start with momentum has two to five times that
 * @param eccentricJolt  how suddenly the eccentric ends, the same way over its last 30 %: a bounce
 *                       at the bottom instead of a controlled stop
 * @param exercise       what the athlete said they were doing when the rep started (an exercise
 *                       selection), "" if nothing was said
 * @param provisional    reported the moment its eccentric ended, for live feedback, before its
 *                       bottom pause is known (0 here, {@code endMs} the eccentric's end); the same
 *                       rep (same start) follows, final, once the next rep starts or the pause
 *                       turns into rest ({@link RepDetector#pendingRep()})
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
        double travelM,
        double peakVelocity,
        double concentricJolt,
        double eccentricJolt,
        String exercise,
        boolean provisional) {

    /**
     * An isometric hold rather than a rep: the squeeze at the top lasted at least
     * {@link #ISOMETRIC_HOLD_MS}. A scapular squeeze held 5–10 s is one hold with its duration;
     * pause reps squeeze for 1–2 s and stay reps.
     */
    public static final long ISOMETRIC_HOLD_MS = 4_000;

    public Rep {
        exercise = exercise == null ? "" : exercise;
    }

    /** A final rep: its bottom pause is known. */
    public Rep(String athleteId, String deviceId, int set, int rep, long startMs, long endMs, long concentricMs,
            long peakHoldMs, long eccentricMs, long bottomPauseMs, double romDeg, double travelM, double peakVelocity,
            double concentricJolt, double eccentricJolt, String exercise) {
        this(athleteId, deviceId, set, rep, startMs, endMs, concentricMs, peakHoldMs, eccentricMs, bottomPauseMs,
                romDeg, travelM, peakVelocity, concentricJolt, eccentricJolt, exercise, false);
    }

    /** A rep with timing and range only (no movement shape, no exercise), as tests and fixtures write them. */
    public Rep(String athleteId, String deviceId, int set, int rep, long startMs, long endMs, long concentricMs,
            long peakHoldMs, long eccentricMs, long bottomPauseMs, double romDeg, double travelM) {
        this(athleteId, deviceId, set, rep, startMs, endMs, concentricMs, peakHoldMs, eccentricMs, bottomPauseMs,
                romDeg, travelM, 0, 0, 0, "");
    }

    /** This rep with another set and number within it. */
    public Rep numbered(int inSet, int number) {
        return new Rep(athleteId, deviceId, inSet, number, startMs, endMs, concentricMs, peakHoldMs, eccentricMs,
                bottomPauseMs, romDeg, travelM, peakVelocity, concentricJolt, eccentricJolt, exercise, provisional);
    }

    /** This rep as reported before its bottom pause is known. */
    public Rep asProvisional() {
        return new Rep(athleteId, deviceId, set, rep, startMs, endMs, concentricMs, peakHoldMs, eccentricMs,
                bottomPauseMs, romDeg, travelM, peakVelocity, concentricJolt, eccentricJolt, exercise, true);
    }

    /** This rep as part of {@code name} (an exercise selection). */
    public Rep withExercise(String name) {
        return new Rep(athleteId, deviceId, set, rep, startMs, endMs, concentricMs, peakHoldMs, eccentricMs,
                bottomPauseMs, romDeg, travelM, peakVelocity, concentricJolt, eccentricJolt, name, provisional);
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

    /** The range of motion in the rep's own unit (degrees or metres), for comparing reps of one set. */
    public double range() {
        return romDeg > 0 ? romDeg : travelM;
    }
}
