package io.tempostream.ingest.recording;

import java.util.Arrays;

/**
 * A whole recording of one sensor on one clock: timestamps in epoch ms, acceleration in g,
 * angular velocity in deg/s, sensor axes. What {@code analyze} reads and the simulator writes.
 */
public record Recording(long[] timestampsMs, float[] ax, float[] ay, float[] az, float[] gx, float[] gy, float[] gz) {

    public int size() {
        return timestampsMs.length;
    }

    /** The samples from {@code fromMs} (inclusive) to {@code toMs} (exclusive): a sensor switched on and off then. */
    public Recording between(long fromMs, long toMs) {
        int a = 0;
        while (a < size() && timestampsMs[a] < fromMs) {
            a++;
        }
        int b = a;
        while (b < size() && timestampsMs[b] < toMs) {
            b++;
        }
        return new Recording(Arrays.copyOfRange(timestampsMs, a, b), Arrays.copyOfRange(ax, a, b),
                Arrays.copyOfRange(ay, a, b), Arrays.copyOfRange(az, a, b), Arrays.copyOfRange(gx, a, b),
                Arrays.copyOfRange(gy, a, b), Arrays.copyOfRange(gz, a, b));
    }

    /**
     * This recording with white noise of {@code noiseG} (g, standard deviation) added to each
     * accelerometer axis, drawn from {@code random} sample by sample, x, y then z: a noisier sensor.
     */
    public Recording withAccelerometerNoise(double noiseG, java.util.Random random) {
        float[] x = ax.clone();
        float[] y = ay.clone();
        float[] z = az.clone();
        for (int i = 0; i < size(); i++) {
            x[i] += (float) (noiseG * random.nextGaussian());
            y[i] += (float) (noiseG * random.nextGaussian());
            z[i] += (float) (noiseG * random.nextGaussian());
        }
        return new Recording(timestampsMs, x, y, z, gx, gy, gz);
    }

    /** This recording with a constant added to its gyroscope (deg/s, sensor axes): an offset the sensor reads. */
    public Recording withGyroscopeOffset(double xDps, double yDps, double zDps) {
        float[] x = gx.clone();
        float[] y = gy.clone();
        float[] z = gz.clone();
        for (int i = 0; i < size(); i++) {
            x[i] += (float) xDps;
            y[i] += (float) yDps;
            z[i] += (float) zDps;
        }
        return new Recording(timestampsMs, ax, ay, az, x, y, z);
    }
}
