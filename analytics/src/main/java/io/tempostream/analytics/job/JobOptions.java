package io.tempostream.analytics.job;

import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.analytics.training.AthleteProfiles;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.config.Flags;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import java.util.Set;
import java.util.UUID;

/**
 * The job's settings, from flags; credentials come from the environment (MQTT_USERNAME,
 * MQTT_PASSWORD, INFLUX_USERNAME, INFLUX_PASSWORD).
 *
 * @param maxOutOfOrderMs    how late a batch may arrive and still be put back in order
 * @param checkpointIntervalMs 0 turns checkpointing off
 * @param checkpointDir      where checkpoints are written (a path or URI), kept when the job is
 *                           cancelled; null keeps them in the JobManager's memory, which survives a
 *                           task failure but not the process
 * @param restoreFrom        a checkpoint (its {@code chk-N} directory) or savepoint to start from; null
 *                           for a fresh start
 * @param allowNonRestoredState start from {@code restoreFrom} even if some of its state belongs to no
 *                           operator of this version (an older format of the rep detectors' state):
 *                           that state is dropped, the rest restored
 * @param athletes           the coach's athlete configuration ({@code --athletes FILE}): plan start,
 *                           time zone, tempo per exercise; athletes not in it get the defaults
 * @param livePhases         how often the phase of each rep under way is written ({@code --live-phases})
 */
