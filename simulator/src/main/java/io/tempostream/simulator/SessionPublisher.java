package io.tempostream.simulator;

import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.ExerciseSelectionCodec;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.mqtt.MqttClientClose;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.ReliablePublisher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes simulated devices' batches to MQTT in event-time order, each batch when its last sample
 * has been "measured": at real time for {@code speed} 1, N times faster for N, at once for 0.
 * Silences longer than a minute (between sessions) are shortened to a minute.
 */
public final class SessionPublisher implements AutoCloseable {
    /**
     * Days between sessions (the sensor switched off) are not waited out: a silence longer than
     * this is replayed as this long, so a six-week program can be replayed at any speed.
     */
    static final long MAX_SILENCE_MS = 60_000;

    private final MqttAsyncClient client;
    private final MqttConnectionOptions connection;
    private final PayloadFormat format;
    private final double speed;

    public SessionPublisher(MqttEndpoint endpoint, String clientId, PayloadFormat format, double speed)
            throws MqttException {
        if (!(speed >= 0)) {
            throw new IllegalArgumentException("--speed must be 0 (as fast as possible) or positive, got " + speed);
        }
        this.format = format;
        this.speed = speed;
        this.client = new MqttAsyncClient(endpoint.serverUri(), clientId, new MemoryPersistence());
        this.connection = endpoint.connectionOptions();
        try {
            ReliablePublisher.connect(client, connection);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttException(e);
        }
    }

    /**
     * Sends every batch of every device, interleaved by time, and returns the number sent.
     * {@code afterEach} gets the count so far (for a progress display); it may be a no-op.
     */
    public long publish(List<SimulatedDevice> devices, LongConsumer afterEach) throws MqttException, InterruptedException {
        List<ImuBatch> all = new ArrayList<>();
        List<ExerciseSelection> selections = new ArrayList<>();
        devices.forEach(d -> {
            all.addAll(d.batches());
            selections.addAll(d.selections());
        });
        all.sort(Comparator.comparingLong(ImuBatch::lastTimestampMs));
        return publishInOrder(all, selections, afterEach);
    }

    /** Sends the batches in order of their last sample's time, paced by {@code speed}. */
    public long publishBatches(List<ImuBatch> batches, LongConsumer afterEach) throws MqttException, InterruptedException {
        List<ImuBatch> all = new ArrayList<>(batches);
        all.sort(Comparator.comparingLong(ImuBatch::lastTimestampMs));
        return publishInOrder(all, afterEach);
    }

    /**
     * Sends the batches exactly in the given order (faults may have reordered or repeated them),
     * each paced by its own last sample's time.
     */
    public long publishInOrder(List<ImuBatch> all, LongConsumer afterEach) throws MqttException, InterruptedException {
        return publishInOrder(all, List.of(), afterEach);
    }

    /**
     * As above, with exercise selections sent among the batches: each just before the first batch
     * measured after it (only batches are counted for {@code afterEach}).
     */
    public long publishInOrder(List<ImuBatch> all, List<ExerciseSelection> selections, LongConsumer afterEach)
            throws MqttException, InterruptedException {
        if (all.isEmpty()) {
            return 0;
        }
        List<ExerciseSelection> pending = new ArrayList<>(selections);
        pending.sort(Comparator.comparingLong(ExerciseSelection::fromMs));
        int nextSelection = 0;
        long firstEventMs = all.stream().mapToLong(ImuBatch::lastTimestampMs).min().orElseThrow();
        long wallStartNs = System.nanoTime();
        long sent = 0;
        long latestEventMs = firstEventMs;
        long skippedMs = 0;
        for (ImuBatch batch : all) {
            if (batch.lastTimestampMs() - latestEventMs > MAX_SILENCE_MS) {
                skippedMs += batch.lastTimestampMs() - latestEventMs - MAX_SILENCE_MS;
            }
            latestEventMs = Math.max(latestEventMs, batch.lastTimestampMs());
            if (speed > 0) {
                long dueNs = wallStartNs + (long) ((batch.lastTimestampMs() - skippedMs - firstEventMs) * 1e6 / speed);
                long waitNs = dueNs - System.nanoTime();
                if (waitNs > 0) {
                    Thread.sleep(waitNs / 1_000_000, (int) (waitNs % 1_000_000));
                }
            }
            while (nextSelection < pending.size() && pending.get(nextSelection).fromMs() <= batch.lastTimestampMs()) {
                ExerciseSelection selection = pending.get(nextSelection++);
                MqttMessage said = new MqttMessage(ExerciseSelectionCodec.encode(selection));
                said.setQos(1);
                ReliablePublisher.publish(client, selection.device().exerciseTopic(), said);
            }
            MqttMessage message = new MqttMessage(ImuBatchCodec.encode(batch, format));
            message.setQos(1);
            ReliablePublisher.publish(client, batch.topic().name(), message);
            afterEach.accept(++sent);
        }
        return sent;
    }

    @Override
    public void close() throws MqttException {
        MqttClientClose.forGood(client, connection, 2_000);
    }
}
