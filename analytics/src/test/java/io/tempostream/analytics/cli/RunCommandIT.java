package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.testing.LocalPorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tempostream run} as a user starts it: what it says at start, and while the broker is away. */
class RunCommandIT {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path dir;

    @Test
    void withTheBrokerDownItSaysWhereItConnectsThenOneLinePerRestartWithoutATrace() throws Exception {
        String broker = "tcp://127.0.0.1:" + LocalPorts.free();
        Path log = dir.resolve("run.log");
        Process run = new ProcessBuilder(PROJECT.resolve("tempostream").toString(), "run", "--mqtt-url", broker,
                "--influx-db", "banner_it", "--checkpoint-dir", dir.resolve("checkpoints").toString())
                .directory(PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + 120_000;
        // Two failed connection attempts (the job restarts after 1 s, then 2 s).
        while (occurrences(read(log), "Unable to connect to server") < 2) {
            assertTrue(run.isAlive() && System.currentTimeMillis() < deadline, "the job goes on retrying:\n" + read(log));
            Thread.sleep(200);
        }
        run.destroy();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        String output = read(log);
        assertTrue(output.contains("broker       " + broker), output);
        assertTrue(output.contains("InfluxDB     http://127.0.0.1:8086, database banner_it"), output);
        assertTrue(output.contains("parallelism  1"), output);
        assertTrue(output.contains("checkpoints  every 10000 ms to file://" + dir.resolve("checkpoints")), output);
        assertFalse(ConsoleOutput.hasStackTrace(output), "no stack trace:\n" + output);
        for (String line : output.split("\n")) {
            if (line.contains("Unable to connect to server")) {
                assertTrue(line.contains("cannot subscribe to 'tempostream/+/+/+' at MQTT broker " + broker), line);
            }
        }
    }

    @Test
    void helpListsTheFlags() throws Exception {
        Process help = new ProcessBuilder(PROJECT.resolve("tempostream").toString(), "run", "--help")
                .directory(PROJECT.toFile()).redirectErrorStream(true).start();
        String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(help.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue(), output);
        for (String flag : List.of("--mqtt-url", "--influx-url", "--influx-db", "--parallelism", "--checkpoint-dir",
                "--restore-from", "--allow-non-restored-state", "--client-id-prefix", "--athletes")) {
            assertTrue(output.contains(flag), flag + " in:\n" + output);
        }
    }

    private static String read(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
