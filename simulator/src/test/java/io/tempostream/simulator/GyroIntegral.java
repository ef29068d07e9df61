package io.tempostream.simulator;

import io.tempostream.ingest.recording.Recording;

/** Test helper: how far the sensor turned between two times, from its gyroscope alone. */
final class GyroIntegral {
    private GyroIntegral() {
    }

    /**
     * Integrates the gyroscope over (fromMs, toMs], less its bias as averaged while the sensor was
     * still (samples before {@code stillUntilMs}), and returns the angle turned in degrees.
     */
    static double turnedDeg(Recording r, long stillUntilMs, long fromMs, long toMs) {
        double[] bias = new double[3];
        int still = 0;
        for (int i = 0; r.timestampsMs()[i] < stillUntilMs; i++, still++) {
            bias[0] += r.gx()[i];
            bias[1] += r.gy()[i];
            bias[2] += r.gz()[i];
        }
        double[] angle = new double[3];
        for (int i = 1; i < r.size(); i++) {
            long t = r.timestampsMs()[i];
            if (t > fromMs && t <= toMs) {
                double dt = (t - r.timestampsMs()[i - 1]) / 1000.0;
                angle[0] += (r.gx()[i] - bias[0] / still) * dt;
                angle[1] += (r.gy()[i] - bias[1] / still) * dt;
                angle[2] += (r.gz()[i] - bias[2] / still) * dt;
            }
        }
        return Math.sqrt(angle[0] * angle[0] + angle[1] * angle[1] + angle[2] * angle[2]);
    }
}
