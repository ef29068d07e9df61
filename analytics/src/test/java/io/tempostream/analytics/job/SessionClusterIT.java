package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.TestServices;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.mqtt.ReaderReadiness;
import io.tempostream.ingest.testing.LocalPorts;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WorkoutOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar, unchanged, on a real Flink cluster: a standalone session cluster started by
 * deploy/flink-session/start.sh from the Flink jars in Maven Central (JobManager and TaskManager
 * in their own JVMs), the jar submitted by submit.sh, then the end-to-end scenario of issue #2
 * (three athletes, two sets of eight rows) through the real Mosquitto into the real InfluxDB.
 */
class SessionClusterIT {
    private static final Path SCRIPTS = Path.of("../deploy/flink-session");
    private static final Path JOB_JAR = Path.of("target/analytics-0.1.0-SNAPSHOT-job.jar");

    @TempDir
    Path dir;

    private final String database = TestServices.freshDatabase("cluster");

    @AfterEach
    void stopClusterAndDropDatabase() throws Exception {
        run(List.of("bash", SCRIPTS.resolve("stop.sh").toString(), dir.toString()));
        TestServices.dropDatabase(database);
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    @Test
    void theJobJarRunsOnASessionClusterAndWritesEveryRep() throws Exception {
        assertTrue(Files.exists(JOB_JAR), "the job jar is built at package time: " + JOB_JAR.toAbsolutePath());
        int restPort = LocalPorts.free();
        int rpcPort = LocalPorts.free();
        run(List.of("bash", SCRIPTS.resolve("start.sh").toString(), dir.toString(), Integer.toString(restPort),
                Integer.toString(rpcPort)));
        String rest = "http://localhost:" + restPort;

        String prefix = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL),
                ImuTopic.ALL_DEVICE_MESSAGES_FILTER, prefix);
        String jobId;
        try (ReaderReadiness readiness = new ReaderReadiness(mqtt)) {
            jobId = run(List.of("bash", SCRIPTS.resolve("submit.sh").toString(), rest, JOB_JAR.toString(),
                    "--mqtt-url", TestServices.MQTT_URL, "--influx-url", TestServices.INFLUX_URL, "--influx-db", database,
                    "--client-id-prefix", prefix, "--checkpoint-interval-ms", "2000")).strip();
            readiness.await(90_000);
        }
        assertTrue(jobId.matches("[0-9a-f]{32}"), "a job id: " + jobId);

        WorkoutOptions workout = new WorkoutOptions(3, 2, 8, TempoPrescription.parse("3-1-2-0.5"), 70, 20_000, 100, 10, 7);
        List<SimulatedDevice> devices = workout.simulate(System.currentTimeMillis());
        try (SessionPublisher publisher = new SessionPublisher(mqtt.endpoint(), prefix + "-sim", PayloadFormat.BINARY, 10)) {
            publisher.publish(devices, sent -> { });
        }
        TestServices.awaitRepCount(database, 48, 90_000);

        List<Map<String, Object>> rows = TestServices.query(database, "SELECT * FROM rep GROUP BY athlete");
        assertEquals(48, rows.size(), "reps in InfluxDB");
        Set<String> truth = new HashSet<>();
        devices.forEach(d -> d.reps().forEach((RepTruth t) -> truth.add(t.athleteId() + "/" + t.set() + "/" + t.rep())));
        List<String> written = new ArrayList<>();
        rows.forEach(r -> written.add(r.get("athlete") + "/" + ((Number) r.get("set")).intValue() + "/"
                + ((Number) r.get("rep")).intValue()));
        assertEquals(truth, new HashSet<>(written), "every simulated rep, once");

        HttpResponse<String> overview = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(rest + "/jobs/" + jobId)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(overview.body().contains("\"state\":\"RUNNING\""), "the job runs on the cluster: " + overview.body());
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rest + "/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
