package io.tempostream.analytics.detect;

/**
 * What counts as a rep phase for the rotation detector, by where the sensor sits.
 *
 * @param onSpeedDps  angular speed above which a movement starts: above gyroscope noise and bias
 *                    (≈ 1 deg/s) and above postural sway at that spot
 * @param minRomDeg   the smallest rotation that can be a rep phase; smaller is fidgeting
 * @param offsetAtOnce learn the gyroscope's offset as a plain mean of the first still seconds, not
 *                    eased in: where reps turn slowly enough for a half-learned offset to matter
 */
public record RotationThresholds(double onSpeedDps, double minRomDeg, boolean offsetAtOnce) {
    /** The forearm turns 30–120° in pulls and raises; sway moves it a few degrees. */
    public static final RotationThresholds WRIST = new RotationThresholds(8, 15, false);
    /**
     * Between the shoulder blades, a rep is scapular retraction: 5–15° at 2–10 deg/s. Sway there is
     * smaller than at the wrist, so lower thresholds stay above it. 2 deg/s: an 8° row lowered in
     * 4 s at a steady speed peaks at 2.5 deg/s (at 2.5, no such phase was seen), and the offset left
     * once learned is 0.2–0.5 deg/s. A back rep is slow enough that a half-learned offset (a sensor
     * switched on just before its set) is a third of its speed: learned at once.
     */
    public static final RotationThresholds BACK = new RotationThresholds(2.0, 4, true);
}
