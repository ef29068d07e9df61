package io.tempostream.ingest.testing;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The Flink MiniCluster integration tests run their jobs on: one TaskManager in this JVM. */
public final class LocalFlink {
    private LocalFlink() {
    }

    /** For a test class's {@code @RegisterExtension static} field. */
    public static MiniClusterExtension miniCluster(int slots) {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(slots).build());
    }
}
