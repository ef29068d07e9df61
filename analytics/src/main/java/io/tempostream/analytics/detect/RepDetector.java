package io.tempostream.analytics.detect;

import io.tempostream.ingest.ImuBatch;
import java.util.function.Consumer;

/**
 * Turns one device's samples, in time order, into reps. The Flink job, the offline analysis and
 * the tests all drive the same implementation through this interface; a better engine replaces
 * {@link WristRepDetector} behind it without touching the job.
 */
public interface RepDetector {

    /** One sample: acceleration in g, angular velocity in deg/s, sensor axes. */
    void accept(long tMs, double axG, double ayG, double azG, double gxDps, double gyDps, double gzDps, Consumer<Rep> out);

    /** Time has reached {@code nowMs} with no new samples: close what can be closed. */
    void advanceTo(long nowMs, Consumer<Rep> out);

    /** Time of the last sample accepted, or {@code Long.MIN_VALUE} before the first. */
    long lastSampleMs();

    default void accept(ImuBatch batch, Consumer<Rep> out) {
        for (int i = 0; i < batch.size(); i++) {
            accept(batch.timestampsMs()[i], batch.accelXG()[i], batch.accelYG()[i], batch.accelZG()[i],
                    batch.gyroXDps()[i], batch.gyroYDps()[i], batch.gyroZDps()[i], out);
        }
    }
}
