package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.analytics.training.AthleteProfiles;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.testing.LocalFlink;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.FaultPlan;
import io.tempostream.simulator.ProgramScript;
import io.tempostream.simulator.ProgramTruth;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The six-week program of simulator/programs/ from an upper-back sensor through the real
 * Mosquitto, the job and the real InfluxDB: the weekly adherence figures written equal the
 * program's truth, and replaying a week faster and out of order writes the same figures.
 */
class TrainingProgramIT {
    private static final Path PROGRAM = Path.of("../simulator/programs/six-weeks.json");
    /** A batch is 0.5 s of samples; a swapped pair arrives 0.5 s late, within this tolerance. */
    private static final long MAX_OUT_OF_ORDER_MS = 2_000;

    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(2);

    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        databases.forEach(TestServices::dropDatabase);
    }

    @Test
    void sixWeeksOfSessionsGiveTheProgramsWeeklyFiguresInInflux() throws Exception {
        String athlete = "program-" + UUID.randomUUID().toString().substring(0, 8);
        ProgramScript program = ProgramScript.read(PROGRAM).forAthlete(athlete);
        SimulatedDevice device = program.simulate(42);
        String database = run(program, device, athlete, FaultPlan.NONE, 0, 15, 6);

        List<ProgramTruth.Week> truth = ProgramTruth.weeks(program, device);
        List<Map<String, Object>> weeks = TestServices.query(database, "SELECT * FROM week WHERE athlete = '" + athlete + "'");
        weeks.sort(Comparator.comparing(w -> (String) w.get("iso_week")));
        assertEquals(6, weeks.size(), "six weeks (the closing session is still open): " + weeks);
        for (int i = 0; i < truth.size(); i++) {
            ProgramTruth.Week t = truth.get(i);
            Map<String, Object> w = weeks.get(i);
            String what = t.isoWeek() + " ";
            assertEquals(t.isoWeek(), w.get("iso_week"));
            assertEquals(t.sessions(), ((Number) w.get("sessions")).intValue(), what + "sessions");
            assertEquals(t.workingSets(), ((Number) w.get("working_sets")).intValue(), what + "working sets");
            assertEquals(t.setCeilingExceeded(), w.get("set_ceiling_exceeded"), what + "over 12 sets");
            assertEquals(t.recoveryWarnings(), ((Number) w.get("recovery_warnings")).intValue(), what + "recovery warnings");
            assertEquals(t.minHoursBetween(), ((Number) w.get("min_hours_between")).doubleValue(), 0.05, what + "hours");
            assertEquals(i + 1, ((Number) w.get("plan_week")).intValue(), what + "plan week");
            assertEquals(List.of("activation", "activation", "tempo-rows", "tempo-rows", "heavy-rows", "heavy-rows").get(i),
                    w.get("plan_phase"), what + "phase");
        }
        // The program's own deviations are the ones warned about.
        assertEquals(List.of(false, true, false, false, false, false),
                truth.stream().map(ProgramTruth.Week::setCeilingExceeded).toList());
        assertEquals(List.of(0, 0, 0, 1, 0, 0), truth.stream().map(ProgramTruth.Week::recoveryWarnings).toList());

        List<ProgramTruth.Session> sessionTruth = ProgramTruth.sessions(program, device);
        List<Map<String, Object>> sessions = TestServices.query(database,
                "SELECT * FROM session WHERE athlete = '" + athlete + "'");
        assertEquals(15, sessions.size(), "the program's sessions (the closing one is still open)");
        for (int i = 0; i < sessions.size(); i++) {
            Map<String, Object> s = sessions.get(i);
            assertEquals(sessionTruth.get(i).workingSets(), ((Number) s.get("working_sets")).intValue(), "session " + i);
            assertEquals(Boolean.TRUE, s.get("activation_first"), "squeezes first in session " + i);
            if (i > 0) {
                double hours = (sessionTruth.get(i).startMs() - sessionTruth.get(i - 1).endMs()) / 3_600_000.0;
                assertEquals(hours, ((Number) s.get("hours_since_previous")).doubleValue(), 0.05, "rest before " + i);
            }
        }
        assertEquals("scapular-squeeze,face-pull,prone-y-raise", sessions.get(0).get("exercises"));
        assertEquals(Boolean.TRUE, sessions.get(0).get("isolation"));
        assertEquals("scapular-squeeze,dumbbell-row,seated-cable-row", sessions.get(5).get("exercises"));
        assertEquals(Boolean.FALSE, sessions.get(5).get("isolation"), "week 3 is rows only");
    }

    /**
     * Event time decides, not arrival: week 2 (three sessions) replayed at once and in order, and
     * again at 100× real time with a fifth of the batches swapped with the next one and a tenth
     * sent twice, writes the same sets, sessions and week.
     */
    @Test
    void aWeekReplayedFasterAndOutOfOrderWritesTheSameFigures() throws Exception {
        String athlete = "week-" + UUID.randomUUID().toString().substring(0, 8);
        ProgramScript week2 = ProgramScript.read(PROGRAM).forAthlete(athlete).sessions(2, 5);
        SimulatedDevice device = week2.simulate(7);
        String inOrder = run(week2, device, athlete, FaultPlan.NONE, 0, 3, 1);
        String shuffled = run(week2, device, athlete, new FaultPlan(0, 0.1, 0.2, 0, -1, 0), 100, 3, 1);
        for (String measurement : List.of("rep", "set", "session", "week")) {
            String q = "SELECT * FROM \"" + measurement + "\" WHERE athlete = '" + athlete + "'";
            List<Map<String, Object>> a = TestServices.query(inOrder, q);
            List<Map<String, Object>> b = TestServices.query(shuffled, q);
            assertTrue(!a.isEmpty(), measurement + " written");
            assertEquals(new HashSet<>(a), new HashSet<>(b), measurement + " differs between the replays");
        }
        assertEquals(1, TestServices.query(inOrder, "SELECT * FROM week WHERE athlete = '" + athlete + "'").size());
    }

    /**
     * Runs the job on its own database, publishes the program (then a short session three days
     * later, whose arrival ends the program's last session in event time) and waits until the
     * expected sessions and weeks are written and nothing changes for a few seconds.
     */
    private String run(ProgramScript program, SimulatedDevice device, String athlete, FaultPlan faults, double speed,
            int sessions, int weeks) throws Exception {
        String database = TestServices.freshDatabase("program");
        databases.add(database);
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL),
                ImuTopic.ALL_DEVICE_MESSAGES_FILTER, "program-" + UUID.randomUUID().toString().substring(0, 8));
        JobOptions options = new JobOptions(mqtt, InfluxOptions.of(TestServices.INFLUX_URL, database), 1, 2_000,
                MAX_OUT_OF_ORDER_MS).withAthletes(AthleteProfiles.parse("{\"athletes\":[{\"id\":\"" + athlete
                        + "\",\"planStart\":\"" + program.planStart() + "\"}]}"));
        long lastMs = device.batches().get(device.batches().size() - 1).lastTimestampMs();
        SimulatedDevice closing = ExerciseSimulator.simulate(new SessionScript(athlete, program.deviceId(),
                program.placement(), program.sampleRateHz(), program.batchSize(), 5_000,
                List.of(SetScript.of(Exercise.SCAPULAR_SQUEEZE, 2, "1-6-1-2", 5_000))), lastMs + 3 * 86_400_000L, 99);
        List<ImuBatch> batches = new ArrayList<>(faults.apply(device.batches(), 11));
        batches.addAll(closing.batches());
        List<io.tempostream.ingest.ExerciseSelection> selections = new ArrayList<>(device.selections());
        selections.addAll(closing.selections());
        try (RunningJob job = RunningJob.start(options, "training program IT")) {
            try (SessionPublisher publisher = new SessionPublisher(mqtt.endpoint(), "program-sim-" + UUID.randomUUID(),
                    PayloadFormat.BINARY, speed)) {
                publisher.publishInOrder(batches, selections, sent -> { });
            }
            awaitStable(database, athlete, sessions, weeks);
        }
        return database;
    }

    private static void awaitStable(String database, String athlete, int sessions, int weeks) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        Set<Map<String, Object>> last = Set.of();
        long stableSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            List<Map<String, Object>> s = TestServices.query(database, "SELECT * FROM session WHERE athlete = '" + athlete + "'");
            List<Map<String, Object>> w = TestServices.query(database, "SELECT * FROM week WHERE athlete = '" + athlete + "'");
            Set<Map<String, Object>> now = new HashSet<>(s);
            now.addAll(w);
            if (!now.equals(last)) {
                last = now;
                stableSince = System.currentTimeMillis();
            } else if (s.size() >= sessions && w.size() >= weeks && System.currentTimeMillis() - stableSince > 3_000) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("sessions and weeks not all written within 180 s: " + last);
    }
}
