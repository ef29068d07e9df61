package io.tempostream.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.influx.InfluxConnection;
import io.tempostream.analytics.job.JobOptions;
import io.tempostream.analytics.job.RunningJob;
import io.tempostream.analytics.job.TrainingPoints;
import io.tempostream.analytics.training.AthleteProfiles;
import io.tempostream.analytics.training.AthleteTraining;
import io.tempostream.analytics.training.TrainingRecord;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.testing.LocalFlink;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.ProgramScript;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.influxdb.InfluxDB;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every dashboard query against the real InfluxDB after the real pipeline (Mosquitto, the job on
 * a MiniCluster) has processed a simulated week of training: week 2 of the six-week program from
 * an upper-back sensor, three sessions, plus a few malformed messages for the health dashboard.
 * Each query must run without error and return rows with the columns its panel names. InfluxDB is
 * set up as deploy/debian/install-services.sh sets it up (logins on): the job writes with its
 * login, the queries run with Grafana's read-only one (issue 23).
 */
class DashboardQueriesIT {
    private static final Path PROGRAM = Path.of("../simulator/programs/six-weeks.json");

    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(2);

    /** InfluxDB as the Debian installer sets it up: the job writes with its login, the queries run with Grafana's. */
    private static Path influxDir;
    private static InstalledInflux influx;
    private static final String ATHLETE = "dash-" + UUID.randomUUID().toString().substring(0, 8);
    private static ProgramScript week;
    private static SimulatedDevice device;
    private static String firstSession;
    /** The start of a rep offered and taken back (see {@link #writeARepTakenBack}). */
    private static long takenBackMs;

