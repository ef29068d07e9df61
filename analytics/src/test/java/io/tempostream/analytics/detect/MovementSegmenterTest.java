package io.tempostream.analytics.detect;

import static io.tempostream.analytics.TimeAsserts.assertWithinMs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The segmenter keeps 20 s of samples at the rate its first samples show. A slow movement (a 10 s
 * eccentric) must still be whole when it ends, also when the samples come faster than the first
 * ones did (a sensor that starts at 50 Hz and settles at 200 Hz).
 */
class MovementSegmenterTest {
    private static final long T0 = 1_764_000_000_000L;
    private static final double PEAK_DPS = 20;
    private static final long START_MS = 2_000;
    private static final long LENGTH_MS = 10_000;

    /** A half-sine of angular speed about z: 2 s still, 10 s turning, 4 s still. */
    private static double speedAt(double ms) {
        double s = ms - START_MS;
        return s <= 0 || s >= LENGTH_MS ? 0 : PEAK_DPS * Math.sin(Math.PI * s / LENGTH_MS);
    }

    @ParameterizedTest(name = "first steps {0} ms, then {1} ms")
    @CsvSource({"10, 10", "20, 5", "40, 5"})
    void aTenSecondMovementIsWholeWhateverTheFirstSamplesRate(long firstStepMs, long stepMs) {
        MovementSegmenter segmenter = new MovementSegmenter(RotationThresholds.BACK.onSpeedDps(),
                RotationThresholds.BACK.minRomDeg());
        List<Movement> movements = new ArrayList<>();
        MovementSegmenter.Listener out = new MovementSegmenter.Listener() {
            @Override
            public void onset(long startMs, double gxDps, double gyDps, double gzDps) {
            }

            @Override
            public void movement(Movement movement) {
                movements.add(movement);
            }
        };
        long ms = 0;
        for (int i = 0; ms <= START_MS + LENGTH_MS + 4_000; i++) {
            segmenter.add(T0 + ms, 0, 0, speedAt(ms), out);
            ms += i < 8 ? firstStepMs : stepMs;
        }
        assertEquals(1, movements.size(), "movements " + movements);
        Movement m = movements.get(0);
        assertWithinMs(T0 + START_MS, m.startMs(), 150, "start");
        assertWithinMs(T0 + START_MS + LENGTH_MS, m.endMs(), 150, "end");
        assertEquals(2 / Math.PI * PEAK_DPS * LENGTH_MS / 1000, m.rotZDeg(), 2, "rotation, degrees");
    }
}
