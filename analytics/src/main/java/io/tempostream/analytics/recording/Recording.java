package io.tempostream.analytics.recording;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole recording of one sensor on one clock: timestamps in epoch ms, acceleration in g,
 * angular velocity in deg/s, sensor axes. What {@code analyze} reads and the simulator writes.
 */
public record Recording(long[] timestampsMs, float[] ax, float[] ay, float[] az, float[] gx, float[] gy, float[] gz) {

    public int size() {
        return timestampsMs.length;
    }

    /** Feeds every sample to {@code detector} and closes what is open at the end. */
    public List<Rep> detect(RepDetector detector) {
        List<Rep> reps = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            detector.accept(timestampsMs[i], ax[i], ay[i], az[i], gx[i], gy[i], gz[i], reps::add);
        }
        if (size() > 0) {
            detector.advanceTo(timestampsMs[size() - 1] + 60_000, reps::add);
        }
        return reps;
    }
}