    @BeforeAll
    static void runAWeekThroughThePipeline() throws Exception {
        influxDir = Files.createTempDirectory("dashboards-influx");
        influx = new InstalledInflux(influxDir);
        week = ProgramScript.read(PROGRAM).forAthlete(ATHLETE).sessions(2, 5);
        device = week.simulate(3);
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL),
                ImuTopic.ALL_DEVICE_MESSAGES_FILTER, "dash-" + UUID.randomUUID().toString().substring(0, 8));
        JobOptions options = new JobOptions(mqtt, influx.job(), 1, 2_000, 2_000)
                .withAthletes(AthleteProfiles.parse("{\"athletes\":[{\"id\":\"" + ATHLETE + "\",\"planStart\":\""
                        + week.planStart() + "\"}]}"));
        long lastMs = device.batches().get(device.batches().size() - 1).lastTimestampMs();
        SimulatedDevice closing = ExerciseSimulator.simulate(new SessionScript(ATHLETE, week.deviceId(), week.placement(),
                week.sampleRateHz(), week.batchSize(), 5_000, List.of(SetScript.of(Exercise.SCAPULAR_SQUEEZE, 2, "1-6-1-2",
                        5_000))), lastMs + 3 * 86_400_000L, 5);
        try (RunningJob job = RunningJob.start(options, "dashboards IT")) {
            try (SessionPublisher publisher = new SessionPublisher(mqtt.endpoint(), "dash-sim-" + UUID.randomUUID(),
                    PayloadFormat.BINARY, 0)) {
                publisher.publishInOrder(device.batches(), device.selections(), sent -> { });
                publishBadMessages();
                // The reader reports its intake every 10 s of wall clock: these refusals get a row of their own.
                Thread.sleep(11_000);
                List<ImuBatch> rest = new ArrayList<>(closing.batches());
                publisher.publishInOrder(rest, closing.selections(), sent -> { });
            }
            awaitWritten();
        }
        writeARepTakenBack();
        firstSession = (String) query(
                "SHOW TAG VALUES FROM \"session\" WITH KEY = \"session\" WHERE \"athlete\" = '" + ATHLETE + "'").get(0).get("value");
    }

    /**
     * A rep the engine offered and took back, as the job leaves it: a provisional point (flagged:
     * its eccentric rushed) that no final rep overwrote. The engine does so rarely (none in this
     * week; docs/metrics-schema.md, {@code provisional}), so it is analysed and written here the
     * way the job does, with the job's login, in the week's first session before its first rep.
     */
    private static void writeARepTakenBack() throws Exception {
        takenBackMs = device.reps().get(0).startMs() - 4_000;
        Rep offered = new Rep(ATHLETE, week.deviceId(), 1, 1, takenBackMs, takenBackMs + 5_000, 3_000, 1_000, 1_000, 0,
                6, 0, 5, 3.1, 3.2, "", true);
        List<TrainingRecord> analysed = new ArrayList<>();
        new AthleteTraining().accept(offered, AthleteProfiles.none().forAthlete(ATHLETE), analysed::add);
        try (InfluxDB client = InfluxConnection.open(influx.job())) {
            client.write(InstalledInflux.DATABASE, "", new TrainingPoints().toPoint(analysed.get(0)));
        }
        List<Map<String, Object>> written = query("SELECT \"flags\", \"provisional\" FROM \"rep\" WHERE \"athlete\" = '"
                + ATHLETE + "' AND time = " + takenBackMs + "ms");
        assertEquals(1, written.size(), "the rep taken back is written");
        assertEquals(Boolean.TRUE, written.get(0).get("provisional"));
        assertTrue(((Number) written.get(0).get("flags")).intValue() > 0, "and flagged: " + written);
    }

    /** Three payloads the decoder refuses: malformed JSON twice, a sample out of range once. */
    private static void publishBadMessages() throws Exception {
        MqttClient client = new MqttClient(TestServices.MQTT_URL, "dash-bad-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            client.connect();
            String topic = new ImuTopic(ATHLETE, "wrist-9").name();
            for (String payload : List.of("{\"v\":1,", "{not json",
                    "{\"v\":1,\"seq\":1,\"placement\":\"wrist\",\"samples\":[{\"t\":1764000000000,\"ax\":99,\"ay\":0,\"az\":1,\"gx\":0,\"gy\":0,\"gz\":0}]}")) {
                MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                client.publish(topic, message);
            }
            client.disconnect();
        } finally {
            client.close();
        }
    }

    private static void awaitWritten() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (count("SELECT count(\"working_sets\") FROM \"week\" WHERE \"athlete\" = '" + ATHLETE + "'") >= 1
                    && count("SELECT count(\"working_sets\") FROM \"session\" WHERE \"athlete\" = '" + ATHLETE + "'") >= 3
                    && count("SELECT count(\"samples\") FROM \"health\" WHERE \"stage\" = 'ingest'") >= 1
                    && count("SELECT count(\"points_written\") FROM \"health\" WHERE \"stage\" = 'sink'") >= 1) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the week's sessions, its week and health reports were not all written within 180 s");
    }

    private static long count(String influxQl) {
        try {
            List<Map<String, Object>> rows = query(influxQl);
            return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
        } catch (RuntimeException notYet) {
            return 0;
        }
    }

    /** A query as Grafana's datasource sends it: with the read-only login. */
    private static List<Map<String, Object>> query(String influxQl) {
        return TestServices.query(influx.grafana(), influxQl);
    }

    @AfterAll
    static void stopInflux() throws Exception {
        if (influx != null) {
            influx.close();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(influxDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /**
     * The query as Grafana would send it: variables replaced by their values (regex-escaped inside
     * {@code /^...$/}), the time filter over the simulated week (or the last hour for the
     * pipeline's own health, which is written at wall-clock time).
     */
    private static String asGrafanaSends(Dashboards.Query q) {
        long from = device.batches().get(0).firstTimestampMs() - 86_400_000L;
        long to = System.currentTimeMillis() + 3_600_000L;
        String timeFilter = q.dashboard().equals("Pipeline health") ? "time > now() - 1h"
                : "time >= " + from + "ms AND time <= " + to + "ms";
        return q.influxQl()
                .replace("$timeFilter", timeFilter)
                .replace("$__interval", "10s")
                .replace("$athlete", ATHLETE)
                .replace("$device", week.deviceId())
                .replace("$session", firstSession == null ? "" : firstSession.replace(":", "\\:"));
    }

    @Test
    void everyPanelQueryReturnsRowsWithTheColumnsItsPanelShows() throws Exception {
        int panels = 0;
        for (Path file : Dashboards.files()) {
            for (Dashboards.Query q : Dashboards.queries(file)) {
                if (q.variable() || q.annotation()) {
                    continue;
                }
                String sent = asGrafanaSends(q);
                List<Map<String, Object>> rows = query(sent);
                assertFalse(rows.isEmpty(), q.dashboard() + " / " + q.title() + " returned nothing: " + sent);
                for (String column : Dashboards.expectedColumns(q.influxQl())) {
                    assertTrue(rows.get(0).containsKey(column), q.dashboard() + " / " + q.title() + " has no column "
                            + column + ": " + rows.get(0).keySet());
                }
                panels++;
            }
        }
        assertEquals(30, panels, "panels checked");
    }

    /**
     * The session review's form-flag annotations mark exactly the week's flagged reps, each with
     * the columns the annotation reads (its text, the set and the rep).
     */
    @Test
    void theFlagAnnotationsMarkEveryFlaggedRep() throws Exception {
        int annotations = 0;
        long flagged = count("SELECT count(\"flags\") FROM \"rep\" WHERE \"athlete\" = '" + ATHLETE
                + "' AND \"flags\" > 0 AND \"provisional\" = false");
        for (Path file : Dashboards.files()) {
            for (Dashboards.Query q : Dashboards.queries(file)) {
                if (!q.annotation()) {
                    continue;
                }
                List<Map<String, Object>> rows = query(asGrafanaSends(q));
                assertEquals(flagged, rows.size(), q.dashboard() + " / " + q.title() + ": one mark per flagged rep");
                for (Map<String, Object> row : rows) {
                    assertTrue(row.keySet().containsAll(Dashboards.expectedColumns(q.influxQl())), q.title() + ": " + row.keySet());
                }
                annotations++;
            }
        }
        assertEquals(1, annotations, "annotation queries checked");
        assertTrue(flagged > 0, "the week holds flagged reps for the annotations to mark");
    }

    /**
     * The coach reviews what the athlete did: every rep the review shows is a final one, and a rep
     * the engine offered live and took back is not among them (the live view shows offers as they come).
     */
    @Test
    void theSessionReviewShowsFinalRepsOnly() throws Exception {
        long finalReps = count("SELECT count(\"rep\") FROM \"rep\" WHERE \"athlete\" = '" + ATHLETE
                + "' AND \"provisional\" = false");
        int checked = 0;
        for (Dashboards.Query q : Dashboards.queries(Dashboards.files().stream()
                .filter(f -> f.getFileName().toString().equals("session-review.json")).findFirst().orElseThrow())) {
            if (q.variable() || !q.influxQl().contains("FROM \"rep\"")) {
                continue;
            }
            List<Map<String, Object>> rows = query(asGrafanaSends(q));
            for (Map<String, Object> row : rows) {
                assertTrue(((Number) row.get("time")).longValue() != takenBackMs, q.title() + " shows the rep taken back");
            }
            if (!q.annotation()) {
                assertEquals(finalReps, rows.size(), q.title() + ": one row per final rep");
            }
            checked++;
        }
        assertEquals(3, checked, "the review's rep panels and its flag annotations");
    }

    @Test
    void everyTemplateVariableResolvesToTheWeeksAthleteAndSessions() throws Exception {
        for (Path file : Dashboards.files()) {
            for (Dashboards.Query q : Dashboards.queries(file)) {
                if (!q.variable()) {
                    continue;
                }
                List<Object> values = query(asGrafanaSends(q)).stream().map(r -> r.get("value")).toList();
                assertFalse(values.isEmpty(), q.dashboard() + " / " + q.title());
                if (q.title().equals("variable athlete")) {
                    assertTrue(values.contains(ATHLETE), q.dashboard() + ": " + values);
                } else if (q.title().equals("variable session")) {
                    assertEquals(3, values.size(), "the week's three sessions: " + values);
                } else if (q.title().equals("variable device")) {
                    assertEquals(List.of(week.deviceId()), values);
                }
            }
        }
    }

    /** What the panels show is what happened: the week's figures and the refused messages. */
    @Test
    void thePanelsShowTheWeekAndTheRefusals() throws Exception {
        List<Map<String, Object>> weeks = query(
                "SELECT \"sessions\", \"working_sets\", \"set_ceiling_exceeded\" FROM \"week\" WHERE \"athlete\" = '" + ATHLETE + "'");
        assertEquals(1, weeks.size());
        assertEquals(3, ((Number) weeks.get(0).get("sessions")).intValue());
        assertEquals(18, ((Number) weeks.get(0).get("working_sets")).intValue(), "week 2: three sessions of six working sets");
        assertEquals(Boolean.TRUE, weeks.get(0).get("set_ceiling_exceeded"));
        List<Map<String, Object>> refused = query(
                "SELECT sum(\"rejected_malformed_json\") AS \"json\", sum(\"rejected_out_of_range\") AS \"range\" FROM \"health\" "
                        + "WHERE \"stage\" = 'ingest' AND time > now() - 1h");
        assertEquals(2, ((Number) refused.get(0).get("json")).intValue(), "malformed JSON refused");
        assertEquals(1, ((Number) refused.get(0).get("range")).intValue(), "a sample out of range refused");
    }
}
