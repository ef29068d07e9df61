package io.tempostream.analytics.bench;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.simulator.SimulatedDevice;

/**
 * A simulated session's first samples, column by column (time; acceleration x, y, z; angular
 * velocity x, y, z), for a benchmark to feed an engine without unpacking batches as it goes.
 */
record SessionSamples(long[] t, float[][] c) {
    /** The first {@code samples} of {@code device}'s session; fails if it holds fewer. */
    static SessionSamples first(SimulatedDevice device, int samples) {
        long[] t = new long[samples];
        float[][] c = new float[6][samples];
        int n = 0;
        for (ImuBatch b : device.batches()) {
            for (int i = 0; i < b.size() && n < samples; i++, n++) {
                t[n] = b.timestampsMs()[i];
                c[0][n] = b.accelXG()[i];
                c[1][n] = b.accelYG()[i];
                c[2][n] = b.accelZG()[i];
                c[3][n] = b.gyroXDps()[i];
                c[4][n] = b.gyroYDps()[i];
                c[5][n] = b.gyroZDps()[i];
            }
        }
        if (n != samples) {
            throw new IllegalStateException("simulated session has " + n + " samples, benchmark expects " + samples);
        }
        return new SessionSamples(t, c);
    }
}
