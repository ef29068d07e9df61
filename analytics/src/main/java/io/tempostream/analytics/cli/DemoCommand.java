package io.tempostream.analytics.cli;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.feedback.MqttFeedbackSink;
import io.tempostream.analytics.influx.InfluxConnection;
import io.tempostream.analytics.job.JobOptions;
import io.tempostream.analytics.job.LivePhaseReports;
import io.tempostream.analytics.job.LocalCheckpoints;
import io.tempostream.analytics.job.RepLine;
import io.tempostream.analytics.job.TempoStreamJob;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.config.Flags;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSource;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.mqtt.ReaderReadiness;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WorkoutOptions;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * {@code tempostream demo}: an MQTT broker (embedded unless {@code --mqtt-url}), the job on an
 * embedded Flink MiniCluster, and the simulator, in one process. Prints each rep as the job detects
 * it and stops by itself once every simulated rep is in, or a grace period after the simulator ends.
 */
final class DemoCommand {
    static final String USAGE = """
            Usage: tempostream demo [flags]
              Runs broker, Flink job and simulator together and prints each rep as it is detected.

              --mqtt-url URL     use this broker instead of the embedded one
              --influx-url URL   where reps are written (default http://127.0.0.1:8086)
              --influx-db NAME   database (default tempostream)
              --speed X          simulation speed: 1 real time, 10 ten times faster (default 1)
              --format F         binary or json payloads (default binary)
              --phone            no simulator: serve the phone page (HTTPS, self-signed) to a phone on
                                 this network and show the reps it streams; prints its address, a QR
                                 code and the certificate's fingerprint
              --phone-port N     the page's port (default 8443; 0 picks a free one)
              --phone-host H     the address a phone reaches this machine at (default: its own)
              --minutes M        with --phone: stop after M minutes (default: at Ctrl-C)
              plus the workout flags of 'tempostream simulate': --exercise --placement --athletes
              --sets --reps --tempo --rom-deg --rest-s --rate --batch --seed
              (default: 1 athlete, 2 sets of 8 dumbbell rows at 3-1-3-0, wrist sensor)

            Examples: tempostream demo --speed 5 --athletes 2
                      tempostream demo --phone
            """;
    /** After the last message, the job needs the watermark tolerance plus the rep-closing silence. */
    private static final long GRACE_AFTER_LAST_MESSAGE_MS = 15_000;

    private DemoCommand() {
    }

