package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where speed is zero, from its crossings of 3–24 % of the peak: exact for a power law of any
 * power from a cosine ramp (1) to a slow start (3), either side of the peak; just past the lowest
 * crossing when the speed was cut short.
 */
class ZeroSpeedTest {
    private static final double T0 = 10_000;

    @ParameterizedTest(name = "power {0}, {1} ms to full speed, step {2}")
    @CsvSource({"1, 1000, -1", "2, 1500, -1", "2.5, 1500, 1", "3, 2000, 1", "1.4, 800, 1"})
    void findsThePowerLawsZeroWhateverItsPower(double power, double toFullMs, int step) {
        double[] crossings = new double[ZeroSpeed.LEVELS.length];
        for (int k = 0; k < crossings.length; k++) {
            // v = (d / toFull)^power, so the level L is crossed d = toFull · L^(1/power) from the zero.
            crossings[k] = T0 - step * toFullMs * Math.pow(ZeroSpeed.LEVELS[k], 1 / power);
        }
        assertEquals(T0, ZeroSpeed.powerLawZero(crossings, step, 0), 5);
    }

    @ParameterizedTest(name = "step {0}")
    @CsvSource({"-1", "1"})
    void speedCutShortEndsJustPastTheLowestCrossing(int step) {
        // A power of 0.6: a start with momentum, or a turn straight into the next movement.
        double[] crossings = new double[ZeroSpeed.LEVELS.length];
        for (int k = 0; k < crossings.length; k++) {
            crossings[k] = T0 - step * 600 * Math.pow(ZeroSpeed.LEVELS[k], 1 / 0.6);
        }
        double zero = ZeroSpeed.powerLawZero(crossings, step, 0);
        assertEquals(T0, zero, 10);
    }

    @ParameterizedTest(name = "{0} deg/s")
    @CsvSource({"4, 0", "20, 0.2", "40, 1", "300, 1"})
    void thePowerLawCountsOnlyWhereItsLevelsStandClearOfTheGyroscopesOffset(double peakDps, double weight) {
        assertEquals(weight, ZeroSpeed.powerLawWeight(peakDps), 1e-9);
    }
}
