package io.tempostream.simulator;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.InvalidPayloadException;
import io.tempostream.ingest.config.Flags;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.recording.RecordingCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * {@code tempostream record}: subscribe to devices' samples and write each device's stream to a
 * recording CSV ({@code DIR/{athlete}_{device}.csv}), for replay and offline analysis. Messages
 * that do not decode are counted and skipped, never written.
 */
public final class RecordCli {
    static final String USAGE = """
            Usage: tempostream record --out DIR [flags]
              Writes what devices send over MQTT to one recording CSV per device.

              --out DIR          folder for DIR/{athlete}_{device}.csv (created if missing)
              --mqtt-url URL     broker (default tcp://127.0.0.1:1883; MQTT_USERNAME/MQTT_PASSWORD from env)
              --topic FILTER     which devices (default tempostream/+/+/imu)
              --duration-s S     stop after S seconds (default: until interrupted)

            Example: tempostream record --out recordings/ --topic 'tempostream/athlete-1/+/imu' --duration-s 600
            """;

    private RecordCli() {
    }

    public static int run(String[] args, PrintStream log) {
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return 0;
        }
        try {
            Flags flags = Flags.parse(args, Set.of("out", "mqtt-url", "topic", "duration-s"), Set.of());
            Path out = flags.outputDirectory("out").orElseThrow(() -> new IllegalArgumentException("--out DIR is required"));
            MqttEndpoint endpoint = MqttEndpoint.fromEnvironment(flags.get("mqtt-url", "tcp://127.0.0.1:1883"));
            long durationMs = Math.round(flags.getDouble("duration-s", 1e9, 0.1, 1e9) * 1000);
            Result result = record(endpoint, flags.get("topic", ImuTopic.ALL_DEVICES_FILTER), out, durationMs,
                    () -> log.println("recording " + flags.get("topic", ImuTopic.ALL_DEVICES_FILTER) + " into " + out));
            log.printf(Locale.ROOT, "recorded %d samples from %d device(s) into %s; %d messages rejected%n",
                    result.samples(), result.devices(), out, result.rejected());
            return 0;
        } catch (IllegalArgumentException e) {
            log.println("tempostream record: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            log.println("tempostream record: " + e.getMessage());
            return 2;
        } catch (MqttException e) {
            log.println("tempostream record: MQTT broker: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** What a recording session took in. */
    public record Result(long samples, int devices, long rejected) {
    }

    /**
     * Records until {@code durationMs} has passed; samples older than a device's last are dropped.
     * {@code subscribed} runs once the subscription is in place.
     */
    public static Result record(MqttEndpoint endpoint, String filter, Path out, long durationMs, Runnable subscribed)
            throws MqttException, IOException, InterruptedException {
        BlockingQueue<ImuBatch> arrived = new LinkedBlockingQueue<>();
        long[] rejected = new long[1];
        MqttClient client = new MqttClient(endpoint.serverUri(), "record-" + UUID.randomUUID(), new MemoryPersistence());
        client.connect(endpoint.connectionOptions());
        IMqttMessageListener listener = (topic, message) -> {
            try {
                arrived.add(ImuBatchCodec.decode(topic, message.getPayload()));
            } catch (InvalidPayloadException e) {
                synchronized (rejected) {
                    rejected[0]++;
                }
            }
        };
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)}, new IMqttMessageListener[] {listener});
        subscribed.run();
        Map<String, BufferedWriter> writers = new HashMap<>();
        Map<String, Long> lastSample = new HashMap<>();
        long samples = 0;
        long deadline = System.nanoTime() + durationMs * 1_000_000;
        try {
            while (System.nanoTime() < deadline) {
                ImuBatch batch = arrived.poll(100, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    continue;
                }
                String key = batch.athleteId() + "_" + batch.deviceId();
                BufferedWriter writer = writers.get(key);
                if (writer == null) {
                    writer = Files.newBufferedWriter(out.resolve(key + ".csv"));
                    writer.write("# recorded from " + batch.topic().name() + " by tempostream record\n");
                    writer.write(RecordingCsv.HEADER + "\n");
                    writers.put(key, writer);
                }
                long last = lastSample.getOrDefault(key, Long.MIN_VALUE);
                for (int i = 0; i < batch.size(); i++) {
                    long t = batch.timestampsMs()[i];
                    if (t <= last) {
                        continue; // a redelivered or late batch: the file keeps time order
                    }
                    writer.write(String.format(Locale.ROOT, "%d,%.5f,%.5f,%.5f,%.4f,%.4f,%.4f%n", t,
                            batch.accelXG()[i], batch.accelYG()[i], batch.accelZG()[i],
                            batch.gyroXDps()[i], batch.gyroYDps()[i], batch.gyroZDps()[i]));
                    last = t;
                    samples++;
                }
                lastSample.put(key, last);
            }
        } finally {
            client.disconnect();
            client.close();
            for (BufferedWriter writer : writers.values()) {
                writer.close();
            }
        }
        synchronized (rejected) {
            return new Result(samples, writers.size(), rejected[0]);
        }
    }
}