    static int run(String[] args, PrintStream out) throws Exception {
        Set<String> names = new HashSet<>(WorkoutOptions.FLAGS);
        names.addAll(Set.of("mqtt-url", "influx-url", "influx-db", "speed", "format", "phone-port", "phone-host", "minutes"));
        Flags flags = Flags.parse(args, names, Set.of("phone"));
        WorkoutOptions workout = WorkoutOptions.fromFlags(flags, 1, 2, 8);
        double speed = flags.getDouble("speed", 1, 0.1, 1000);
        PayloadFormat format = parseFormat(flags.get("format", "binary"));
        JobOptions parsed = JobOptions.fromFlags(Flags.parse(new String[] {
            "--influx-url", flags.get("influx-url", JobOptions.DEFAULT_INFLUX_URL),
            "--influx-db", flags.get("influx-db", JobOptions.DEFAULT_INFLUX_DB)}, JobOptions.FLAGS, Set.of()));
        if (flags.has("phone")) {
            return PhoneDemo.run(flags, parsed, out);
        }
        for (String phoneOnly : List.of("phone-port", "phone-host", "minutes")) {
            if (flags.has(phoneOnly)) {
                throw new IllegalArgumentException("--" + phoneOnly + " goes with --phone, which is not given");
            }
        }

        EmbeddedMqttBroker broker = flags.has("mqtt-url") ? null : EmbeddedMqttBroker.start();
        try {
            MqttEndpoint endpoint = MqttEndpoint.fromEnvironment(
                    broker != null ? broker.url() : flags.get("mqtt-url").orElseThrow());
            JobOptions options = demoOptions(parsed, endpoint, broker != null);
            out.printf(Locale.ROOT, "TempoStream demo: MQTT %s%s, InfluxDB %s%n", endpoint,
                    broker != null ? " (embedded)" : "", options.influx());
            out.printf(Locale.ROOT, "Simulating %d athlete(s) × %d set(s) × %d %s (%s sensor) at tempo %s, speed %sx%n",
                    workout.athletes(), workout.sets(), workout.reps(), workout.exercise().scriptName(),
                    workout.placement().name().toLowerCase(Locale.ROOT), workout.tempo(), speed);
            return withRunningJob(options, jobFor(options, out, false), detected -> {
                List<SimulatedDevice> devices = workout.simulate(System.currentTimeMillis());
                int expected = devices.stream().mapToInt(d -> d.reps().size()).sum();
                CompletableFuture<Long> publishing = CompletableFuture.supplyAsync(() -> publish(options, devices, format, speed));
                int seen = printUntilDone(detected, expected, publishing, out);
                publishing.join();
                out.printf(Locale.ROOT, "Detected %d of %d simulated reps.%n", seen, expected);
                return seen == expected ? 0 : 1;
            });
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** The job's options for the demo: one reader, checkpoints every 5 s, on {@code endpoint}. */
    static JobOptions demoOptions(JobOptions parsed, MqttEndpoint endpoint, boolean embeddedBroker) {
        // With a real broker, the job's own delivery settings (acknowledged after each
        // checkpoint). The embedded HiveMQ CE sends a client only a message or so before it
        // acknowledges (measured: 1 of 3000; Mosquitto 2.0: 3000 of 3000), so there messages
        // are acknowledged on arrival; the demo's broker lives and dies with the job anyway.
        boolean holdAcks = !embeddedBroker && parsed.mqtt().ackAfterCheckpoint();
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(endpoint, parsed.mqtt().topicFilter(),
                "demo-" + UUID.randomUUID().toString().substring(0, 8))
                .withSessionExpirySeconds(holdAcks ? parsed.mqtt().sessionExpirySeconds() : 0)
                .withAckAfterCheckpoint(holdAcks);
        return new JobOptions(mqtt, parsed.influx(), 1, 5_000, parsed.maxOutOfOrderMs());
    }

    /** What the demo does while the job runs, given the reps as the job detects them; returns the exit code. */
    interface WhileRunning {
        int drive(BlockingQueue<Rep> detected) throws Exception;
    }

    /** Runs {@code pipeline} on this JVM's MiniCluster, ready for messages, while {@code driver} works. */
    static int withRunningJob(JobOptions options, TempoStreamJob pipeline, WhileRunning driver) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        TempoStreamJob.configure(env, options);
        // Flink's collect sink hands results over after the checkpoint that covers them when
        // checkpoints are exactly-once, and at once when they are at-least-once: the athlete sees
        // a rep when it is detected, not up to a checkpoint interval later.
        env.configure(new Configuration().set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                CheckpointingMode.AT_LEAST_ONCE));
        CloseableIterator<Rep> reps = pipeline.addTo(env).collectAsync();
        BlockingQueue<Rep> detected = new LinkedBlockingQueue<>();
        try (ReaderReadiness readiness = new ReaderReadiness(options.mqtt())) {
            JobClient job = env.executeAsync("TempoStream demo");
            LocalCheckpoints.manage(env, job);
            Thread collector = new Thread(() -> {
                try {
                    reps.forEachRemaining(detected::add);
                } catch (RuntimeException e) {
                    // The demo cancels the job when it is done; the iterator then ends with this.
                }
            }, "demo-rep-collector");
            collector.setDaemon(true);
            collector.start();
            try {
                readiness.await(60_000);
                return driver.drive(detected);
            } finally {
                // Closing the result iterator cancels the job; the collector then stops asking a
                // cluster that is shutting down for results (which Flink logs as a warning).
                reps.close();
                collector.join(10_000);
                job.getJobExecutionResult().handle((result, cancelled) -> null).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The whole job when InfluxDB answers; without it, the same detection and analytics with
     * nothing written, said once: the console never waits for a database that is not there.
     * With {@code feedback} (a phone is the sensor), reps and the phase under way go back to the
     * athlete's feedback topic either way.
     */
    static TempoStreamJob jobFor(JobOptions options, PrintStream out, boolean feedback) {
        if (InfluxConnection.reachable(options.influx())) {
            return TempoStreamJob.fromOptions(options);
        }
        out.printf(Locale.ROOT, "InfluxDB not reachable at %s, showing reps here only%n", options.influx().url());
        TempoStreamJob job = new TempoStreamJob(new MqttSource(options.mqtt()), new DiscardingSink<>(), options.maxOutOfOrderMs(),
                options.athletes(), null, null, null, feedback ? LivePhaseReports.EVERY_SECOND : LivePhaseReports.OFF);
        if (feedback) {
            MqttFeedbackSink.forJob(options.mqtt().endpoint(), System.getenv(), options.mqtt().clientIdPrefix())
                    .ifPresent(job::withFeedback);
        }
        return job;
    }

    private static int printUntilDone(BlockingQueue<Rep> detected, int expected, CompletableFuture<Long> publishing,
            PrintStream out) throws InterruptedException {
        int seen = 0;
        long publishedAtNs = 0;
        while (seen < expected) {
            Rep rep = detected.poll(200, TimeUnit.MILLISECONDS);
            if (rep != null) {
                seen++;
                out.println(RepLine.format(rep));
            } else if (publishing.isDone()) {
                if (publishing.isCompletedExceptionally()) {
                    break;
                }
                if (publishedAtNs == 0) {
                    publishedAtNs = System.nanoTime();
                } else if (System.nanoTime() - publishedAtNs > TimeUnit.MILLISECONDS.toNanos(GRACE_AFTER_LAST_MESSAGE_MS)) {
                    break;
                }
            }
        }
        return seen;
    }

    private static long publish(JobOptions options, List<SimulatedDevice> devices, PayloadFormat format, double speed) {
        try (SessionPublisher publisher = new SessionPublisher(options.mqtt().endpoint(),
                "demo-simulator-" + UUID.randomUUID().toString().substring(0, 8), format, speed)) {
            return publisher.publish(devices, sent -> { });
        } catch (Exception e) {
            throw new IllegalStateException("simulator could not publish: " + e.getMessage(), e);
        }
    }

    private static PayloadFormat parseFormat(String name) {
        try {
            return PayloadFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be binary or json, got '" + name + "'");
        }
    }
}
