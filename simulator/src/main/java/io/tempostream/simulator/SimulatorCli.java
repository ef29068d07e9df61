package io.tempostream.simulator;

import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.config.Flags;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.recording.RecordingCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import io.tempostream.ingest.ImuBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttException;

/** {@code tempostream simulate}: publish simulated wrist-worn rows to an MQTT broker. */
public final class SimulatorCli {
    static final String USAGE = """
            Usage: tempostream simulate [flags]
              Publishes simulated training to MQTT, in real time or faster: sets of one exercise by flags,
  or whole workouts from session scripts.

              --mqtt-url URL     broker (default tcp://127.0.0.1:1883; MQTT_USERNAME/MQTT_PASSWORD from env)
              --exercise NAME    dumbbell-row (default), seated-cable-row, pendlay-row, face-pull,
                                 band-face-pull, prone-y-raise, scapular-squeeze, squat, bench; the
                                 names of session scripts, the exercise topic and analyze --exercise
              --placement P      wrist (default) or back: where the sensor is worn
              --athletes N       athletes, each with one sensor (wrist-1 or back-1; default 1)
              --sets N           sets per athlete (default 2)
              --reps N           reps per set (default 8)
              --tempo C-H-E-P    concentric, peak hold, eccentric, bottom pause in s (default 3-1-3-0)
              --rom-deg DEG      range of motion of wrist rows (default 70)
              --rest-s S         rest between sets, at least 16 s (default 30)
              --rate HZ          sample rate, 12.5–200 (default 100)
              --batch N          samples per MQTT message (default 10)
              --format F         binary or json (default binary)
              --speed X          1 real time, 10 ten times faster, 0 as fast as possible (default 1)
              --seed N           random seed; the same seed gives the same data (default 42)
              --truth FILE       write every rep's true phase boundaries as CSV
              --session F[,F…]   play session scripts instead (one device each; see simulator/sessions/)
              --program FILE     play weeks of sessions on their days (see simulator/programs/); with
                                 --record-dir also writes the weeks' truth (DIR/truth-weeks.csv)
              --drop R           lose this share of messages (0–0.5)
              --duplicate R      send this share twice, as QoS 1 redelivery does
              --reorder R        swap this share with the next message
              --clock-skew-ms MS shift every device's clock (athlete-2 gets 2×, athlete-3 3×, …)
              --silent-at-s S    each device goes silent S seconds in … (with --silent-for-s)
              --silent-for-s S   … for S seconds
              --load-devices N   load mode: N devices (load-0 … load-N-1) at --rate for --duration-s,
                                 over --connections MQTT connections (default 8), QoS 0, wall-clock times
              --record-dir DIR   also write each device's samples as a recording CSV
                                 (DIR/{athlete}_{device}.csv) and the truth (DIR/truth.csv)

            Examples:
              tempostream simulate --athletes 3 --speed 10
              tempostream simulate --tempo 2-2-2-1 --format json --truth truth.csv
              tempostream simulate --speed 0 --record-dir recordings/
              tempostream simulate --session simulator/sessions/week3-tempo-rows.json --speed 20
              tempostream simulate --program simulator/programs/six-weeks.json --speed 0
              tempostream simulate --load-devices 2000 --rate 100 --duration-s 300
            """;

    static final String TRUTH_HEADER =
            "athlete,device,exercise,set,rep,start_ms,end_ms,concentric_ms,peak_hold_ms,eccentric_ms,bottom_pause_ms,rom_deg";

