package io.tempostream.simulator;

import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.ExerciseSelectionCodec;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.recording.Recording;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Many devices at once, for load tests: every device replays the same simulated workout (rows at
 * 3-1-3-0 from the wrist or the upper back), each from its own point in it, stamped with the wall
 * clock, so each rep's true end is a known wall-clock time ({@link #trueRepEndsMs}) and latency
 * can be measured end to end. Devices share a few MQTT connections ({@code connections}); each
 * tick sends one batch per device. Stops by itself after {@code durationMs}.
 */
public final class LoadGenerator {
    /** Paho's asynchronous client at QoS 0: the broker's ceiling, not the client's round trips, is measured. */
    private static final int QOS = 0;

    private final MqttEndpoint endpoint;
    private final int devices;
    private final int connections;
    private final int batchSize;
    private final double rateHz;
    private final Placement placement;
    private final Recording template;
    /** Template sample index at which each of the template's reps ends. */
    private final int[] repEndIndices;
    /** Devices start no closer than this to the end of the set before or the start of the next. */
    private static final long START_MARGIN_MS = 2_000;
    private static final int LEAD_IN_MS = 3_000;
    /** Ticks of every device made before the first is sent ({@link #warmUp}). */
    private static final int WARM_UP_TICKS = 20;
    /** The earliest template sample a device starts at, and how many later ones it may start at. */
    private final int firstStart;
    private final int startChoices;
    /** Wall clock of the first sample, once {@link #run} has started; else {@link Long#MIN_VALUE}. */
    private volatile long startMs = Long.MIN_VALUE;
    /** Whether each device's app says, before its first sample, that the athlete does rows. */
    private boolean selectsExercise;
    /** Per cent of each device's messages not sent, at random: a phone on a weak radio link. */
    private int lostPercent;

    public LoadGenerator(MqttEndpoint endpoint, int devices, int connections, double rateHz, int batchSize, long seed) {
        this(endpoint, devices, connections, rateHz, batchSize, Placement.WRIST, seed);
    }

    public LoadGenerator(MqttEndpoint endpoint, int devices, int connections, double rateHz, int batchSize,
            Placement placement, long seed) {
        if (devices < 1 || devices > 100_000) {
            throw new IllegalArgumentException("--load-devices must be 1–100000, got " + devices);
        }
        if (connections < 1 || connections > 256) {
            throw new IllegalArgumentException("--connections must be 1–256, got " + connections);
        }
        this.endpoint = endpoint;
        this.devices = devices;
        this.connections = Math.min(connections, devices);
        this.rateHz = rateHz;
        this.batchSize = batchSize;
        this.placement = placement;
        SimulatedDevice workout = ExerciseSimulator.simulate(new SessionScript("load", "template", placement, rateHz,
                batchSize, LEAD_IN_MS, List.of(SetScript.of(Exercise.DUMBBELL_ROW, 10, "3-1-3-0", 30_000))), 0, seed);
        this.template = workout.toRecording();
        long firstMs = workout.batches().get(0).firstTimestampMs();
        this.repEndIndices = workout.reps().stream()
                .mapToInt(r -> (int) Math.round((r.endMs() - firstMs) * rateHz / 1000.0)).toArray();
        // Devices start at different points of the rest after the set (and the lead-in before it,
        // where the template loops), so sets begin at different times and none is seen cut.
        int margin = (int) Math.round(START_MARGIN_MS * rateHz / 1000.0);
        this.firstStart = repEndIndices[repEndIndices.length - 1] + margin;
        this.startChoices = template.size() - firstStart + (int) Math.round(LEAD_IN_MS * rateHz / 1000.0) - margin;
    }

    /**
     * Each device's app selects the exercise (dumbbell rows, on its exercise topic) once, before
     * its first sample, as the phone page does on connect; the selection holds for every set.
     */
    public LoadGenerator selectingTheExercise() {
        this.selectsExercise = true;
        return this;
    }

    /**
     * Each device loses {@code percent} of its messages at random (not sent at all), as QoS 0 over
     * a weak radio link does: the true reps stay what the samples held.
     */
    public LoadGenerator losing(int percent) {
        if (percent < 0 || percent > 50) {
            throw new IllegalArgumentException("--lost-percent must be 0–50, got " + percent);
        }
        this.lostPercent = percent;
        return this;
    }

    /** The athlete id of device {@code d}: {@code load-d}. */
    public static String athleteId(int d) {
        return "load-" + d;
    }

    /** The device id every load device has (one device per athlete): its placement, e.g. {@code back-1}. */
    public String deviceId() {
        return placement.name().toLowerCase(Locale.ROOT) + "-1";
    }

    /** Wall clock of the first sample, or {@link Long#MIN_VALUE} before {@link #run} has started. */
    public long startMs() {
        return startMs;
    }

    /** A rep's true end in a load run: wall clock, its number in the set, and whether it ends the set. */
    public record TrueRep(long endMs, int rep, boolean lastInSet) {
    }

    /**
     * Device {@code d}'s reps in a run started at {@code start} (the simulator's ground truth),
     * those that end by {@code untilMs}, in order.
     */
    public List<TrueRep> trueReps(int d, long start, long untilMs) {
        List<TrueRep> reps = new ArrayList<>();
        int n = template.size();
        long offset = offset(d);
        long last = (long) ((untilMs - start) * rateHz / 1000.0);
        for (long cycle = 0; cycle * n <= last + n; cycle++) {
            for (int r = 0; r < repEndIndices.length; r++) {
                // Device sample g plays template sample (offset + g) mod n.
                long g = cycle * n + Math.floorMod(repEndIndices[r] - offset, n);
                if (g <= last) {
                    reps.add(new TrueRep(start + Math.round(g * 1000 / rateHz), r + 1, r == repEndIndices.length - 1));
                }
            }
        }
        reps.sort(Comparator.comparingLong(TrueRep::endMs));
        return reps;
    }

