package io.tempostream.ingest.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {
    private static final long T0 = 1_547_219_408_000L;

    /** A channel whose x is a ramp of its own time, so interpolation can be checked exactly. */
    private static MetaWearCsv.Channel ramp(long start, long periodMs, int n, long skipFrom, long skipTo) {
        long[] t = new long[n];
        float[] x = new float[n];
        int k = 0;
        for (int i = 0; k < n; i++) {
            long time = start + i * periodMs;
            if (time >= skipFrom && time < skipTo) {
                continue;
            }
            t[k] = time;
            x[k] = (time - T0) / 1000f;
            k++;
        }
        return new MetaWearCsv.Channel(t, x, new float[n], new float[n]);
    }

    @Test
    void twelveAndAHalfAndTwentyFiveHertzMeetOnTheFasterClock() throws Exception {
        MetaWearCsv.Channel accel = ramp(T0 + 80, 80, 100, 0, 0);   // 12.5 Hz, starts later
        MetaWearCsv.Channel gyro = ramp(T0, 40, 220, 0, 0);         // 25 Hz
        Recording merged = Resampler.merge(accel, gyro);

        assertEquals(T0 + 80, merged.timestampsMs()[0], "starts where both streams have data");
        assertEquals(40, merged.timestampsMs()[1] - merged.timestampsMs()[0], "on the gyroscope's 40 ms clock");
        assertTrue(merged.timestampsMs()[merged.size() - 1] <= T0 + 80 + 99 * 80, "ends where both streams have data");
        for (int i = 0; i < merged.size(); i++) {
            float seconds = (merged.timestampsMs()[i] - T0) / 1000f;
            assertEquals(seconds, merged.ax()[i], 1e-4, "accelerometer interpolated at sample " + i);
            assertEquals(seconds, merged.gx()[i], 1e-4, "gyroscope at sample " + i);
        }
    }

    @Test
    void gapsStayGapsInsteadOfInventedLines() throws Exception {
        MetaWearCsv.Channel accel = ramp(T0, 80, 100, T0 + 2_000, T0 + 4_000);
        MetaWearCsv.Channel gyro = ramp(T0, 40, 200, 0, 0);
        Recording merged = Resampler.merge(accel, gyro);
        for (long t : merged.timestampsMs()) {
            assertTrue(t < T0 + 1_920 || t >= T0 + 4_000, "sample at " + (t - T0) + " ms lies in the accelerometer gap");
        }
    }

    @Test
    void streamsThatDoNotOverlapAreRefused() {
        MetaWearCsv.Channel accel = ramp(T0, 80, 10, 0, 0);
        MetaWearCsv.Channel gyro = ramp(T0 + 10_000, 40, 10, 0, 0);
        assertThrows(RecordingFormatException.class, () -> Resampler.merge(accel, gyro));
    }
}
