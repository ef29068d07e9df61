package io.tempostream.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.recording.Recording;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExerciseSimulatorTest {
    private static final long T0 = 1_764_000_000_000L;

    private static SessionScript oneSet(Exercise exercise, Placement placement, String tempo) {
        return new SessionScript("a", "d", placement, 100, 10, 4_000, List.of(SetScript.of(exercise, 4, tempo, 5_000)));
    }

    @ParameterizedTest
    @EnumSource(Exercise.class)
    void atRestTheAccelerometerReadsOneGAndTheGyroscopeOnlyNoise(Exercise exercise) {
        for (Placement placement : Placement.values()) {
            Recording r = ExerciseSimulator.simulate(oneSet(exercise, placement, "2-1-2-0"), T0, 1).toRecording();
            for (int i = 0; r.timestampsMs()[i] < T0 + 3_900; i++) {
                double norm = Math.sqrt(r.ax()[i] * r.ax()[i] + r.ay()[i] * r.ay()[i] + r.az()[i] * r.az()[i]);
                assertEquals(1, norm, 6 * ExerciseSimulator.ACCEL_NOISE_G, exercise + " " + placement + " sample " + i);
                double gyro = Math.sqrt(r.gx()[i] * r.gx()[i] + r.gy()[i] * r.gy()[i] + r.gz()[i] * r.gz()[i]);
                assertTrue(gyro < 4, exercise + " gyro at rest " + gyro);
            }
        }
    }

    /**
     * Smooth voluntary movement has no jolts: apart from noise, no accelerometer sample stands out
     * from its neighbours. (Reps vary in range by a few per cent; clamped at the nominal range, a
     * larger rep stopped dead before its concentric ended, 0.3–0.7 g spikes at 50 Hz; a half-cosine movement starting at 0.07 g is no jolt.)
     */
    @ParameterizedTest
    @EnumSource(Exercise.class)
    void repsMoveWithoutJolts(Exercise exercise) {
        for (Placement placement : Placement.values()) {
            for (long seed = 0; seed < 3; seed++) {
                Recording r = ExerciseSimulator.simulate(new SessionScript("a", "d", placement, 50, 10, 4_000,
                        List.of(SetScript.of(exercise, 8, "2-1-2-0", 5_000))), T0, seed).toRecording();
                for (int i = 1; i + 1 < r.size(); i++) {
                    double jolt = norm(r, i) - (norm(r, i - 1) + norm(r, i + 1)) / 2;
                    assertTrue(Math.abs(jolt) < 15 * ExerciseSimulator.ACCEL_NOISE_G,
                            exercise + " " + placement + " seed " + seed + ": " + jolt + " g at " + (r.timestampsMs()[i] - T0) + " ms");
                }
            }
        }
    }

    /**
     * ... nor does a real athlete's rep-to-rep variability, with or without a top hold: the top
     * sags only while it is held (without a hold, the sag was a jump of up to 3 % of the range at
     * the turn, 1–2 g at 50 Hz, and the wrist detector found no rep in most such sets).
     */
    @ParameterizedTest
    @EnumSource(SpeedCurve.class)
    void humanVariabilityMovesWithoutJoltsWithAndWithoutATopHold(SpeedCurve curve) {
        for (String tempo : List.of("2-0-2-0", "2-1-2-0", "3-0-3-1")) {
            for (Exercise exercise : List.of(Exercise.DUMBBELL_ROW, Exercise.FACE_PULL, Exercise.SQUAT)) {
                Recording r = ExerciseSimulator.simulate(new SessionScript("a", "d", Placement.WRIST, 50, 10, 4_000,
                        List.of(SetScript.of(exercise, 8, tempo, 5_000).moving(curve, true))), T0, 3).toRecording();
                for (int i = 1; i + 1 < r.size(); i++) {
                    double jolt = norm(r, i) - (norm(r, i - 1) + norm(r, i + 1)) / 2;
                    assertTrue(Math.abs(jolt) < 15 * ExerciseSimulator.ACCEL_NOISE_G, exercise + " " + tempo + ": " + jolt
                            + " g at " + (r.timestampsMs()[i] - T0) + " ms");
                }
            }
        }
    }

    private static double norm(Recording r, int i) {
        return Math.sqrt(r.ax()[i] * r.ax()[i] + r.ay()[i] * r.ay()[i] + r.az()[i] * r.az()[i]);
    }

    @ParameterizedTest
    @EnumSource(value = Exercise.class, names = {"FACE_PULL", "PRONE_Y_RAISE", "DUMBBELL_ROW", "SQUAT"})
    void integratedGyroscopeMatchesTheModelledTurn(Exercise exercise) {
        SimulatedDevice device = ExerciseSimulator.simulate(oneSet(exercise, Placement.WRIST, "2-1-2-1"), T0, 2);
        Recording r = device.toRecording();
        for (RepTruth rep : device.reps()) {
            double turned = GyroIntegral.turnedDeg(r, T0 + 3_900, rep.concentricStartMs(), rep.concentricEndMs());
            assertEquals(rep.romDeg(), turned, 2 + 0.05 * rep.romDeg(), exercise + " rep " + rep.rep());
        }
    }

    @ParameterizedTest
    @EnumSource(Exercise.class)
    void everyExerciseDeclaresWhichPhaseComesFirst(Exercise exercise) {
        SimulatedDevice device = ExerciseSimulator.simulate(oneSet(exercise, Placement.WRIST, "2-1-3-0.5"), T0, 3);
        assertEquals(4, device.reps().size());
        for (RepTruth rep : device.reps()) {
            assertEquals(exercise.concentricFirst(), rep.concentricFirst());
            assertEquals(exercise.scriptName(), rep.exercise());
            long expectedConcentricStart = exercise.concentricFirst() ? rep.startMs()
                    : rep.startMs() + rep.eccentricMs() + rep.bottomPauseMs();
            assertEquals(expectedConcentricStart, rep.concentricStartMs());
            assertEquals(2_000, rep.concentricMs(), 300, "concentric of rep " + rep.rep());
            assertEquals(3_000, rep.eccentricMs(), 450, "eccentric of rep " + rep.rep());
        }
    }

    @Test
    void fatigueSlowsTheConcentricThroughTheSet() {
        SessionScript script = new SessionScript("a", "d", Placement.WRIST, 50, 10, 2_000, List.of(
                new SetScript(Exercise.DUMBBELL_ROW, 10, io.tempostream.ingest.TempoPrescription.parse("2-1-2-0"),
                        5_000, 0.4, 0, false, 0)));
        List<RepTruth> reps = ExerciseSimulator.simulate(script, T0, 4).reps();
        assertTrue(reps.get(9).concentricMs() > 1.25 * reps.get(0).concentricMs(),
                reps.get(0).concentricMs() + " ms → " + reps.get(9).concentricMs() + " ms");
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        SessionScript script = oneSet(Exercise.FACE_PULL, Placement.BACK, "1-1-1-0");
        assertArrayEquals(bytes(ExerciseSimulator.simulate(script, T0, 9)), bytes(ExerciseSimulator.simulate(script, T0, 9)));
    }

    static Stream<Path> sessionScripts() throws Exception {
        return Files.list(Path.of("sessions")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("sessionScripts")
    void everyExampleSessionRunsWithItsTruth(Path file) throws Exception {
        SessionScript script = SessionScript.read(file);
        SimulatedDevice device = ExerciseSimulator.simulate(script, T0, 5);
        assertEquals(script.sets().stream().mapToInt(SetScript::reps).sum(), device.reps().size(), file.toString());
        assertTrue(device.sampleCount() > 0);
        long workingSets = script.sets().stream().filter(s -> s.exercise() != Exercise.SCAPULAR_SQUEEZE).count();
        assertTrue(workingSets <= 6, file + " has " + workingSets + " working sets: two sessions a week would pass 12");
    }

    @Test
    void scriptErrorsNameTheSetAndField() throws Exception {
        ObjectMapper json = new ObjectMapper();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SessionScript.parse(json.readTree(
                "{\"sets\":[{\"exercise\":\"face-pull\",\"reps\":10},{\"exercise\":\"curl\",\"reps\":10}]}")));
        assertTrue(e.getMessage().startsWith("sets[1]: exercise must be one of"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SessionScript.parse(json.readTree(
                "{\"sets\":[{\"exercise\":\"face-pull\"}]}")));
        assertEquals("sets[0]: reps is missing", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SessionScript.parse(json.readTree(
                "{\"sets\":[{\"exercise\":\"face-pull\",\"reps\":5,\"tempo\":\"slow\"}]}")));
        assertTrue(e.getMessage().startsWith("sets[0]: tempo must be four seconds values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SessionScript.parse(json.readTree(
                "{\"sets\":[{\"exercise\":\"face-pull\",\"reps\":5,\"speedCurve\":\"bell\"}]}")));
        assertTrue(e.getMessage().startsWith("sets[0]: speedCurve must be one of [half-cosine,"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SessionScript.parse(json.readTree(
                "{\"sets\":[{\"exercise\":\"face-pull\",\"reps\":5,\"human\":\"yes\"}]}")));
        assertEquals("sets[0]: human must be true or false, got \"yes\"", e.getMessage());
        SessionScript curved = SessionScript.parse(json.readTree(
                "{\"sets\":[{\"exercise\":\"face-pull\",\"reps\":5,\"speedCurve\":\"minimum-jerk\",\"human\":true}]}"));
        assertEquals(SpeedCurve.MINIMUM_JERK, curved.sets().get(0).speedCurve());
        assertTrue(curved.sets().get(0).human());
    }

    private static byte[] bytes(SimulatedDevice device) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ImuBatch batch : device.batches()) {
            out.writeBytes(ImuBatchCodec.encode(batch, PayloadFormat.BINARY));
        }
        return out.toByteArray();
    }
}
