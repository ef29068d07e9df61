package io.tempostream.analytics.cli;

import io.tempostream.analytics.influx.InfluxConnection;
import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.config.Flags;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.simulator.LoadGenerator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * {@code tempostream loadtest}: the end-to-end load benchmark (docs/benchmarks.md). The
 * simulator's load mode drives N devices through the broker into a job started separately
 * ({@code tempostream run}); this command watches InfluxDB meanwhile. A rep's latency is the wall
 * clock from its true end (the simulator's ground truth) to the first query that finds its point
 * in InfluxDB, so it is an upper bound, by at most one poll; and, as the athlete's phone would
 * hear it, to its first message on the athlete's feedback topic ({@link FeedbackListener}). With {@code --broker-only} a Paho
 * subscriber that does nothing takes the job's place: the broker's own ceiling on this machine.
 */
public final class LoadTestCommand {
    static final String USAGE = """
            Usage: tempostream loadtest --devices N [flags]

            Drives N simulated devices (athletes load-0 … load-N-1, rows at 3-1-3-0) through the broker
            into a running job (start it first: tempostream run --influx-db DB) and measures, from
            InfluxDB: the samples the job took in, its event-time lag, and each sampled rep's latency
            from its true end to its point being queryable (p50, p95, p99); and, subscribed to the
            sampled athletes' feedback topics as their phones would be, to its first message there.

              --devices N          devices at once (required)
              --duration-s S       how long to send (default 300)
              --rate HZ            samples per second per device (default 100)
              --batch N            samples per message (default 10)
              --placement P        back (rows found by rotation) or wrist (rows found by travel); default back
              --connections N      MQTT connections the devices share (default 8)
              --sample-devices N   devices whose reps are timed (default 50)
              --poll-ms MS         how often InfluxDB is asked for new reps (default 100)
              --settle-s S         how long to keep watching after the load stops (default 15)
              --mqtt-url URL       broker (default tcp://127.0.0.1:1883)
              --influx-url URL     InfluxDB (default http://127.0.0.1:8086)
              --influx-db DB       the job's database (default tempostream)
              --selected           each device's app selects the exercise (rows) before its first sample,
                                   as the phone page does: the engine then offers a set's first rep alone
              --lost-percent P     each device loses P % of its messages at random (not sent), as QoS 0
                                   over a weak radio link does (default 0)
              --broker-only        no job: a Paho subscriber that only counts takes its place
              --flood-bytes B      also one more device (athlete "flood") sending B-byte payloads (ten valid
                                   samples and a padding field) as fast as the broker takes them: how one
                                   device's flood delays everyone else (docs/benchmarks.md)
              --flood-qos Q        1 (default): each flood message waits for the broker's acknowledgement;
                                   0: sent as fast as the connection takes them

            Example:
              tempostream run --influx-db load &
              tempostream loadtest --devices 2000 --duration-s 300 --influx-db load
            """;

    private static final Set<String> FLAGS = Set.of("devices", "duration-s", "rate", "batch", "placement", "connections",
            "sample-devices", "poll-ms", "settle-s", "mqtt-url", "influx-url", "influx-db", "flood-bytes", "flood-qos",
            "lost-percent");
    /** A rep found within this of a true end is that rep. */
    private static final long MATCH_MS = 1_500;
    /** Reps ending this close to the end of the load are not timed: nothing follows to confirm them. */
    private static final long UNTIMED_AT_END_MS = 5_000;
    /** Sampled reps are looked for among points started this long before the poll. */
    private static final long LOOK_BACK_S = 60;

    private static final String UNTIMED = "reps ending in the last 5 s of the load are not timed)";

    private LoadTestCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Flags flags = Flags.parse(args, FLAGS, Set.of("broker-only", "selected"));
        if (!flags.has("devices")) {
            throw new IllegalArgumentException("--devices is required (how many simulated devices send at once)");
        }
        int devices = flags.getInt("devices", 1, 1, 100_000);
        long durationMs = Math.round(flags.getDouble("duration-s", 300, 1, 86_400) * 1000);
        double rate = flags.getDouble("rate", 100, 1, 1000);
        int batch = flags.getInt("batch", 10, 1, 1000);
        Placement placement = placement(flags.get("placement", "back"));
        MqttEndpoint endpoint = MqttEndpoint.fromEnvironment(flags.get("mqtt-url", "tcp://127.0.0.1:1883"));
        LoadGenerator load = new LoadGenerator(endpoint, devices, flags.getInt("connections", 8, 1, 256), rate, batch,
                placement, 42);
        if (flags.has("selected")) {
            load.selectingTheExercise();
        }
        int lostPercent = flags.getInt("lost-percent", 0, 0, 50);
        load.losing(lostPercent);
        out.printf(Locale.ROOT, "load test: %d devices (%s, rows at 3-1-3-0%s%s), %.0f Hz, %d samples per message, %d s%n",
                devices, placement.name().toLowerCase(Locale.ROOT), flags.has("selected") ? ", selected" : "",
                lostPercent > 0 ? ", " + lostPercent + " % of messages lost" : "", rate, batch,
                durationMs / 1000);
        if (flags.has("broker-only")) {
            return brokerOnly(load, endpoint, durationMs, batch, out, err);
        }
        InfluxOptions influx = InfluxOptions.fromEnvironment(flags.get("influx-url", "http://127.0.0.1:8086"),
                flags.get("influx-db", "tempostream"));
        int sampled = Math.min(devices, flags.getInt("sample-devices", 50, 1, 1000));
        long pollMs = flags.getLong("poll-ms", 100, 10, 10_000);
        long settleMs = Math.round(flags.getDouble("settle-s", 15, 0, 600) * 1000);
        Flood flood = flags.has("flood-bytes")
                ? new Flood(endpoint, flags.getInt("flood-bytes", 0, 100, 64 * 1024 * 1024), flags.getInt("flood-qos", 1, 0, 1),
                        durationMs) : null;
        Map<String, Integer> sampledDevice = sampledDevices(devices, sampled);
        FeedbackListener feedback = FeedbackListener.start(endpoint, sampledDevice, err);
        try (InfluxDB db = InfluxConnection.open(influx)) {
            if (flood != null) {
                flood.start();
            }
            int status = pipeline(load, db, influx.database(), sampledDevice, feedback, durationMs, pollMs, settleMs, batch,
                    out, err);
            if (flood != null) {
                out.println(flood.report());
            }
            return status;
        } finally {
            if (feedback != null) {
                feedback.close();
            }
        }
    }

    /** Every so many devices' athlete id, and the device's number, up to {@code sampled} of them. */
    private static Map<String, Integer> sampledDevices(int devices, int sampled) {
        int every = Math.max(1, devices / sampled);
        Map<String, Integer> sampledDevice = new HashMap<>();
        for (int d = 0; d < devices && sampledDevice.size() < sampled; d += every) {
            sampledDevice.put(LoadGenerator.athleteId(d), d);
        }
        return sampledDevice;
    }

    private static Placement placement(String name) {
        return switch (name) {
            case "back" -> Placement.BACK;
            case "wrist" -> Placement.WRIST;
            default -> throw new IllegalArgumentException("--placement must be back or wrist, got '" + name + "'");
        };
    }

    /** Sends the load while polling InfluxDB for the sampled devices' reps; prints the report. */
    private static int pipeline(LoadGenerator load, InfluxDB db, String database, Map<String, Integer> sampledDevice,
            FeedbackListener feedback, long durationMs, long pollMs, long settleMs, int batch, PrintStream out,
            PrintStream err) throws Exception {
        String athletes = "/^(" + String.join("|", sampledDevice.keySet()) + ")$/";
        AtomicLong sent = new AtomicLong(-1);
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread sender = new Thread(() -> {
            try {
                sent.set(load.run(durationMs, err));
            } catch (Exception e) {
                failed.set(e);
            }
        }, "load-generator");
        sender.start();
        Set<String> found = new HashSet<>();
        List<SeenRep> seen = new ArrayList<>();
        long stopAt = Long.MAX_VALUE;
        while (System.currentTimeMillis() < stopAt) {
            long askedAt = System.currentTimeMillis();
            QueryResult result = db.query(new Query("SELECT \"end_ms\", \"provisional\" FROM \"rep\" WHERE time > now() - " + LOOK_BACK_S
                    + "s AND \"athlete\" =~ " + athletes + " GROUP BY \"athlete\"", database), TimeUnit.MILLISECONDS);
            for (QueryResult.Result r : result.getResults()) {
                if (r.getSeries() == null) {
                    continue;
                }
                for (QueryResult.Series series : r.getSeries()) {
                    String athlete = series.getTags().get("athlete");
                    for (List<Object> row : series.getValues()) {
                        if (row.get(0) == null || row.get(1) == null) {
                            continue; // read while its point was being rewritten; the next poll has it
                        }
                        long startMs = ((Number) row.get(0)).longValue();
                        if (found.add(athlete + "@" + startMs)) {
                            seen.add(new SeenRep(sampledDevice.get(athlete), ((Number) row.get(1)).longValue(), askedAt,
                                    Boolean.TRUE.equals(row.get(2))));
                        }
                    }
                }
            }
            if (stopAt == Long.MAX_VALUE && !sender.isAlive()) {
                stopAt = System.currentTimeMillis() + settleMs;
            }
            Thread.sleep(Math.max(0, pollMs - (System.currentTimeMillis() - askedAt)));
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        long startMs = load.startMs();
        long endMs = startMs + durationMs;
        report(load, db, database, sampledDevice, seen, sent.get(), batch, startMs, endMs, out);
        if (feedback != null) {
            out.println("the athletes' feedback topics (as a phone subscribed to them hears it):");
            latencies(load, sampledDevice, feedback.seen(), "on their feedback topics",
                    "rep's true end → its message on the athlete's feedback topic, s (" + UNTIMED, startMs, endMs, out);
        }
        return 0;
    }

    private static void report(LoadGenerator load, InfluxDB db, String database, Map<String, Integer> sampledDevice,
            List<SeenRep> seen, long sentMessages, int batch, long startMs, long endMs, PrintStream out) {
        double seconds = (endMs - startMs) / 1000.0;
        long sentSamples = sentMessages * batch;
        out.printf(Locale.ROOT, "sent:        %,d samples (%,.0f samples/s, %,d messages)%n", sentSamples, sentSamples / seconds,
                sentMessages);
        // The job reports its intake every 10 s, so the reports from 15 s in to the end give its
        // steady rate (its last interval, reported up to 11 s after the load stops, is left out).
        double[] intake = intake(db, database, startMs + 15_000, endMs + 1_000);
        out.printf(Locale.ROOT, "job took in: %,.0f samples/s over its reports from 15 s in (%.0f s), %.2f %% of the rate sent%n",
                intake[0], intake[1], sentSamples == 0 ? 0 : 100.0 * intake[0] / (sentSamples / seconds));
        out.println("event-time lag, largest per 30 s (job's newest sample against the wall clock), s:");
        out.println("  " + lagPerWindow(db, database, startMs, endMs));

        latencies(load, sampledDevice, seen, "found in InfluxDB", "rep's true end → its point queryable in InfluxDB, s"
                + " (upper bound, by at most one poll; " + UNTIMED, startMs, endMs, out);
    }

    /**
     * Matches the reps seen to the sampled devices' true reps and prints how long after each true
     * end it was first seen: all, by place in the set, provisional or final, per minute, the slowest.
     */
    private static void latencies(LoadGenerator load, Map<String, Integer> sampledDevice, List<SeenRep> seen, String where,
            String what, long startMs, long endMs, PrintStream out) {
        Map<Integer, List<LoadGenerator.TrueRep>> truth = new HashMap<>();
        DescriptiveStatistics all = new DescriptiveStatistics();
        DescriptiveStatistics inside = new DescriptiveStatistics();
        DescriptiveStatistics last = new DescriptiveStatistics();
        DescriptiveStatistics firstInSet = new DescriptiveStatistics();
        DescriptiveStatistics provisional = new DescriptiveStatistics();
        DescriptiveStatistics finalFirst = new DescriptiveStatistics();
        DescriptiveStatistics endError = new DescriptiveStatistics();
        Map<Long, DescriptiveStatistics> perMinute = new java.util.TreeMap<>();
        Set<String> matched = new HashSet<>();
        List<String> slowest = new ArrayList<>();
        List<Double> slowestLatency = new ArrayList<>();
        for (SeenRep rep : seen) {
            List<LoadGenerator.TrueRep> reps = truth.computeIfAbsent(rep.device(), d -> load.trueReps(d, startMs, endMs));
            LoadGenerator.TrueRep nearest = null;
            for (LoadGenerator.TrueRep t : reps) {
                if (nearest == null || Math.abs(t.endMs() - rep.endMs()) < Math.abs(nearest.endMs() - rep.endMs())) {
                    nearest = t;
                }
            }
            if (nearest == null || Math.abs(nearest.endMs() - rep.endMs()) > MATCH_MS
                    || !matched.add(rep.device() + "@" + nearest.endMs()) || nearest.endMs() > endMs - UNTIMED_AT_END_MS) {
                // (A rep that ends as the load stops is confirmed only by the device's silence.)
                continue;
            }
            double latency = (rep.seenAtMs() - nearest.endMs()) / 1000.0;
            int at = 0;
            while (at < slowestLatency.size() && slowestLatency.get(at) >= latency) {
                at++;
            }
            if (at < 5) {
                slowestLatency.add(at, latency);
                slowest.add(at, String.format(Locale.ROOT, "%.2f s (%s rep %d, %.0f s in)", latency,
                        LoadGenerator.athleteId(rep.device()), nearest.rep(), (nearest.endMs() - startMs) / 1000.0));
            }
            all.addValue(latency);
            (nearest.lastInSet() ? last : inside).addValue(latency);
            if (nearest.rep() == 1) {
                firstInSet.addValue(latency);
            }
            (rep.provisional() ? provisional : finalFirst).addValue(latency);
            endError.addValue(Math.abs(rep.endMs() - nearest.endMs()));
            perMinute.computeIfAbsent((nearest.endMs() - startMs) / 60_000, m -> new DescriptiveStatistics()).addValue(latency);
        }
        long truthCount = 0;
        for (int d : sampledDevice.values()) {
            truthCount += load.trueReps(d, startMs, endMs - 5_000).size();
        }
        long matchedByThen = matched.stream().filter(k -> Long.parseLong(k.substring(k.indexOf('@') + 1)) <= endMs - 5_000).count();
        out.printf(Locale.ROOT, "reps of %d sampled devices: %d %s, %d matched to a true rep (end within %.1f s,"
                + " median %.0f ms off); %d of the %d true reps that ended 5 s or more before the load stopped%n",
                sampledDevice.size(), seen.size(), where, matched.size(), MATCH_MS / 1000.0,
                endError.getN() == 0 ? 0 : endError.getPercentile(50), matchedByThen, truthCount);
        out.println("latency, " + what + ":");
        out.println("  " + percentiles("every rep", all));
        out.println("  " + percentiles("inside a set", inside));
        out.println("  " + percentiles("a set's last rep", last));
        out.println("  " + percentiles("a set's first rep", firstInSet));
        out.println("  " + percentiles("seen provisional", provisional));
        out.println("  " + percentiles("seen final first", finalFirst));
        StringBuilder minutes = new StringBuilder("  p99 per minute of the run:");
        perMinute.forEach((m, s) -> minutes.append(String.format(Locale.ROOT, " %.2f", s.getPercentile(99))));
        out.println(minutes);
        out.println("  slowest: " + String.join(", ", slowest.subList(0, Math.min(5, slowest.size()))));
    }

    private static String percentiles(String what, DescriptiveStatistics s) {
        if (s.getN() == 0) {
            return String.format(Locale.ROOT, "%-17s no reps", what);
        }
        return String.format(Locale.ROOT, "%-17s n %5d   p50 %.2f   p95 %.2f   p99 %.2f   max %.2f", what, s.getN(),
                s.getPercentile(50), s.getPercentile(95), s.getPercentile(99), s.getMax());
    }

    /**
     * The job's intake in samples/s over its reports between the two times, and the seconds they
     * cover. Each reader reports its own intervals (tag {@code subtask}), side by side: their
     * rates add up, their intervals do not (summed over two readers, the rate came out halved).
     */
    static double[] intake(InfluxDB db, String database, long fromMs, long toMs) {
        QueryResult result = db.query(new Query("SELECT sum(\"samples\"), sum(\"interval_ms\") FROM \"health\" WHERE \"stage\" = "
                + "'ingest' AND time >= " + fromMs + "ms AND time <= " + toMs + "ms GROUP BY \"subtask\"", database));
        double rate = 0;
        double seconds = 0;
        for (QueryResult.Result r : result.getResults()) {
            for (QueryResult.Series reader : r.getSeries() == null ? List.<QueryResult.Series>of() : r.getSeries()) {
                List<Object> row = reader.getValues().get(0);
                double readerSamples = ((Number) row.get(1)).doubleValue();
                double readerSeconds = ((Number) row.get(2)).doubleValue() / 1000;
                rate += readerSeconds == 0 ? 0 : readerSamples / readerSeconds;
                seconds = Math.max(seconds, readerSeconds);
            }
        }
        return new double[] {rate, seconds};
    }

    private static String lagPerWindow(InfluxDB db, String database, long startMs, long endMs) {
        QueryResult result = db.query(new Query("SELECT max(\"event_time_lag_ms\") FROM \"health\" WHERE time >= " + startMs
                + "ms AND time < " + endMs + "ms GROUP BY time(30s) fill(none)", database));
        List<String> lags = new ArrayList<>();
        for (QueryResult.Result r : result.getResults()) {
            if (r.getSeries() != null) {
                for (List<Object> row : r.getSeries().get(0).getValues()) {
                    lags.add(String.format(Locale.ROOT, "%.1f", ((Number) row.get(1)).doubleValue() / 1000));
                }
            }
        }
        return lags.isEmpty() ? "no health points (is the job running and writing to this database?)" : String.join(" ", lags);
    }

    /** The broker's ceiling: a subscriber that only counts, in place of the job. */
    private static int brokerOnly(LoadGenerator load, MqttEndpoint endpoint, long durationMs, int batch, PrintStream out,
            PrintStream err) throws Exception {
        AtomicLong received = new AtomicLong();
        MqttClient client = new MqttClient(endpoint.serverUri(), "loadtest-count-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            client.connect(endpoint.connectionOptions());
            IMqttMessageListener count = (topic, message) -> received.incrementAndGet();
            client.subscribe(new MqttSubscription[] {new MqttSubscription("tempostream/+/+/imu", 0)},
                    new IMqttMessageListener[] {count});
            long sent = load.run(durationMs, err);
            Thread.sleep(2_000); // what is still on its way
            double seconds = durationMs / 1000.0;
            out.printf(Locale.ROOT, "sent:     %,d messages (%,.0f messages/s, %,.0f samples/s)%n", sent, sent / seconds,
                    sent * batch / seconds);
            out.printf(Locale.ROOT, "received: %,d messages (%,.0f messages/s, %.2f %% of those sent)%n", received.get(),
                    received.get() / seconds, sent == 0 ? 0 : 100.0 * received.get() / sent);
            return 0;
        } finally {
            client.disconnect();
            client.close();
        }
    }
}
