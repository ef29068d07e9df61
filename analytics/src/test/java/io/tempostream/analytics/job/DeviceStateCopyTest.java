package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.config.Flags;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The heap state backend copies a device's state on its first use after each checkpoint, and the
 * job goes on with the copy. With the job's serializer configuration that copy is Kryo's own (not
 * the state written out and read back) and a true one: a detector copied again and again goes on
 * exactly as one never copied, batch by batch, and shares nothing with the one it was copied from.
 */
class DeviceStateCopyTest {
    /** Sensor time between two copies: ten times as often as the job's checkpoints. */
    private static final long COPY_EVERY_MS = 1_000;

    @ParameterizedTest
    @EnumSource(Placement.class)
    void aDetectorCopiedAsAfterEachCheckpointGoesOnAsOneNeverCopied(Placement placement) {
        TypeSerializer<DeviceState> serializer = TypeInformation.of(DeviceState.class).createSerializer(jobSerializerConfig());
        List<ImuBatch> batches = session(placement);

        List<String> neverCopied = new ArrayList<>();
        RepDetector reference = RepDetectors.forPlacement(placement, "a", "d");
        for (ImuBatch batch : batches) {
            neverCopied.add(step(reference, batch));
        }

        DeviceState live = state(placement);
        DeviceState copiedFrom = null;
        List<String> copied = new ArrayList<>();
        List<String> leftBehind = new ArrayList<>();
        long nextCopyMs = batches.get(0).firstTimestampMs() + COPY_EVERY_MS;
        for (ImuBatch batch : batches) {
            if (batch.firstTimestampMs() >= nextCopyMs) {
                copiedFrom = live;
                live = serializer.copy(live);
                nextCopyMs += COPY_EVERY_MS;
            }
            copied.add(step(live.detector, batch));
            if (copiedFrom != null) {
                // The state left to the checkpoint goes on too: were anything shared, one would disturb the other.
                leftBehind.add(step(copiedFrom.detector, batch));
            }
        }
        assertEquals(neverCopied, copied, "the copied detector's reps, offers and phases, batch by batch");
        assertEquals(neverCopied.subList(neverCopied.size() - leftBehind.size(), neverCopied.size()), leftBehind,
                "the detector copied last, fed on after the copy");
    }

    @ParameterizedTest
    @EnumSource(Placement.class)
    void kryoCopiesADetectorItself(Placement placement) {
        DeviceState state = state(placement);
        for (ImuBatch batch : session(placement).subList(0, 200)) {
            step(state.detector, batch);
        }
        KryoSerializer<RepDetector> kryo = new KryoSerializer<>(RepDetector.class, jobSerializerConfig());
        // Flink's serializer falls back to writing the state out and reading it back where Kryo's copy fails.
        assertDoesNotThrow(() -> kryo.getKryo().copy(state.detector));
    }

    /** The serializer configuration the job runs with. */
    private static SerializerConfigImpl jobSerializerConfig() {
        Configuration job = TempoStreamJob.flinkConfiguration(
                JobOptions.fromFlags(Flags.parse(new String[0], JobOptions.FLAGS, JobOptions.SWITCHES)), new Configuration());
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.configure(job, DeviceStateCopyTest.class.getClassLoader());
        return config;
    }

    private static DeviceState state(Placement placement) {
        DeviceState state = new DeviceState();
        state.detector = RepDetectors.forPlacement(placement, "a", "d");
        return state;
    }

    /** Rows, then face pulls: a travel set and a rotation set from the wrist, two rotation sets from the back. */
    private static List<ImuBatch> session(Placement placement) {
        SessionScript script = new SessionScript("a", "d", placement, 50, 5, 5_000, List.of(
                SetScript.of(Exercise.DUMBBELL_ROW, 6, "2-1-2-0", 20_000),
                SetScript.of(Exercise.FACE_PULL, 6, "2-1-2-0", 20_000)));
        return ExerciseSimulator.simulate(script, 1_764_000_000_000L, 7).batches();
    }

    /** One batch in; what the live job reads from the detector after it, as one line. */
    private static String step(RepDetector detector, ImuBatch batch) {
        List<Object> reps = new ArrayList<>();
        detector.accept(batch, reps::add);
        return batch.firstTimestampMs() + " reps " + reps + " offered " + detector.pendingRep() + " phase "
                + detector.livePhase() + " holding since " + detector.holdingSinceMs();
    }
}
