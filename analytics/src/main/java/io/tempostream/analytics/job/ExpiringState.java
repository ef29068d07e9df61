package io.tempostream.analytics.job;

import java.time.Duration;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * Keyed state that expires after a time without writes (processing time: a device's or athlete's
 * clock cannot keep its state alive), so state stays bounded however many come and go. Expired
 * entries are swept a few at a time as state is accessed.
 */
final class ExpiringState {
    private ExpiringState() {
    }

    static <D extends StateDescriptor<?, ?>> D expiring(D descriptor, Duration afterNoWrite) {
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(afterNoWrite)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                // A few entries checked per state access, not per record as well (which, with ten,
                // was most of the job's time at replay speed); gone keys are still swept.
                .cleanupIncrementally(5, false)
                .build());
        return descriptor;
    }
}
