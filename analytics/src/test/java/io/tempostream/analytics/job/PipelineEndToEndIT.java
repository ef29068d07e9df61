package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.testing.LocalFlink;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WorkoutOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole path with real parts: simulator → real Mosquitto → the job on a MiniCluster → real
 * InfluxDB, checked by querying InfluxDB.
 */
class PipelineEndToEndIT {
    private static final long PHASE_TOLERANCE_MS = 300;

    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(2);

    private final String database = TestServices.freshDatabase("e2e");

    @AfterEach
    void dropDatabase() {
        TestServices.dropDatabase(database);
    }

    @Test
    void threeAthletesTwoSetsOfEightRowsReachInfluxWithTheirTempo() throws Exception {
        WorkoutOptions workout = new WorkoutOptions(3, 2, 8, TempoPrescription.parse("3-1-2-0.5"), 70, 20_000, 100, 10, 7);
        JobOptions options = jobOptions(ImuTopic.ALL_DEVICES_FILTER);

        List<SimulatedDevice> devices;
        try (RunningJob job = RunningJob.start(options, "end-to-end IT")) {
            devices = workout.simulate(System.currentTimeMillis());
            try (SessionPublisher publisher = new SessionPublisher(options.mqtt().endpoint(), "e2e-sim-" + UUID.randomUUID(),
                    PayloadFormat.BINARY, 10)) {
                publisher.publish(devices, sent -> { });
            }
            TestServices.awaitRepCount(database, 48, 60_000);
        }

        List<Map<String, Object>> rows = TestServices.query(database, "SELECT * FROM rep GROUP BY athlete, device");
        assertEquals(48, rows.size(), "reps in InfluxDB");
        Map<String, RepTruth> truthByKey = new HashMap<>();
        devices.forEach(d -> d.reps().forEach(t -> truthByKey.put(t.athleteId() + "/" + t.set() + "/" + t.rep(), t)));
        for (Map<String, Object> row : rows) {
            String key = row.get("athlete") + "/" + ((Number) row.get("set")).intValue() + "/" + ((Number) row.get("rep")).intValue();
            RepTruth truth = truthByKey.remove(key);
            assertTrue(truth != null, "unexpected or doubled rep " + key);
            assertEquals("wrist-1", row.get("device"));
            assertClose(truth.concentricMs(), row.get("concentric_ms"), key + " concentric");
            assertClose(truth.peakHoldMs(), row.get("peak_hold_ms"), key + " peak hold");
            assertClose(truth.eccentricMs(), row.get("eccentric_ms"), key + " eccentric");
            assertClose(truth.bottomPauseMs(), row.get("bottom_pause_ms"), key + " bottom pause");
            assertClose(truth.startMs(), row.get("time"), key + " start");
        }
        assertTrue(truthByKey.isEmpty(), "reps missing from InfluxDB: " + truthByKey.keySet());
    }

    /**
     * An upper-back sensor through the whole job: a set of rows, then scapular squeezes held 8 s.
     * The rows are reps; each squeeze is one hold with its duration, in the hold measurement.
     */
    @Test
    void squeezesFromAnUpperBackSensorReachInfluxAsHolds() throws Exception {
        JobOptions options = jobOptions(ImuTopic.ALL_DEVICES_FILTER);
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("athlete-b", "back-1", Placement.BACK, 50, 10,
                5_000, List.of(SetScript.of(Exercise.DUMBBELL_ROW, 6, "2-1-2-0", 30_000),
                        SetScript.of(Exercise.SCAPULAR_SQUEEZE, 4, "1-8-1-2", 10_000))), System.currentTimeMillis(), 3);

        try (RunningJob job = RunningJob.start(options, "end-to-end IT, holds")) {
            try (SessionPublisher publisher = new SessionPublisher(options.mqtt().endpoint(), "e2e-sim-" + UUID.randomUUID(),
                    PayloadFormat.BINARY, 20)) {
                publisher.publish(List.of(device), sent -> { });
            }
            TestServices.awaitRepCount(database, 6, 60_000);
            long deadline = System.currentTimeMillis() + 30_000;
            while (TestServices.query(database, "SELECT duration_ms FROM hold").size() < 4
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
            }
        }

        assertEquals(6, TestServices.query(database, "SELECT * FROM rep").size(), "the rows are the reps");
        List<Map<String, Object>> holds = TestServices.query(database, "SELECT * FROM hold");
        assertEquals(4, holds.size(), "one hold per squeeze: " + holds);
        List<RepTruth> squeezes = device.reps().stream().filter(r -> r.set() == 2).toList();
        for (int i = 0; i < holds.size(); i++) {
            assertEquals(i + 1, ((Number) holds.get(i).get("hold")).intValue());
            assertEquals(2, ((Number) holds.get(i).get("set")).intValue());
            assertClose(squeezes.get(i).peakHoldMs(), holds.get(i).get("duration_ms"), "hold " + (i + 1));
        }
    }

    /**
     * Issue 18, item 5, through the whole job: the app selects "squat" on the exercise topic 4 s
     * before the set, and the upper-back sensor's reps are timed eccentric first (1 s up, 3 s down),
     * as {@code analyze --exercise squat} times them. Without the selection the back sensor reads
     * the descent as the concentric (RepsFromBatchesTest).
     */
    @Test
    void theExerciseSelectedOnTheTopicSteersTheDetector() throws Exception {
        JobOptions options = jobOptions(ImuTopic.ALL_DEVICE_MESSAGES_FILTER);
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("athlete-s", "back-1", Placement.BACK, 50, 10,
                5_000, List.of(SetScript.of(Exercise.SQUAT, 6, "1-0-3-0", 10_000))), System.currentTimeMillis(), 2);
        assertEquals(List.of("squat"), device.selections().stream().map(s -> s.exercise()).toList());

        try (RunningJob job = RunningJob.start(options, "end-to-end IT, selection")) {
            try (SessionPublisher publisher = new SessionPublisher(options.mqtt().endpoint(), "e2e-sim-" + UUID.randomUUID(),
                    PayloadFormat.BINARY, 20)) {
                publisher.publish(List.of(device), sent -> { });
            }
            TestServices.awaitRepCount(database, 6, 60_000);
        }

        List<Map<String, Object>> rows = TestServices.query(database, "SELECT * FROM rep");
        assertEquals(6, rows.size(), "reps: " + rows);
        for (int i = 0; i < rows.size(); i++) {
            RepTruth truth = device.reps().get(i);
            assertEquals("squat", rows.get(i).get("exercise"), "rep " + (i + 1) + "'s exercise");
            assertClose(truth.concentricMs(), rows.get(i).get("concentric_ms"), "rep " + (i + 1) + " concentric");
            assertClose(truth.eccentricMs(), rows.get(i).get("eccentric_ms"), "rep " + (i + 1) + " eccentric");
        }
    }

    /** The job on the test broker with a client id of its own, writing to this test's database. */
    private JobOptions jobOptions(String topicFilter) {
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL), topicFilter,
                "e2e-" + UUID.randomUUID().toString().substring(0, 8));
        return new JobOptions(mqtt, InfluxOptions.of(TestServices.INFLUX_URL, database), 1, 2_000, 500);
    }

    private static void assertClose(long expectedMs, Object actual, String what) {
        double actualMs = ((Number) actual).doubleValue();
        assertTrue(Math.abs(actualMs - expectedMs) <= PHASE_TOLERANCE_MS,
                what + ": expected " + expectedMs + " ms ± " + PHASE_TOLERANCE_MS + ", got " + actualMs);
    }
}
