package io.tempostream.ingest.recording;

/**
 * A whole recording of one sensor on one clock: timestamps in epoch ms, acceleration in g,
 * angular velocity in deg/s, sensor axes. What {@code analyze} reads and the simulator writes.
 */
public record Recording(long[] timestampsMs, float[] ax, float[] ay, float[] az, float[] gx, float[] gy, float[] gz) {

    public int size() {
        return timestampsMs.length;
    }
}
