package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.InvalidPayloadException;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.mqtt.MqttRecord;
import io.tempostream.ingest.testing.LocalFlink;
import io.tempostream.simulator.DeviceSession;
import io.tempostream.simulator.SetPlan;
import io.tempostream.simulator.WristRowSimulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 100 000 random and mutated payloads and topics, interleaved with one athlete's real session, run
 * through the whole job on a MiniCluster: the job survives, every payload the decoder refuses comes
 * out of the rejected side output with its reason, and the real athlete's reps are exactly those of
 * a run without the fuzz.
 */
class FuzzedPayloadsIT {
    private static final int FUZZ = 100_000;
    private static final long SEED = 20261125;
    private static final String VALID_TOPIC = "tempostream/valid/wrist/imu";

    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(1);

    @Test
    void hostilePayloadsAreRejectedAndCountedAndTheValidStreamIsUnaffected() throws Exception {
        List<byte[]> valid = validSession();
        List<String> clean = run(new Interleaving(valid, 0));
        List<String> fuzzed = run(new Interleaving(valid, FUZZ));

        List<String> cleanReps = clean.stream().filter(s -> s.startsWith("rep ")).toList();
        List<String> fuzzedReps = fuzzed.stream().filter(s -> s.startsWith("rep ")).toList();
        assertEquals(16, cleanReps.size(), "the valid session's reps without fuzz: " + cleanReps);
        assertEquals(cleanReps, fuzzedReps, "the valid athlete's reps are untouched by the fuzz");

        // The decoder itself is the oracle for which fuzz payloads are invalid; the job must refuse
        // exactly those, each with a reason, and keep going.
        Interleaving interleaving = new Interleaving(valid, FUZZ);
        TreeMap<String, Integer> expectedByReason = new TreeMap<>();
        int accepted = 0;
        for (long i = 0; i < interleaving.total(); i++) {
            MqttRecord record = interleaving.map(i);
            try {
                ImuBatchCodec.decode(record.topic(), record.payload());
                // Only the real session and bytes flipped inside a fuzz device's valid batch (a
                // different but plausible sample) may decode.
                assertTrue(interleaving.mayDecode(i), "message " + i + " on '" + record.topic() + "' was accepted");
                accepted++;
            } catch (InvalidPayloadException e) {
                expectedByReason.merge(e.reason().metricName(), 1, Integer::sum);
            }
        }
        TreeMap<String, Integer> rejectedByReason = new TreeMap<>();
        fuzzed.stream().filter(s -> s.startsWith("rejected ")).forEach(s -> rejectedByReason.merge(s.substring(9), 1, Integer::sum));
        assertEquals(expectedByReason, rejectedByReason, "rejections per reason");
        int rejected = rejectedByReason.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(interleaving.total(), rejected + accepted);
        assertTrue(rejected > 0.8 * FUZZ, rejected + " of " + FUZZ + " fuzz payloads rejected");
    }