public record JobOptions(
        MqttSourceOptions mqtt,
        InfluxOptions influx,
        int parallelism,
        long checkpointIntervalMs,
        long maxOutOfOrderMs,
        String checkpointDir,
        String restoreFrom,
        boolean allowNonRestoredState,
        AthleteProfiles athletes,
        LivePhaseReports livePhases) {

    /** A job that starts fresh, checkpoints to memory and knows no athlete (tests and the demo). */
    public JobOptions(MqttSourceOptions mqtt, InfluxOptions influx, int parallelism, long checkpointIntervalMs,
            long maxOutOfOrderMs) {
        this(mqtt, influx, parallelism, checkpointIntervalMs, maxOutOfOrderMs, null, null, false, AthleteProfiles.none(),
                LivePhaseReports.EVERY_SECOND);
    }

    /** The same job with the coach's athlete configuration. */
    public JobOptions withAthletes(AthleteProfiles profiles) {
        return new JobOptions(mqtt, influx, parallelism, checkpointIntervalMs, maxOutOfOrderMs, checkpointDir,
                restoreFrom, allowNonRestoredState, profiles, livePhases);
    }

    public static final String DEFAULT_MQTT_URL = "tcp://127.0.0.1:1883";
    public static final String DEFAULT_INFLUX_URL = "http://127.0.0.1:8086";
    public static final String DEFAULT_INFLUX_DB = "tempostream";
    /** Long enough for a restart after a failure, short enough not to linger once the job is gone. */
    static final long UNNAMED_SESSION_EXPIRY_S = 300;

    public static final Set<String> FLAGS = Set.of("mqtt-url", "topic", "client-id-prefix", "influx-url", "influx-db",
            "parallelism", "checkpoint-interval-ms", "max-out-of-order-ms", "session-expiry-s", "checkpoint-dir",
            "restore-from", "athletes", "live-phases");
    /** Flags without a value. */
    public static final Set<String> SWITCHES = Set.of("allow-non-restored-state");

    /**
     * A local checkpoint or savepoint must exist and be complete (its {@code _metadata} file is
     * written last), or Flink would fail the job at start with a stack trace. Remote ones (s3://,
     * hdfs://) are Flink's to check.
     */
    static String checkpointToRestore(String location) {
        java.net.URI uri = pathOrUri("restore-from", location, "a checkpoint directory or URI");
        if ("file".equals(uri.getScheme())) {
            java.nio.file.Path dir = java.nio.file.Path.of(uri);
            if (!java.nio.file.Files.isRegularFile(dir.resolve("_metadata"))) {
                throw new IllegalArgumentException("--restore-from must name a completed checkpoint (a chk-N directory"
                        + " holding _metadata), got '" + location + "'");
            }
        }
        return location;
    }

    public static JobOptions fromFlags(Flags flags) {
        MqttEndpoint endpoint = MqttEndpoint.fromEnvironment(flags.get("mqtt-url", DEFAULT_MQTT_URL));
        long checkpointIntervalMs = flags.getLong("checkpoint-interval-ms", 10_000, 0, 3_600_000);
        // With checkpoints, messages are acknowledged only once a checkpoint covers them, and the
        // session must outlive a restart so the broker can send the rest again. A named job keeps
        // it for an hour, so a job stopped and started again misses nothing published meanwhile;
        // an unnamed one (a random id nobody resumes after the process ends) for as long as a
        // restart after a failure takes.
        boolean named = flags.get("client-id-prefix").isPresent();
        boolean ackAfterCheckpoint = checkpointIntervalMs > 0;
        String prefix = flags.get("client-id-prefix", "tempostream-" + UUID.randomUUID().toString().substring(0, 8));
        long defaultExpiry = named ? 3_600 : ackAfterCheckpoint ? UNNAMED_SESSION_EXPIRY_S : 0;
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(endpoint, flags.get("topic", ImuTopic.ALL_DEVICE_MESSAGES_FILTER), prefix)
                .withSessionExpirySeconds(flags.getLong("session-expiry-s", defaultExpiry, ackAfterCheckpoint ? 1 : 0,
                        0xFFFFFFFFL))
                .withAckAfterCheckpoint(ackAfterCheckpoint);
        InfluxOptions influx = InfluxOptions.fromEnvironment(flags.get("influx-url", DEFAULT_INFLUX_URL),
                flags.get("influx-db", DEFAULT_INFLUX_DB));
        return new JobOptions(mqtt, influx,
                flags.getInt("parallelism", 1, 1, 256),
                checkpointIntervalMs,
                flags.getLong("max-out-of-order-ms", 500, 0, 60_000),
                flags.get("checkpoint-dir").map(JobOptions::checkpointDirectory).orElse(null),
                flags.get("restore-from").map(JobOptions::checkpointToRestore).orElse(null),
                allowNonRestoredState(flags),
                flags.get("athletes").map(JobOptions::athletes).orElse(AthleteProfiles.none()),
                flags.get("live-phases").map(LivePhaseReports::fromCliName).orElse(LivePhaseReports.EVERY_SECOND));
    }

    /** Only with --restore-from: on its own it would say nothing. */
    private static boolean allowNonRestoredState(Flags flags) {
        boolean allow = flags.has("allow-non-restored-state");
        if (allow && flags.get("restore-from").isEmpty()) {
            throw new IllegalArgumentException("--allow-non-restored-state needs --restore-from");
        }
        return allow;
    }

    /**
     * As an absolute URI: Flink's checkpoint storage refuses a directory without a scheme, and only
     * once the job is being started.
     */
    static String checkpointDirectory(String dir) {
        return pathOrUri("checkpoint-dir", dir, "a directory path or URI").toString();
    }

    /** A URI as given (s3://, hdfs://, file://), or a path as an absolute {@code file:} URI; else refused naming the flag. */
    private static java.net.URI pathOrUri(String flag, String location, String expected) {
        try {
            if (location.contains("://")) {
                return java.net.URI.create(location);
            }
            if (location.isBlank()) {
                throw new IllegalArgumentException("blank");
            }
            return java.nio.file.Path.of(location).toAbsolutePath().normalize().toUri();
        } catch (IllegalArgumentException e) { // also InvalidPathException
            throw new IllegalArgumentException("--" + flag + " must be " + expected + ", got '" + location + "'");
        }
    }

    private static AthleteProfiles athletes(String file) {
        try {
            return AthleteProfiles.read(java.nio.file.Path.of(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--athletes: no such file: " + file);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--athletes: cannot read '" + file + "' (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--athletes " + e.getMessage());
        }
    }
}
