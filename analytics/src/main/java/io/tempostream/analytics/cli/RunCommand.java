package io.tempostream.analytics.cli;

import io.tempostream.analytics.job.JobOptions;
import io.tempostream.analytics.job.TempoStreamJob;
import io.tempostream.ingest.config.Flags;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.flink.runtime.client.JobCancellationException;

/** {@code tempostream run}: the job alone, on a MiniCluster in this process; says where it reads and writes. */
final class RunCommand {
    static final String USAGE = """
            Usage: tempostream run [flags]
              The Flink job alone (a MiniCluster in this process): MQTT in, reps and training to InfluxDB.
              Credentials come from the environment: MQTT_USERNAME, MQTT_PASSWORD, INFLUX_USERNAME,
              INFLUX_PASSWORD (MQTT_CA_FILE for a broker's own CA).

              --mqtt-url URL                broker (default tcp://127.0.0.1:1883; ssl://host:8883 for TLS)
              --topic FILTER                what to subscribe to (default tempostream/+/+/+)
              --client-id-prefix NAME       a stable name: the broker keeps the job's session across restarts
              --session-expiry-s S          how long the broker keeps that session (default 3600 named, 300 unnamed)
              --influx-url URL              InfluxDB (default http://127.0.0.1:8086)
              --influx-db NAME              database (default tempostream)
              --parallelism N               decoders and detectors (default 1; one MQTT subscription whatever it is)
              --checkpoint-interval-ms MS   0 turns checkpoints off (default 10000)
              --checkpoint-dir DIR          keep checkpoints there (a path or URI), also after the job ends
              --restore-from DIR/chk-N      start from a completed checkpoint
              --allow-non-restored-state    with --restore-from: drop state this version does not have
              --max-out-of-order-ms MS      how late a batch may be and still be put in order (default 500)
              --athletes FILE               the coach's athletes: plan start, time zone, tempo per exercise
              --live-phases every-second|changes|off
                                            how often the phase of each rep under way is written
                                            (default every-second; changes: when a phase starts)

            Example: tempostream run --client-id-prefix gym-1 --checkpoint-dir /var/lib/tempostream/checkpoints
            """;

    private RunCommand() {
    }

    static int run(String[] args, PrintStream out) throws Exception {
        JobOptions options = JobOptions.fromFlags(Flags.parse(args, JobOptions.FLAGS, JobOptions.SWITCHES));
        out.print(banner(options));
        try {
            TempoStreamJob.execute(options);
            return 0;
        } catch (Exception e) {
            // Ctrl-C or SIGTERM: the job is cancelled on the way out; that is a stop, not a failure.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof JobCancellationException) {
                    out.println("TempoStream job stopped.");
                    return 0;
                }
            }
            throw e;
        }
    }

    /** Where the job reads and writes, once at start, so a wrong URL or database is seen at once. */
    static String banner(JobOptions options) {
        String checkpoints;
        if (options.checkpointIntervalMs() == 0) {
            checkpoints = "off";
        } else if (options.checkpointDir() != null) {
            checkpoints = String.format(Locale.ROOT, "every %d ms to %s (kept)", options.checkpointIntervalMs(),
                    options.checkpointDir());
        } else {
            checkpoints = String.format(Locale.ROOT, "every %d ms to %s (deleted when this run ends)",
                    options.checkpointIntervalMs(), TempoStreamJob.DEFAULT_CHECKPOINT_DIR);
        }
        StringBuilder text = new StringBuilder("TempoStream job\n");
        text.append(String.format(Locale.ROOT, "  broker       %s, topic %s, client id %s-N%n",
                options.mqtt().endpoint(), options.mqtt().topicFilter(), options.mqtt().clientIdPrefix()));
        text.append(String.format(Locale.ROOT, "  InfluxDB     %s, database %s%s%n", options.influx().url(),
                options.influx().database(), options.influx().username().isEmpty() ? "" : ", as " + options.influx().username()));
        text.append(String.format(Locale.ROOT, "  parallelism  %d%n", options.parallelism()));
        text.append(String.format(Locale.ROOT, "  checkpoints  %s%n", checkpoints));
        if (options.restoreFrom() != null) {
            text.append(String.format(Locale.ROOT, "  restore from %s%s%n", options.restoreFrom(),
                    options.allowNonRestoredState() ? " (state of no operator of this version dropped)" : ""));
        }
        return text.toString();
    }
}
