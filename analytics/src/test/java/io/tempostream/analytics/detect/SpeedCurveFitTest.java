package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A slow movement's ends from its whole speed curve: an 8° turn over 3 s (a row seen from the upper
 * back, 4–5 deg/s at its peak) with a gyroscope's noise, searched from the ends the line through
 * 25 and 50 % of the peak gives. Whatever the curve, each end comes within 100 ms of the truth,
 * where the line is 170–210 ms off at each end of a minimum-jerk turn (docs/accuracy.md).
 */
class SpeedCurveFitTest {
    private static final double START_MS = 1_000;
    private static final double END_MS = 4_000;

    @ParameterizedTest(name = "{0}, guessed {1} / {2} ms off")
    @CsvSource({"half-cosine, 0, 0", "minimum-jerk, 180, -180", "trapezoid, 100, -100", "fast-start, 50, -420",
            "slow-start, 420, -50"})
    void eachEndIsFoundWhereTheSpeedLeavesAndReturnsToZero(String curve, double startOffMs, double endOffMs) {
        DoubleUnaryOperator shape = switch (curve) {
            case "half-cosine" -> x -> Math.sin(Math.PI * x);
            case "minimum-jerk" -> x -> x * x * (1 - x) * (1 - x);
            case "trapezoid" -> x -> Math.min(1, Math.min(ramp(x / 0.2), ramp((1 - x) / 0.2)));
            case "fast-start" -> x -> Math.pow(x, 1.5) * Math.pow(1 - x, 2.5);
            default -> x -> Math.pow(x, 2.5) * Math.pow(1 - x, 1.5);
        };
        double area = 0;
        for (int k = 0; k < 1000; k++) {
            area += shape.applyAsDouble((k + 0.5) / 1000) / 1000;
        }
        double scale = 8 / (area * (END_MS - START_MS) / 1000); // 8° over the phase
        Random noise = new Random(7);
        int n = 150; // 40 ms bins from 0 to 6 s: the rest before, the turn, and a hold after
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 40;
            double x = (t[i] - START_MS) / (END_MS - START_MS);
            v[i] = (x > 0 && x < 1 ? scale * shape.applyAsDouble(x) : 0) + 0.2 * noise.nextGaussian();
        }

        double[] ends = SpeedCurveFit.startAndEnd(t, v, n, START_MS + startOffMs, END_MS + endOffMs);

        assertEquals(START_MS, ends[0], 100, curve + ": start");
        assertEquals(END_MS, ends[1], 100, curve + ": end");
    }

    private static double ramp(double x) {
        return x >= 1 ? 1 : (1 - Math.cos(Math.PI * Math.max(0, x))) / 2;
    }
}