    private static List<String> run(Interleaving interleaving) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DataGeneratorSource<MqttRecord> source = new DataGeneratorSource<>(interleaving, interleaving.total(),
                RateLimiterStrategy.noOp(), TypeInformation.of(MqttRecord.class));
        TempoStreamJob.Outputs outputs = new TempoStreamJob(source, new DiscardingSink<>(), 500).addWithOutputs(env);
        // One collector for both outputs: two would each need draining, or the job stalls.
        DataStream<String> reps = outputs.reps().filter(r -> r.athleteId().equals("valid")).map(FuzzedPayloadsIT::describe);
        DataStream<String> rejected = outputs.rejected().map(r -> "rejected " + r.reason().metricName());
        List<String> all = new ArrayList<>();
        try (CloseableIterator<String> it = reps.union(rejected).executeAndCollect("fuzzed payloads IT")) {
            it.forEachRemaining(all::add);
        }
        return all;
    }

    private static String describe(Rep r) {
        return "rep " + r.set() + "/" + r.rep() + " " + r.startMs() + "-" + r.endMs() + " " + r.concentricMs() + "/"
                + r.peakHoldMs() + "/" + r.eccentricMs() + "/" + r.bottomPauseMs();
    }

    private static List<byte[]> validSession() {
        TempoPrescription tempo = TempoPrescription.parse("2-1-2-0");
        List<byte[]> payloads = new ArrayList<>();
        for (ImuBatch batch : WristRowSimulator.simulate(new DeviceSession("valid", "wrist", Placement.WRIST,
                1_764_000_000_000L, 50, 10, 3_000, List.of(new SetPlan(8, tempo, 70, 20_000), new SetPlan(8, tempo, 70, 5_000)),
                0.05, SEED)).batches()) {
            payloads.add(ImuBatchCodec.encode(batch, PayloadFormat.BINARY));
        }
        return payloads;
    }

    /**
     * Message {@code i} of the run: the valid session's batches spread evenly, fuzz in between. Fuzz is
     * made from {@code i} alone, so the generator needs nothing but the valid payloads (no 100 000
     * messages shipped in the job graph).
     */
    private record Interleaving(List<byte[]> valid, int fuzz) implements GeneratorFunction<Long, MqttRecord> {
        long total() {
            return valid.size() + (long) fuzz;
        }

        @Override
        public MqttRecord map(Long index) {
            long i = index;
            long stride = total() / valid.size();
            if (i % stride == 0 && i / stride < valid.size()) {
                return new MqttRecord(VALID_TOPIC, valid.get((int) (i / stride)), 0);
            }
            Random random = new Random(SEED * 1_000_003 + i);
            byte[] template = valid.get(random.nextInt(valid.size()));
            return switch (random.nextInt(6)) {
                case 0 -> new MqttRecord(randomTopic(random), randomBytes(random), 0);
                case 1 -> new MqttRecord(VALID_TOPIC, randomBytes(random), 0); // garbage on the real athlete's topic
                case 2 -> new MqttRecord(fuzzDeviceTopic(random), mutated(template, random), 0);
                case 3 -> new MqttRecord(fuzzDeviceTopic(random), mutatedJson(random), 0);
                case 4 -> new MqttRecord(randomTopic(random), template, 0); // a good payload on a bad topic
                default -> new MqttRecord(VALID_TOPIC, truncatedOrPadded(template, random), 0);
            };
        }

        /** The real session's messages, and byte flips inside a valid batch (kind 2), can be valid. */
        boolean mayDecode(long i) {
            long stride = total() / valid.size();
            if (i % stride == 0 && i / stride < valid.size()) {
                return true;
            }
            Random random = new Random(SEED * 1_000_003 + i);
            random.nextInt(valid.size()); // the same draws as map(): the template, then the kind
            return random.nextInt(6) == 2;
        }

        private static String fuzzDeviceTopic(Random random) {
            return "tempostream/fuzz-" + random.nextInt(20) + "/dev/imu";
        }

        private static String randomTopic(Random random) {
            String[] shapes = {"", "/", "tempostream", "tempostream/a/b", "tempostream/a/b/imu/extra", "tempostream/+/#/imu",
                "tempostream/ä ö/x/imu", "tempostream/a\nb/c/imu", "tempostream/" + "x".repeat(70) + "/d/imu",
                "tempostream/a/b/IMU", "$SYS/broker", "tempostream//wrist/imu"};
            return random.nextBoolean() ? shapes[random.nextInt(shapes.length)]
                    : new String(randomBytes(random), StandardCharsets.ISO_8859_1);
        }

        private static byte[] randomBytes(Random random) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            return bytes;
        }

        private static byte[] mutated(byte[] template, Random random) {
            byte[] bytes = template.clone();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            return bytes;
        }

        private static byte[] truncatedOrPadded(byte[] template, Random random) {
            int length = random.nextBoolean() ? random.nextInt(template.length) : template.length + 1 + random.nextInt(50);
            byte[] bytes = java.util.Arrays.copyOf(template, length);
            if (length > template.length) {
                for (int k = template.length; k < length; k++) {
                    bytes[k] = (byte) random.nextInt(256);
                }
            }
            return bytes;
        }

        private static byte[] mutatedJson(Random random) {
            String[] shapes = {"{", "{}", "[]", "null", "{\"v\":1}", "{\"t0\":\"x\"}", "{\"samples\":[[1,2]]}",
                "{\"t0\":1764000000000,\"dt\":-10,\"ax\":[1e999]}", "{\"t0\":9e30}", "\"\\ud800\"",
                "{\"ax\":[" + "1,".repeat(2_000) + "1]}"};
            String s = shapes[random.nextInt(shapes.length)];
            return (random.nextBoolean() ? s : s.substring(0, random.nextInt(s.length() + 1))).getBytes(StandardCharsets.UTF_8);
        }
    }
}