    /** What device {@code d} sends in a run started at {@code start}: its first {@code ticks} batches. */
    public List<ImuBatch> batches(int d, long start, int ticks) {
        List<ImuBatch> batches = new ArrayList<>(ticks);
        for (int tick = 0; tick < ticks; tick++) {
            batches.add(batch(d, tick, start + Math.round(tick * batchSize * 1000 / rateHz)));
        }
        return batches;
    }

    /**
     * Makes and encodes a few seconds of every device's batches, and throws them away: cold, the
     * generator fell up to 1.7 s behind its own clock in its first seconds on 2 shared cores, then
     * sent at twice the rate to catch up, and the job was charged for both.
     */
    private void warmUp() {
        long checksum = 0;
        for (int tick = 0; tick < WARM_UP_TICKS; tick++) {
            for (int d = 0; d < devices; d++) {
                checksum += ImuBatchCodec.encode(batch(d, tick, tick * 100L), PayloadFormat.BINARY).length;
            }
        }
        if (checksum < 0) {
            throw new IllegalStateException("negative encoded length"); // keeps the work from being optimised away
        }
    }

    private long offset(int d) {
        return (firstStart + d * 7919L % startChoices) % template.size();
    }

    /** Publishes until {@code durationMs} has passed; returns the number of messages sent. */
    public long run(long durationMs, PrintStream progress) throws MqttException, InterruptedException {
        warmUp();
        List<MqttAsyncClient> clients = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                MqttAsyncClient client = new MqttAsyncClient(endpoint.serverUri(), "load-" + c + "-" + UUID.randomUUID(),
                        new MemoryPersistence());
                client.connect(endpoint.connectionOptions()).waitForCompletion(15_000);
                clients.add(client);
            }
            if (selectsExercise) {
                long fromMs = System.currentTimeMillis();
                for (int d = 0; d < devices; d++) {
                    ExerciseSelection selection = new ExerciseSelection(athleteId(d), deviceId(), fromMs,
                            Exercise.DUMBBELL_ROW.scriptName());
                    MqttMessage said = new MqttMessage(ExerciseSelectionCodec.encode(selection));
                    said.setQos(1); // heard once, and it steers every set after it
                    clients.get(d % connections).publish(selection.device().exerciseTopic(), said).waitForCompletion(15_000);
                }
            }
            MessageLoss loss = new MessageLoss(lostPercent, 1, 7);
            long periodNs = (long) (batchSize / rateHz * 1e9);
            long startNs = System.nanoTime();
            long startMs = System.currentTimeMillis();
            this.startMs = startMs;
            long sent = 0;
            long reportedAtNs = startNs;
            long reportedSent = 0;
            for (long tick = 0; ; tick++) {
                long dueNs = startNs + tick * periodNs;
                if (dueNs - startNs > durationMs * 1_000_000) {
                    return sent;
                }
                long waitNs = dueNs - System.nanoTime();
                if (waitNs > 0) {
                    Thread.sleep(waitNs / 1_000_000, (int) (waitNs % 1_000_000));
                }
                long batchStartMs = startMs + Math.round(tick * batchSize * 1000 / rateHz);
                for (int d = 0; d < devices; d++) {
                    if (loss.nextLost()) {
                        continue;
                    }
                    ImuBatch batch = batch(d, tick, batchStartMs);
                    MqttMessage message = new MqttMessage(ImuBatchCodec.encode(batch, PayloadFormat.BINARY));
                    message.setQos(QOS);
                    clients.get(d % connections).publish(batch.topic().name(), message);
                    sent++;
                }
                long now = System.nanoTime();
                if (now - reportedAtNs >= 1_000_000_000L) {
                    progress.printf(Locale.ROOT, "%6.1f s  %d devices  %.0f messages/s  %.0f samples/s  behind %d ms%n",
                            (now - startNs) / 1e9, devices, (sent - reportedSent) * 1e9 / (now - reportedAtNs),
                            (sent - reportedSent) * batchSize * 1e9 / (now - reportedAtNs),
                            Math.max(0, (now - dueNs) / 1_000_000));
                    reportedAtNs = now;
                    reportedSent = sent;
                }
            }
        } finally {
            for (MqttAsyncClient client : clients) {
                try {
                    client.disconnect(2_000).waitForCompletion(3_000);
                } catch (MqttException e) {
                    progress.println("load: disconnect: " + e.getMessage());
                }
                client.close(true);
            }
        }
    }

    /** Device {@code d}'s batch number {@code tick}: the template from the device's own offset, looping. */
    private ImuBatch batch(int d, long tick, long batchStartMs) {
        int n = template.size();
        int offset = (int) ((offset(d) + tick * batchSize) % n);
        long[] t = new long[batchSize];
        float[][] c = new float[6][batchSize];
        float[][] src = {template.ax(), template.ay(), template.az(), template.gx(), template.gy(), template.gz()};
        for (int i = 0; i < batchSize; i++) {
            int k = (offset + i) % n;
            t[i] = batchStartMs + Math.round(i * 1000 / rateHz);
            for (int a = 0; a < 6; a++) {
                c[a][i] = src[a][k];
            }
        }
        return new ImuBatch(athleteId(d), deviceId(), placement, tick, t, c[0], c[1], c[2], c[3], c[4], c[5]);
    }
}