    private SimulatorCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return 0;
        }
        Set<String> flagNames = new HashSet<>(WorkoutOptions.FLAGS);
        flagNames.addAll(Set.of("mqtt-url", "format", "speed", "truth", "record-dir", "session", "program", "drop", "duplicate",
                "reorder", "clock-skew-ms", "silent-at-s", "silent-for-s", "load-devices", "connections", "duration-s"));
        try {
            Flags flags = Flags.parse(args, flagNames, Set.of());
            WorkoutOptions workout = WorkoutOptions.fromFlags(flags, 1, 2, 8);
            MqttEndpoint endpoint = MqttEndpoint.fromEnvironment(flags.get("mqtt-url", "tcp://127.0.0.1:1883"));
            if (flags.has("load-devices")) {
                LoadGenerator load = new LoadGenerator(endpoint, flags.getInt("load-devices", 1, 1, 100_000),
                        flags.getInt("connections", 8, 1, 256), workout.sampleRateHz(), workout.batchSize(), workout.seed());
                long sent = load.run(Math.round(flags.getDouble("duration-s", 60, 1, 86_400) * 1000), System.err);
                System.err.printf(Locale.ROOT, "load: %d messages sent%n", sent);
                return 0;
            }
            PayloadFormat format = parseFormat(flags.get("format", "binary"));
            double speed = flags.getDouble("speed", 1, 0, 1000);
            ProgramScript program = flags.has("program") ? ProgramScript.read(Path.of(flags.get("program").orElseThrow())) : null;
            List<SimulatedDevice> devices = program != null ? List.of(program.simulate(workout.seed()))
                    : flags.has("session") ? sessions(flags.get("session").orElseThrow(), workout.seed())
                    : workout.simulate(System.currentTimeMillis());
            if (flags.has("truth")) {
                writeTruth(Path.of(flags.get("truth").orElseThrow()), devices);
            }
            if (flags.has("record-dir")) {
                Path dir = flags.outputDirectory("record-dir").orElseThrow();
                for (SimulatedDevice device : devices) {
                    try (Writer out = Files.newBufferedWriter(dir.resolve(device.athleteId() + "_" + device.deviceId() + ".csv"))) {
                        RecordingCsv.write(device.toRecording(), out, "simulated by tempostream simulate " + String.join(" ", args));
                    }
                }
                writeTruth(dir.resolve("truth.csv"), devices);
                writeSetTruth(dir.resolve("truth-sets.csv"), devices);
                if (program != null) {
                    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("truth-weeks.csv")))) {
                        ProgramTruth.write(ProgramTruth.weeks(program, devices.get(0)), out);
                    }
                }
            }
            FaultPlan faults = new FaultPlan(flags.getDouble("drop", 0, 0, 0.5), flags.getDouble("duplicate", 0, 0, 0.5),
                    flags.getDouble("reorder", 0, 0, 0.5), 0,
                    Math.round(flags.getDouble("silent-at-s", -1, -1, 86_400) * 1000),
                    Math.round(flags.getDouble("silent-for-s", 0, 0, 86_400) * 1000));
            long skewMs = flags.getLong("clock-skew-ms", 0, -3_600_000, 3_600_000);
            List<ImuBatch> toSend = interleavePreservingOrder(devices, faults, skewMs, workout.seed());
            long total = toSend.size();
            System.err.printf(Locale.ROOT, "publishing %d messages from %d device(s) to %s at speed %s%n",
                    total, devices.size(), endpoint, speed == 0 ? "max" : speed + "x");
            try (SessionPublisher publisher = new SessionPublisher(endpoint, "simulator-" + UUID.randomUUID(), format, speed)) {
                // Said on the device's own clock, skewed as its samples are.
                List<io.tempostream.ingest.ExerciseSelection> selections = new ArrayList<>();
                for (int i = 0; i < devices.size(); i++) {
                    long shift = skewMs * (i + 1);
                    devices.get(i).selections().forEach(x -> selections.add(new io.tempostream.ingest.ExerciseSelection(
                            x.athleteId(), x.deviceId(), x.fromMs() + shift, x.exercise())));
                }
                publisher.publishInOrder(toSend, selections, sent -> {
                    if (sent % 100 == 0 || sent == total) {
                        System.err.print(ProgressBar.render(sent, total));
                    }
                });
            }
            System.err.println();
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("tempostream simulate: " + e.getMessage());
            System.err.println("Run 'tempostream simulate --help' for the flags.");
            return 2;
        } catch (MqttException e) {
            System.err.println("tempostream simulate: MQTT broker: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("tempostream simulate: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** Each device's faulty sequence, merged by time without undoing the faults' reordering. */
    static List<ImuBatch> interleavePreservingOrder(List<SimulatedDevice> devices, FaultPlan faults, long skewMs, long seed) {
        List<List<ImuBatch>> perDevice = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            perDevice.add(new FaultPlan(faults.dropRate(), faults.duplicateRate(), faults.reorderRate(), skewMs * (i + 1),
                    faults.silentFromMs(), faults.silentForMs()).apply(devices.get(i).batches(), seed + i));
        }
        List<ImuBatch> merged = new ArrayList<>();
        int[] next = new int[perDevice.size()];
        while (true) {
            int best = -1;
            for (int d = 0; d < perDevice.size(); d++) {
                if (next[d] < perDevice.get(d).size() && (best < 0 || perDevice.get(d).get(next[d]).lastTimestampMs()
                        < perDevice.get(best).get(next[best]).lastTimestampMs())) {
                    best = d;
                }
            }
            if (best < 0) {
                return merged;
            }
            merged.add(perDevice.get(best).get(next[best]++));
        }
    }

    static List<SimulatedDevice> sessions(String files, long seed) throws IOException {
        long now = System.currentTimeMillis();
        List<SimulatedDevice> devices = new java.util.ArrayList<>();
        String[] paths = files.split(",");
        for (int i = 0; i < paths.length; i++) {
            devices.add(ExerciseSimulator.simulate(SessionScript.read(Path.of(paths[i].strip())), now, seed + i));
        }
        return devices;
    }

    static PayloadFormat parseFormat(String name) {
        try {
            return PayloadFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be binary or json, got '" + name + "'");
        }
    }

    /** One line per set: its exercise, reps and span, derived from the reps' truth. */
    static void writeSetTruth(Path file, List<SimulatedDevice> devices) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("athlete,device,exercise,set,reps,start_ms,end_ms");
            for (SimulatedDevice device : devices) {
                java.util.Map<Integer, List<RepTruth>> bySet = new java.util.TreeMap<>();
                device.reps().forEach(r -> bySet.computeIfAbsent(r.set(), k -> new ArrayList<>()).add(r));
                bySet.forEach((set, reps) -> out.printf(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%d%n", device.athleteId(),
                        device.deviceId(), reps.get(0).exercise(), set, reps.size(), reps.get(0).startMs(),
                        reps.get(reps.size() - 1).endMs()));
            }
        }
    }

    static void writeTruth(Path file, List<SimulatedDevice> devices) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println(TRUTH_HEADER);
            for (SimulatedDevice device : devices) {
                for (RepTruth r : device.reps()) {
                    out.printf(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%d,%d,%d,%d,%d,%.1f%n", r.athleteId(), r.deviceId(),
                            r.exercise(), r.set(), r.rep(), r.startMs(), r.endMs(), r.concentricMs(), r.peakHoldMs(),
                            r.eccentricMs(), r.bottomPauseMs(), r.romDeg());
                }
            }
        }
    }
}
