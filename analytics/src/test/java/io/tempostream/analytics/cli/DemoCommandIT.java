package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.TestServices;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path log = Files.createTempFile("tempostream-demo", ".log");
        Process demo = new ProcessBuilder(PROJECT.resolve("tempostream").toString(), "demo",
                "--speed", "20", "--sets", "1", "--reps", "4", "--influx-url", TestServices.INFLUX_URL,
                "--influx-db", database)
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = demo.waitFor(240, TimeUnit.SECONDS);
        if (!ended) {
            demo.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "demo did not stop by itself:\n" + output);
        assertEquals(0, demo.exitValue(), output);
        assertTrue(output.contains("(embedded)"), output);
        for (int rep = 1; rep <= 4; rep++) {
            assertTrue(output.contains("athlete-1/wrist-1  set 1 rep  " + rep + "  concentric 3."), "rep " + rep + ":\n" + output);
        }
        assertTrue(output.contains("Detected 4 of 4 simulated reps."), output);
        List<Map<String, Object>> rows = TestServices.query(database, "SELECT count(concentric_ms) FROM rep");
        assertEquals(4L, ((Number) rows.get(0).get("count")).longValue(), "reps the demo wrote to InfluxDB");
        new File(log.toString()).delete();
    }
}
