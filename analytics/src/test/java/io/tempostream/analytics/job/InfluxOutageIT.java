package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.mqtt.ReaderReadiness;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WorkoutOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: a real InfluxDB of the test's own is stopped for 30 s while a set is trained;
 * the sink keeps the reps, backs off, and writes every one of them, once, when InfluxDB is back.
 */
class InfluxOutageIT {
    private static final String DATABASE = "outage_it";

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    @TempDir
    Path dir;
    private Process influxd;
    private int httpPort;

    @AfterEach
    void stopInflux() throws Exception {
        stop();
    }

    @Test
    void thirtySecondsWithoutInfluxLoseAndDoubleNoRep() throws Exception {
        httpPort = freePort();
        int rpcPort = freePort();
        Files.writeString(dir.resolve("influxdb.conf"), """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                [monitor]
                  store-enabled = false
                """.formatted(rpcPort, dir, dir, dir, httpPort));
        start();
        String url = "http://127.0.0.1:" + httpPort;
        WorkoutOptions workout = new WorkoutOptions(1, 1, 8, TempoPrescription.parse("2-1-2-0"), 70, 10_000, 50, 10, 13);
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL), ImuTopic.ALL_DEVICES_FILTER,
                "outage-" + UUID.randomUUID().toString().substring(0, 8));
        JobOptions options = new JobOptions(mqtt, InfluxOptions.of(url, DATABASE), 1, 2_000, 500);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        TempoStreamJob.configure(env, options);
        TempoStreamJob.fromOptions(options).addTo(env);
        List<SimulatedDevice> devices;
        try (ReaderReadiness readiness = new ReaderReadiness(mqtt)) {
            JobClient job = env.executeAsync("influx outage IT");
            try {
                readiness.await(1, 60_000);
                stop(); // InfluxDB goes away before the set starts and stays away until it is over
                long downAt = System.currentTimeMillis();
                devices = workout.simulate(System.currentTimeMillis());
                try (SessionPublisher publisher = new SessionPublisher(mqtt.endpoint(), "outage-sim-" + UUID.randomUUID(),
                        PayloadFormat.BINARY, 5)) {
                    publisher.publish(devices, sent -> { });
                }
                Thread.sleep(Math.max(0, 30_000 - (System.currentTimeMillis() - downAt)));
                start();
                awaitRepCount(url, devices.get(0).reps().size(), 90_000);
                Thread.sleep(2_000); // a doubled rep would show up now
            } finally {
                job.cancel().get();
            }
        }
        assertEquals(devices.get(0).reps().size(), count(url), "reps in InfluxDB after a 30 s outage");
    }

    private void start() throws Exception {
        influxd = new ProcessBuilder("influxd", "-config", dir.resolve("influxdb.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("influxd.log").toFile()))
                .start();
        for (int i = 0; i < 200; i++) {
            try (Socket ignored = new Socket("127.0.0.1", httpPort)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("influxd did not listen on " + httpPort + ": " + Files.readString(dir.resolve("influxd.log")));
    }

    private void stop() throws InterruptedException {
        if (influxd != null && influxd.isAlive()) {
            influxd.destroy();
            influxd.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static long count(String url) {
        try (InfluxDB reader = InfluxDBFactory.connect(url)) {
            QueryResult result = reader.query(new Query("SELECT count(concentric_ms) FROM rep", DATABASE));
            QueryResult.Result first = result.getResults().get(0);
            if (first.getSeries() == null || first.getSeries().isEmpty()) {
                return 0;
            }
            return ((Number) first.getSeries().get(0).getValues().get(0).get(1)).longValue();
        }
    }

    private static void awaitRepCount(String url, int expected, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        long count = 0;
        while (System.currentTimeMillis() < deadline) {
            try {
                count = count(url);
            } catch (RuntimeException notReadyYet) {
                count = 0;
            }
            if (count >= expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("only " + count + " of " + expected + " reps reached InfluxDB within " + timeoutMs + " ms");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
