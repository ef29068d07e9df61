package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.analytics.training.AthleteProfile;
import io.tempostream.analytics.training.AthleteTraining;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.ProgramScript;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The job's keyed state per device and per athlete, serialized as Flink checkpoints it, stays
 * bounded: measured after every minute of a 30-minute simulated session (the sizes printed here
 * are the ones docs/benchmarks.md reports), and it does not grow from the first sets to the last.
 */
class StateSizeTest {
    private static final long T0 = 1_764_000_000_000L;

    private static <T> int bytes(Class<T> type, T value) throws Exception {
        TypeSerializer<T> serializer = TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        serializer.serialize(value, out);
        return out.length();
    }

    /** Over 30 minutes of rows and face pulls at 100 Hz: 14 sets of 10 reps with 90 s rests. */
    private static SimulatedDevice halfAnHour(Placement placement) {
        List<SetScript> sets = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            sets.add(SetScript.of(i % 2 == 0 ? Exercise.DUMBBELL_ROW : Exercise.FACE_PULL, 10, "2-1-2-0", 90_000));
        }
        return ExerciseSimulator.simulate(new SessionScript("a", "d", placement, 100, 10, 5_000, sets), T0, 4);
    }

    /** A device's whole keyed state ({@link DeviceState}: its detector and what the operator keeps beside it). */
    @ParameterizedTest
    @EnumSource(Placement.class)
    void aDevicesStateIsBoundedOverHalfAnHour(Placement placement) throws Exception {
        SimulatedDevice device = halfAnHour(placement);
        DeviceState state = new DeviceState();
        state.detector = RepDetectors.forPlacement(placement, "a", "d");
        List<Integer> perMinute = new ArrayList<>();
        int detectorMax = 0;
        long nextMinute = T0 + 60_000;
        for (ImuBatch batch : device.batches()) {
            state.recentBatches.seenBefore(batch);
            state.detector.accept(batch, rep -> { });
            state.lastSequence = batch.sequence();
            if (batch.lastTimestampMs() >= nextMinute) {
                perMinute.add(bytes(DeviceState.class, state));
                detectorMax = Math.max(detectorMax, bytes(RepDetector.class, state.detector));
                nextMinute += 60_000;
            }
        }
        int max = perMinute.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int firstFive = perMinute.subList(0, 5).stream().mapToInt(Integer::intValue).max().orElseThrow();
        int lastFive = perMinute.subList(perMinute.size() - 5, perMinute.size()).stream().mapToInt(Integer::intValue).max()
                .orElseThrow();
        System.out.printf(Locale.ROOT, "%s device state over %d minutes: max %d bytes (its detector %d), first 5 min max %d,"
                + " last 5 min max %d%n", placement, perMinute.size(), max, detectorMax, firstFive, lastFive);
        assertTrue(perMinute.size() >= 30, "half an hour: " + perMinute.size() + " minutes");
        // Every checkpoint holds every device's: 2 000 devices at 100 KB are 200 MB each time (at
        // 192–233 KB, with the rotation buffer sized for 200 Hz, they were 380–470 MB).
        assertTrue(max <= 100_000, "bounded and small at 100 Hz: " + max + " bytes");
        assertTrue(lastFive <= 1.1 * firstFive, "no growth: " + firstFive + " → " + lastFive + " bytes");
    }

    /**
     * Slow sets (5-0-5-0, 10 s a rep) keep a longer window while they build up (a minute at most,
     * to hold four of their far ends): the state then grows, measured every 5 s, and stays bounded.
     */
    @Test
    void aWristDevicesStateStaysBoundedThroughSlowSets() throws Exception {
        List<SetScript> sets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sets.add(SetScript.of(Exercise.DUMBBELL_ROW, 6, "5-0-5-0", 60_000));
        }
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 100, 10, 5_000, sets),
                T0, 4);
        DeviceState state = new DeviceState();
        state.detector = RepDetectors.forPlacement(Placement.WRIST, "a", "d");
        int max = 0;
        long next = T0 + 5_000;
        int[] found = {0};
        for (ImuBatch batch : device.batches()) {
            state.recentBatches.seenBefore(batch);
            state.detector.accept(batch, rep -> found[0]++);
            state.lastSequence = batch.sequence();
            if (batch.lastTimestampMs() >= next) {
                max = Math.max(max, bytes(DeviceState.class, state));
                next += 5_000;
            }
        }
        System.out.printf(Locale.ROOT, "WRIST device state through slow sets: max %d bytes, %d reps found of %d%n", max,
                found[0], device.reps().size());
        assertTrue(found[0] >= device.reps().size(), "the slow sets were found: " + found[0] + " reps");
        assertTrue(max <= 100_000, "bounded and small, as over half an hour: " + max + " bytes");
    }

    /** Flink sees DeviceState as a POJO (field by field), not as one opaque Kryo object. */
    @Test
    void deviceStateIsAPojoToFlink() {
        assertTrue(TypeInformation.of(DeviceState.class) instanceof PojoTypeInfo, TypeInformation.of(DeviceState.class).toString());
    }

    /** An athlete's training state through six weeks of the program: the open session and two weeks of closed ones. */
    @Test
    void anAthletesTrainingStateIsBoundedOverSixWeeks() throws Exception {
        ProgramScript program = ProgramScript.read(Path.of("../simulator/programs/six-weeks.json"));
        SimulatedDevice device = program.simulate(42);
        AthleteProfile profile = new AthleteProfile(program.athleteId(), program.planStart(), program.zone(),
                AthleteProfile.DEFAULT_TEMPO, java.util.Map.of());
        AthleteTraining training = new AthleteTraining();
        device.selections().forEach(training::select);
        List<Integer> perSession = new ArrayList<>();
        int[] sessions = {0};
        RepDetectors.forPlacement(program.placement(), program.athleteId(), program.deviceId()).detectAll(device.toRecording())
                .forEach(rep -> {
                    training.accept(rep, profile, r -> {
                        if (r instanceof io.tempostream.analytics.training.SessionSummary) {
                            sessions[0]++;
                        }
                    });
                    try {
                        perSession.add(bytes(AthleteTraining.class, training));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        int max = perSession.stream().mapToInt(Integer::intValue).max().orElseThrow();
        System.out.printf(Locale.ROOT, "athlete training state over six weeks (%d sessions closed): max %d bytes%n", sessions[0], max);
        assertTrue(max <= 200_000, "bounded: " + max + " bytes");
    }
}
