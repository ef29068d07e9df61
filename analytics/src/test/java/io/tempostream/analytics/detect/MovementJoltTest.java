package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The jolt of a movement from its speed profile: π for a smooth movement, about 10 for a sudden end or start. */
class MovementJoltTest {
    private static final double DURATION_MS = 2_000;

    /** Speed sampled at 100 Hz over the movement and 200 ms either side (0 there). */
    private static double jolt(DoubleUnaryOperator speedAtShare, boolean atStart) {
        int n = (int) ((DURATION_MS + 400) / 10) + 1;
        double[] t = new double[n];
        double[] v = new double[n];
        double peak = 0;
        for (int i = 0; i < n; i++) {
            t[i] = -200 + 10 * i;
            double s = t[i] / DURATION_MS;
            v[i] = s < 0 || s > 1 ? 0 : speedAtShare.applyAsDouble(s);
            peak = Math.max(peak, v[i]);
        }
        return MovementJolt.of(t, v, n, 0, DURATION_MS, peak, atStart);
    }

    @Test
    void aSmoothMovementStartsAndEndsWithAboutPi() {
        DoubleUnaryOperator halfSine = s -> Math.sin(Math.PI * s);
        // Over a tenth of the movement the half-sine rises by sin(0.1π) = 0.31 of its peak: 3.09.
        assertEquals(3.09, jolt(halfSine, true), 0.05);
        assertEquals(3.09, jolt(halfSine, false), 0.05);
    }

    @Test
    void aBounceEndsTheMovementWithinATenth() {
        // Speed builds for 90 % of the movement and is gone in the last 10 %.
        DoubleUnaryOperator bounce = s -> s < 0.9 ? Math.sin(Math.PI / 2 * s / 0.9) : Math.cos(Math.PI / 2 * (s - 0.9) / 0.1);
        double end = jolt(bounce, false);
        assertTrue(end > 9, "end jolt " + end);
        assertTrue(jolt(bounce, true) < 2, "its start is gentle: " + jolt(bounce, true));
    }

    @Test
    void momentumStartsTheMovementWithinATenth() {
        DoubleUnaryOperator momentum = s -> s < 0.1 ? Math.sin(Math.PI / 2 * s / 0.1) : Math.cos(Math.PI / 2 * (s - 0.1) / 0.9);
        assertTrue(jolt(momentum, true) > 9, "start jolt " + jolt(momentum, true));
    }

    @Test
    void theNextMovementsSpeedInTheOtherDirectionDoesNotCount() {
        // A smooth end followed at once by a sudden movement back (negative speed along this one).
        int n = 241;
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 10 * i;
            double s = t[i] / DURATION_MS;
            v[i] = s <= 1 ? Math.sin(Math.PI * s) : -Math.sin(Math.PI / 2 * Math.min(1, (s - 1) / 0.1));
        }
        assertEquals(3.09, MovementJolt.of(t, v, n, 0, DURATION_MS, 1, false), 0.1);
    }
}
