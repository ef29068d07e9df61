package io.tempostream.analytics.detect;

/**
 * What counts as a rep phase for the rotation detector, by where the sensor sits.
 *
 * @param onSpeedDps  angular speed above which a movement starts: above gyroscope noise and bias
 *                    (≈ 1 deg/s) and above postural sway at that spot
 * @param minRomDeg   the smallest rotation that can be a rep phase; smaller is fidgeting
 */
public record RotationThresholds(double onSpeedDps, double minRomDeg) {
    /** The forearm turns 30–120° in pulls and raises; sway moves it a few degrees. */
    public static final RotationThresholds WRIST = new RotationThresholds(8, 15);
    /**
     * Between the shoulder blades, a rep is scapular retraction: 5–15° at 3–10 deg/s. Sway there is
     * smaller than at the wrist, so lower thresholds stay above it.
     */
    public static final RotationThresholds BACK = new RotationThresholds(2.5, 4);
}
