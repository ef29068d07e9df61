package io.tempostream.simulator;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.config.Flags;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.recording.MetaWearCsv;
import io.tempostream.ingest.recording.Recording;
import io.tempostream.ingest.recording.RecordingCsv;
import io.tempostream.ingest.recording.RecordingFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttException;

/** {@code tempostream replay}: publish a recording to MQTT as one device, at real time or faster. */
public final class ReplayCli {
    static final String USAGE = """
            Usage: tempostream replay (--csv FILE | --metawear-accel FILE --metawear-gyro FILE) [flags]
              Publishes a recording to MQTT as one device would have sent it.

              --csv FILE             recording CSV (timestamp_ms,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps)
              --metawear-accel FILE  MetaWear accelerometer export (with --metawear-gyro)
              --metawear-gyro FILE   MetaWear gyroscope export
              --athlete ID           athlete id in the topic (default replay)
              --device ID            device id in the topic (default wrist-1)
              --placement P          wrist or back (default wrist)
              --mqtt-url URL         broker (default tcp://127.0.0.1:1883; MQTT_USERNAME/MQTT_PASSWORD from env)
              --speed X              1 real time, 10 ten times faster, 0 as fast as possible (default 1)
              --batch N              samples per message (default: about 100 ms of samples)
              --format F             binary or json (default binary)
              --now                  move the recording's clock so it starts now (default: keep its times)

            Examples:
              tempostream replay --csv session.csv --speed 10
              tempostream replay --metawear-accel a.csv --metawear-gyro g.csv --athlete A --now
            """;

    private ReplayCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    public static int run(String[] args, PrintStream progress) {
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return 0;
        }
        try {
            Flags flags = Flags.parse(args, Set.of("csv", "metawear-accel", "metawear-gyro", "athlete", "device",
                    "placement", "mqtt-url", "speed", "batch", "format"), Set.of("now"));
            Recording recording = read(flags);
            if (recording.size() == 0) {
                throw new IllegalArgumentException("the recording has no samples");
            }
            String athlete = flags.get("athlete", "replay");
            String device = flags.get("device", "wrist-1");
            ImuTopic topic = new ImuTopic(athlete, device);
            Placement placement = Placement.fromWireName(flags.get("placement", "wrist"));
            int batch = flags.getInt("batch", RecordingBatches.batchSizeFor(recording), 1, ImuBatch.MAX_SAMPLES);
            double speed = flags.getDouble("speed", 1, 0, 1000);
            PayloadFormat format = SimulatorCli.parseFormat(flags.get("format", "binary"));
            long shift = flags.has("now") ? System.currentTimeMillis() - recording.timestampsMs()[0] : 0;
            List<ImuBatch> batches = RecordingBatches.of(recording, athlete, device, placement, batch, shift);
            MqttEndpoint endpoint = MqttEndpoint.fromEnvironment(flags.get("mqtt-url", "tcp://127.0.0.1:1883"));
            progress.printf(Locale.ROOT, "replaying %d samples as %s to %s at speed %s%n", recording.size(), topic.name(),
                    endpoint, speed == 0 ? "max" : speed + "x");
            try (SessionPublisher publisher = new SessionPublisher(endpoint, "replay-" + UUID.randomUUID(), format, speed)) {
                long every = Math.max(1, batches.size() / 100);
                publisher.publishBatches(batches, sent -> {
                    if (sent % every == 0 || sent == batches.size()) {
                        progress.print(ProgressBar.render(sent, batches.size()));
                    }
                });
            }
            progress.println();
            return 0;
        } catch (IllegalArgumentException | RecordingFormatException e) {
            progress.println("tempostream replay: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            progress.println("tempostream replay: no such file: " + e.getFile());
            return 2;
        } catch (IOException e) {
            progress.println("tempostream replay: cannot read input: " + e.getMessage());
            return 2;
        } catch (MqttException e) {
            progress.println("tempostream replay: MQTT broker: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    static Recording read(Flags flags) throws IOException, RecordingFormatException {
        boolean csv = flags.has("csv");
        boolean metawear = flags.has("metawear-accel") || flags.has("metawear-gyro");
        if (csv == metawear) {
            throw new IllegalArgumentException("give either --csv FILE or --metawear-accel FILE --metawear-gyro FILE");
        }
        if (csv) {
            return RecordingCsv.read(Path.of(flags.get("csv").orElseThrow()));
        }
        if (!flags.has("metawear-accel") || !flags.has("metawear-gyro")) {
            throw new IllegalArgumentException("--metawear-accel and --metawear-gyro go together");
        }
        return MetaWearCsv.read(Path.of(flags.get("metawear-accel").orElseThrow()),
                Path.of(flags.get("metawear-gyro").orElseThrow()));
    }
}
