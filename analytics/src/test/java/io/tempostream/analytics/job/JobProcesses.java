package io.tempostream.analytics.job;

import io.tempostream.analytics.TestServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Jobs started as a user or a cluster starts them, each in a JVM of its own against the real
 * Mosquitto and a fresh database in the real InfluxDB; closing kills them and drops the database.
 */
final class JobProcesses implements AutoCloseable {
    private final String database;
    private final List<Process> started = new ArrayList<>();

    JobProcesses(String purpose) {
        this.database = TestServices.freshDatabase(purpose);
    }

    String database() {
        return database;
    }

    /**
     * Runs {@code main} (a class name and its first arguments) with the services' flags and
     * {@code flags}, its output and errors to {@code log}.
     */
    Process start(List<String> jvmOptions, List<String> main, List<String> flags, Path log) throws IOException {
        return start(jvmOptions, main, TestServices.INFLUX_URL, flags, log);
    }

    /** The same, writing to the InfluxDB at {@code influxUrl} (one the test started, or will). */
    Process start(List<String> jvmOptions, List<String> main, String influxUrl, List<String> flags, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(main);
        command.addAll(List.of("--mqtt-url", TestServices.MQTT_URL, "--influx-url", influxUrl,
                "--influx-db", database));
        command.addAll(flags);
        Process job = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(job);
        return job;
    }

    /**
     * The job as a user runs it to survive a kill: a stable client id, a checkpoint every second
     * to {@code checkpoints}, started afresh or from {@code restoreFrom} (null for afresh).
     */
    Process startCheckpointed(String clientIdPrefix, Path checkpoints, Path restoreFrom, String influxUrl, Path log)
            throws IOException {
        List<String> flags = new ArrayList<>(List.of("--client-id-prefix", clientIdPrefix, "--checkpoint-interval-ms", "1000",
                "--checkpoint-dir", checkpoints.toUri().toString()));
        if (restoreFrom != null) {
            flags.addAll(List.of("--restore-from", restoreFrom.toUri().toString()));
        }
        return start(List.of(), List.of(TempoStreamJob.class.getName()), influxUrl, flags, log);
    }

    /** The last 60 lines of a job's log, for a failure message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The newest {@code chk-N} directory whose checkpoint completed (it has its metadata file).
     * Flink deletes the checkpoints a newer one replaces while this looks, so a directory that
     * vanishes is passed over, where walking the tree failed the test now and then.
     */
    static Optional<Path> latestCheckpoint(Path checkpoints) {
        List<Path> completed = new ArrayList<>();
        for (Path job : listed(checkpoints)) {
            for (Path chk : listed(job)) {
                if (chk.getFileName().toString().startsWith("chk-") && Files.isRegularFile(chk.resolve("_metadata"))) {
                    completed.add(chk);
                }
            }
        }
        return completed.stream().max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))));
    }

    private static List<Path> listed(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException | UncheckedIOException e) { // gone, or not a directory
            return List.of();
        }
    }

    @Override
    public void close() throws Exception {
        for (Process job : started) {
            job.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        TestServices.dropDatabase(database);
    }
}
