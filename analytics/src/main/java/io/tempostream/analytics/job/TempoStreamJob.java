package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.feedback.Feedback;
import io.tempostream.analytics.feedback.MqttFeedbackSink;
import io.tempostream.analytics.influx.InfluxSink;
import io.tempostream.analytics.training.AthleteProfiles;
import io.tempostream.analytics.training.TrainingRecord;
import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.config.Flags;
import io.tempostream.ingest.mqtt.MqttRecord;
import io.tempostream.ingest.mqtt.MqttSource;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSource;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The pipeline: MQTT messages → sample batches (bad ones to a side output, exercise selections to
 * another) → event time → one rep detector per device, steered by its selections → training
 * analytics per athlete (tempo, form, sets, sessions, weeks) → the sink. It takes its source and sink as arguments, so tests and
 * the demo wire their own while {@link #main} wires MQTT and InfluxDB.
 */
public final class TempoStreamJob {
    /** Idle readers (a shared subscription with few devices) must not hold the watermark back. */
    private static final Duration IDLE_READER_AFTER = Duration.ofSeconds(2);
    /**
     * Where checkpoints go without --checkpoint-dir (and no directory in the cluster's config): for
     * the job's own restarts; run here, they go when its process ends ({@link LocalCheckpoints}).
     */
    public static final Path DEFAULT_CHECKPOINT_DIR = Path.of(System.getProperty("java.io.tmpdir"), "tempostream-checkpoints");
    /** Longest a record waits in a network buffer that is not full, unless the cluster's config says. */
    static final Duration BUFFER_TIMEOUT = Duration.ofMillis(20);
    /** The same as a URI, once: {@code Path.toUri()} ends in "/" only if the directory exists yet. */
    private static final String DEFAULT_CHECKPOINT_URI = DEFAULT_CHECKPOINT_DIR.toUri().toString();

    /** The rep operator's id in checkpoints, with the format of its device state. */
    static final String REPS_FROM_BATCHES_UID = "reps-from-batches-21";

    private final Source<MqttRecord, ?, ?> source;
    private final Sink<TrainingRecord> sink;
    private final long maxOutOfOrderMs;
    private final AthleteProfiles athletes;
    /** Where each reader's intake reports go (pipeline health), or null to leave them unwritten. */
    private final Sink<IngestHealth> healthSink;
    /** Where holds under way go (the live hold timer), or null to leave them unwritten. */
    private final Sink<HoldProgress> holdingSink;
    /** Where the phases of reps under way go (the live tempo view), or null to leave them unwritten. */
    private final Sink<PhaseProgress> phaseSink;
    private final LivePhaseReports livePhases;
    /** Where each rep and the phase under way go back to the athlete's devices, or null. */
    private Sink<Feedback> feedbackSink;

    public TempoStreamJob(Source<MqttRecord, ?, ?> source, Sink<TrainingRecord> sink, long maxOutOfOrderMs) {
        this(source, sink, maxOutOfOrderMs, AthleteProfiles.none(), null, null, null, LivePhaseReports.EVERY_SECOND);
    }

    public TempoStreamJob(Source<MqttRecord, ?, ?> source, Sink<TrainingRecord> sink, long maxOutOfOrderMs,
            AthleteProfiles athletes, Sink<IngestHealth> healthSink, Sink<HoldProgress> holdingSink,
            Sink<PhaseProgress> phaseSink, LivePhaseReports livePhases) {
        this.source = source;
        this.sink = sink;
        this.maxOutOfOrderMs = maxOutOfOrderMs;
        this.athletes = athletes;
        this.healthSink = healthSink;
        this.holdingSink = holdingSink;
        this.phaseSink = phaseSink;
        this.livePhases = livePhases;
    }

    /**
     * Also publishes each rep (provisional and final) and the phase under way to the athlete's
     * feedback topic ({@link Feedback}), for the athlete's own devices to show.
     */
    public TempoStreamJob withFeedback(Sink<Feedback> feedbackSink) {
        this.feedbackSink = feedbackSink;
        return this;
    }

    /**
     * What the pipeline emits besides writing to the sink: the detected reps (for the console and
     * tests), what the sink is given, and refused payloads (health metrics).
     */
    public record Outputs(DataStream<Rep> reps, DataStream<TrainingRecord> training, DataStream<RejectedPayload> rejected,
            DataStream<IngestHealth> health, DataStream<HoldProgress> holding, DataStream<PhaseProgress> phases) {
    }

    /** Adds the pipeline to {@code env} and returns the reps, for extra consumers such as the console. */
    public DataStream<Rep> addTo(StreamExecutionEnvironment env) {
        return addWithOutputs(env).reps();
    }

    /**
     * Operator names are short: Flink joins a chain's names into one metric name and warns when that
     * passes 80 characters. The "… out" sinks write to InfluxDB (the sinks given to the constructor).
     */
    public Outputs addWithOutputs(StreamExecutionEnvironment env) {
        DataStreamSource<MqttRecord> messages = env.fromSource(source, WatermarkStrategy.noWatermarks(), "MQTT");
        if (source instanceof MqttSource) {
            // One subscription, no shared one any login could join; decoding fans out after it.
            messages.setParallelism(MqttSource.READERS);
        }
        SingleOutputStreamOperator<ImuBatch> batches = messages
                .uid("mqtt-source")
                .process(new BatchesFromMessages())
                .name("Batches")
                .uid("batches-from-messages");
        // Selections are rare: an idle stream of them must not hold the watermark back.
        DataStream<ExerciseSelection> selections = batches.getSideOutput(BatchesFromMessages.SELECTIONS)
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<ExerciseSelection>forBoundedOutOfOrderness(Duration.ofMillis(maxOutOfOrderMs))
                        .withTimestampAssigner((selection, previous) -> selection.fromMs())
                        .withIdleness(IDLE_READER_AFTER))
                .name("Selection time")
                .uid("selection-event-time");
        SingleOutputStreamOperator<Rep> reps = batches
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<ImuBatch>forBoundedOutOfOrderness(Duration.ofMillis(maxOutOfOrderMs))
                        .withTimestampAssigner((batch, previous) -> batch.lastTimestampMs())
                        .withIdleness(IDLE_READER_AFTER))
                .name("Sample time")
                .uid("event-time")
                .keyBy(batch -> batch.athleteId() + "/" + batch.deviceId())
                // The device's exercise selections steer its detector (same key: athlete/device).
                .connect(selections.keyBy(selection -> selection.athleteId() + "/" + selection.deviceId()))
                .process(new RepsFromBatches(livePhases))
                .name("Reps from batches")
                // The suffix is the format of a device's state. The detectors' fields are stored as
                // they are (Kryo), so a change to them leaves older checkpoints unreadable: raise it
                // then (DeviceStateFormatTest fails until it is), and Flink refuses such a checkpoint
                // up front instead of failing on restore for ever (docs/operations.md, upgrading).
                .uid(REPS_FROM_BATCHES_UID);
        // Provisional reps go to the analytics too, which write them as the rep's point at once;
        // the final rep overwrites that point when its bottom pause is known.
        DataStream<TrainingRecord> training = reps
                .union(reps.getSideOutput(RepsFromBatches.PROVISIONAL_REPS))
                .keyBy(Rep::athleteId)
                .connect(selections.keyBy(ExerciseSelection::athleteId))
                .process(new TrainingFromReps(athletes))
                .name("Training from reps")
                .uid("training-from-reps");
        training.sinkTo(sink).name("Training out").uid("influx-training");
        DataStream<IngestHealth> health = batches.getSideOutput(BatchesFromMessages.HEALTH);
        if (healthSink != null) {
            health.sinkTo(healthSink).name("Health out").uid("influx-health");
        }
        DataStream<HoldProgress> holding = reps.getSideOutput(RepsFromBatches.HOLDING);
        if (holdingSink != null) {
            holding.sinkTo(holdingSink).name("Holds out").uid("influx-holding");
        }
        DataStream<PhaseProgress> phases = reps.getSideOutput(RepsFromBatches.LIVE_PHASES);
        if (phaseSink != null) {
            // A chain of its own: in the rep operator's chain its name pushed the chain's past 80 characters.
            phases.sinkTo(phaseSink).name("Phases out").uid("influx-live-phase").disableChaining();
        }
        if (feedbackSink != null) {
            // Chains of their own, as "Phases out": in the rep operator's chain their names pushed its past 80 characters.
            reps.union(reps.getSideOutput(RepsFromBatches.PROVISIONAL_REPS))
                    .map(Feedback::ofRep).returns(Feedback.class).name("Rep feedback").uid("feedback-of-reps").disableChaining()
                    .union(phases.map(PhaseProgress::feedback).returns(Feedback.class).name("Phase feedback").uid("feedback-of-phases")
                            .disableChaining())
                    .sinkTo(feedbackSink).name("Feedback out").uid("mqtt-feedback");
        }
        return new Outputs(reps, training, batches.getSideOutput(BatchesFromMessages.REJECTED), health, holding, phases);
    }

    public static void configure(StreamExecutionEnvironment env, JobOptions options) {
        env.configure(flinkConfiguration(options, env.getConfiguration()));
        env.setParallelism(options.parallelism());
    }

    /**
     * Checkpoints, where they go, what to restore from, and how to restart after a failure: the
     * broker or InfluxDB being away for a while must not end the job, so it restarts for ever,
     * waiting 1 s, then twice as long each time up to a minute; an hour without failure resets the wait.
     *
     * @param cluster what the environment is already configured with (a cluster's config.yaml):
     *     a checkpoint directory set there is kept
     */
    static Configuration flinkConfiguration(JobOptions options, ReadableConfig cluster) {
        Configuration conf = new Configuration();
        if (options.checkpointIntervalMs() > 0) {
            conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(options.checkpointIntervalMs()));
            if (options.checkpointDir() == null && cluster.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).isEmpty()) {
                // Flink's default keeps checkpoints in the JobManager's memory, at most 5 MB: about 15
                // devices' detectors. A larger checkpoint fails, and a failed one restarts the job.
                conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
                conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, DEFAULT_CHECKPOINT_URI);
            }
        }
        if (options.checkpointDir() != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, options.checkpointDir());
            // Kept when the job is cancelled too, so a stopped job can be started from where it was.
            conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        if (options.restoreFrom() != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, options.restoreFrom());
            conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, options.allowNonRestoredState());
        }
        if (cluster.getOptional(ExecutionOptions.BUFFER_TIMEOUT).isEmpty()) {
            // Reps are sparse next to samples: Flink's 100 ms default would hold each one up to
            // 100 ms at each of its exchanges, a fifth of the live feedback's second.
            conf.set(ExecutionOptions.BUFFER_TIMEOUT, BUFFER_TIMEOUT);
        }
        // Copying a device's state after each checkpoint must not mean writing it out and reading it back.
        conf.set(PipelineOptions.SERIALIZATION_CONFIG, DetectorKryoSerializer.serializationConfig());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofMinutes(1));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, Duration.ofHours(1));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        return conf;
    }

    public static TempoStreamJob fromOptions(JobOptions options) {
        TempoStreamJob job = new TempoStreamJob(new MqttSource(options.mqtt()),
                new InfluxSink<>(options.influx(), new TrainingPoints(), "training"), options.maxOutOfOrderMs(),
                options.athletes(), new InfluxSink<>(options.influx(), new HealthPoints()),
                new InfluxSink<>(options.influx(), new HoldingPoints()),
                options.livePhases() == LivePhaseReports.OFF ? null : new InfluxSink<>(options.influx(), new LivePhasePoints()),
                options.livePhases());
        MqttFeedbackSink.forJob(options.mqtt().endpoint(), System.getenv(), options.mqtt().clientIdPrefix())
                .ifPresent(job::withFeedback);
        return job;
    }

    /** Runs the job where it is started: a MiniCluster from the command line, the cluster under {@code flink run}. */
    public static void main(String[] args) throws Exception {
        JobOptions options;
        try {
            options = JobOptions.fromFlags(Flags.parse(args, JobOptions.FLAGS, JobOptions.SWITCHES));
        } catch (IllegalArgumentException e) {
            System.err.println("tempostream run: " + e.getMessage());
            System.exit(2);
            return;
        }
        execute(options);
    }

    /** Builds the job from {@code options} and runs it until it ends (or is cancelled). */
    public static void execute(JobOptions options) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        configure(env, options);
        fromOptions(options).addTo(env);
        String name = "TempoStream reps from " + options.mqtt().endpoint().serverUri();
        try {
            if (env instanceof LocalStreamEnvironment) {
                JobClient job = env.executeAsync(name);
                LocalCheckpoints.manage(env, job);
                job.getJobExecutionResult().get();
            } else {
                env.execute(name);
            }
        } catch (Exception e) {
            if (options.restoreFrom() != null && holdsStateOfNoOperator(e)) {
                throw new IllegalStateException("--restore-from " + options.restoreFrom() + " holds state of an operator"
                        + " this version does not have (the rep detectors' state format changes between some versions,"
                        + " docs/operations.md): add --allow-non-restored-state to restore the rest and start the"
                        + " devices afresh", e);
            }
            throw e;
        }
    }

    /** Flink's refusal of a checkpoint with state for an operator the job no longer has. */
    private static boolean holdsStateOfNoOperator(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Cannot map checkpoint/savepoint state")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if {@link #flinkConfiguration} chose {@link #DEFAULT_CHECKPOINT_DIR}; not if
     * --checkpoint-dir named it, which asks for the checkpoints to be kept.
     */
    static boolean checkpointsInDefaultDir(ReadableConfig conf) {
        return conf.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).map(DEFAULT_CHECKPOINT_URI::equals).orElse(false)
                && conf.getOptional(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION).isEmpty();
    }
}
