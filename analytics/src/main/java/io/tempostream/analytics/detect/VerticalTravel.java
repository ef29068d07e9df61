package io.tempostream.analytics.detect;

import io.tempostream.ingest.recording.Recording;
import java.util.Arrays;

/**
 * The vertical travel the travel detector reads (rows and barbell lifts from the wrist), over a
 * whole recording at once, to be shown beside the reps it found (the session report): the same
 * 40 ms bins, gravity estimate and band-limited double integration as {@link VerticalRepDetector},
 * without its windows. For looking at, not for detecting: the detector sees only the past.
 */
public final class VerticalTravel {
    /** Travel in metres (up positive, about its moving mean) at each bin's time. */
    public record Trace(long[] timesMs, double[] travelM) {
    }

    private VerticalTravel() {
    }

    public static Trace of(Recording r) {
        int n = r.size();
        long[] times = new long[n];
        double[] accel = new double[n];
        int bins = 0;
        SampleBin bin = new SampleBin();
        GravityTracker gravity = new GravityTracker();
        for (int i = 0; i < n; i++) {
            long t = r.timestampsMs()[i];
            if (bin.endsBefore(t)) {
                times[bins] = bin.timeMs();
                accel[bins++] = bin.verticalAcceleration(gravity);
                bin.clear();
            }
            double dtS = i == 0 ? 0 : (t - r.timestampsMs()[i - 1]) / 1000.0;
            bin.add(t, r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i], dtS);
        }
        if (!bin.isEmpty()) {
            times[bins] = bin.timeMs();
            accel[bins++] = bin.verticalAcceleration(gravity);
        }
        if (bins < 2) {
            return new Trace(Arrays.copyOf(times, bins), new double[bins]);
        }
        double rateHz = (bins - 1) * 1000.0 / Math.max(1, times[bins - 1] - times[0]);
        return new Trace(Arrays.copyOf(times, bins), VerticalExcursions.travel(accel, 0, bins, rateHz, false));
    }
}
