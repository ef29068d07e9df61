package io.tempostream.analytics.detect;

/**
 * What counts as a rep phase for the rotation detector, by where the sensor sits.
 *
 * @param onSpeedDps  angular speed above which a movement starts: above gyroscope noise and bias
 *                    (≈ 1 deg/s) and above postural sway at that spot
 * @param minRomDeg   the smallest rotation that can be a rep phase; smaller is fidgeting
 * @param followsTilt whether the gyroscope's offset is also learned from the accelerometer's tilt:
 *                    where it reads gravity and little else
 */
public record RotationThresholds(double onSpeedDps, double minRomDeg, boolean followsTilt) {
    /**
     * The forearm turns 30–120° in pulls and raises; sway moves it a few degrees. The hand's own
     * accelerations tilt the accelerometer's reading by degrees (learned from, they took face
     * pulls' phase error from 16 to 52 ms), and stillness between reps is learned from well enough.
     */
    public static final RotationThresholds WRIST = new RotationThresholds(8, 15, false);
    /**
     * Between the shoulder blades, a rep is scapular retraction: 5–15° at 3–10 deg/s. Sway there is
     * smaller than at the wrist, so lower thresholds stay above it. An offset of 1–2 deg/s is a
     * third of such a rep's speed, and the set's 1 s holds are too short to learn it in; the upper
     * back barely accelerates, so its tilt tells the offset as it moves.
     */
    public static final RotationThresholds BACK = new RotationThresholds(2.5, 4, true);
}
