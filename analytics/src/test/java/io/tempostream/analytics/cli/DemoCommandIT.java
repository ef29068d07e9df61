package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.TestServices;
import io.tempostream.ingest.testing.LocalPorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the README's demo command as a user would, and checks it detects reps and ends by itself. */
class DemoCommandIT {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir")).getParent();
    private final String database = TestServices.freshDatabase("demo");

    @AfterEach
    void dropDatabase() {
        TestServices.dropDatabase(database);
    }

    @Test
    void demoPrintsEveryRepWritesThemToInfluxAndStopsByItself() throws Exception {
        String output = demo(TestServices.INFLUX_URL);
        assertFalse(output.contains("not reachable"), output);
        List<Map<String, Object>> rows = TestServices.query(database, "SELECT count(concentric_ms) FROM rep");
        assertEquals(4L, ((Number) rows.get(0).get("count")).longValue(), "reps the demo wrote to InfluxDB");
    }

    /** A fresh machine has no InfluxDB: the athlete still sees every rep, and the demo succeeds. */
    @Test
    void demoWithoutInfluxPrintsEveryRepSaysSoOnceAndSucceeds() throws Exception {
        String closed = "http://127.0.0.1:" + LocalPorts.free();
        String output = demo(closed);
        assertEquals(1, occurrences(output, "InfluxDB not reachable at " + closed + ", showing reps here only"), output);
    }

    /** Runs the demo (1 set of 4 reps) and checks what every run must show: each rep, exit 0, no trace. */
    private String demo(String influxUrl) throws Exception {
        Path log = Files.createTempFile("tempostream-demo", ".log");
        List<String> command = new ArrayList<>(List.of(PROJECT.resolve("tempostream").toString(), "demo",
                "--speed", "20", "--sets", "1", "--reps", "4", "--influx-url", influxUrl, "--influx-db", database));
        Process demo = new ProcessBuilder(command)
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = demo.waitFor(240, TimeUnit.SECONDS);
        if (!ended) {
            demo.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(ended, "demo did not stop by itself:\n" + output);
        assertEquals(0, demo.exitValue(), output);
        assertTrue(output.contains("(embedded)"), output);
        for (int rep = 1; rep <= 4; rep++) {
            assertTrue(output.contains("athlete-1/wrist-1  set 1 rep  " + rep + "  concentric 3."), "rep " + rep + ":\n" + output);
        }
        assertTrue(output.contains("Detected 4 of 4 simulated reps."), output);
        assertFalse(ConsoleOutput.hasStackTrace(output), "no stack trace:\n" + output);
        assertFalse(output.contains("exceeded the 80 characters"), "operator names fit Flink's metric names:\n" + output);
        return output;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
