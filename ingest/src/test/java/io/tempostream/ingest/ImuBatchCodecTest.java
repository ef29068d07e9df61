package io.tempostream.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImuBatchCodecTest {
    private static final String TOPIC = "tempostream/athlete-1/wrist_1/imu";
    private static final long T0 = 1_764_000_000_000L;

    static ImuBatch batch(int n) {
        long[] t = new long[n];
        float[][] c = new float[6][n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * 10L;
            for (int a = 0; a < 6; a++) {
                c[a][i] = (float) (a < 3 ? Math.sin(i + a) : 100 * Math.cos(i * 0.3 + a));
            }
        }
        return new ImuBatch("athlete-1", "wrist_1", Placement.BACK, 42, t, c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void roundTripKeepsEverySample(PayloadFormat format) throws Exception {
        ImuBatch original = batch(25);
        ImuBatch decoded = ImuBatchCodec.decode(TOPIC, ImuBatchCodec.encode(original, format));
        assertEquals(original, decoded);
        assertArrayEquals(original.gyroZDps(), decoded.gyroZDps());
    }

    @Test
    void binaryIsCompact() {
        assertEquals(21 + 28 * 10, BinaryImuBatchCodec.encode(batch(10)).length);
    }

    @Test
    void microcontrollerJsonIsAccepted() throws Exception {
        String json = """
                {"v":1,"seq":7,"placement":"wrist","fw":"esp32-0.3",
                 "samples":[{"t":1764000000000,"ax":0.01,"ay":-0.02,"az":0.98,"gx":1.5,"gy":-0.5,"gz":0},
                            {"t":1764000000010,"ax":0.02,"ay":-0.01,"az":0.99,"gx":2,"gy":-1,"gz":0.25}]}
                """;
        ImuBatch decoded = ImuBatchCodec.decode(TOPIC, json.getBytes(StandardCharsets.UTF_8));
        assertEquals(Placement.WRIST, decoded.placement());
        assertEquals(7, decoded.sequence());
        assertArrayEquals(new long[] {1764000000000L, 1764000000010L}, decoded.timestampsMs());
        assertEquals(0.25f, decoded.gyroZDps()[1]);
        assertEquals("athlete-1", decoded.athleteId());
        assertEquals("wrist_1", decoded.deviceId());
    }

    @Test
    void truncatedBinaryIsRejected() {
        byte[] full = BinaryImuBatchCodec.encode(batch(5));
        for (int length : new int[] {1, 10, 20, 21, full.length - 1}) {
            InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                    () -> ImuBatchCodec.decode(TOPIC, Arrays.copyOf(full, length)));
            assertEquals(RejectReason.TRUNCATED, e.reason(), "length " + length);
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] full = BinaryImuBatchCodec.encode(batch(5));
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                () -> ImuBatchCodec.decode(TOPIC, Arrays.copyOf(full, full.length + 3)));
        assertEquals(RejectReason.TRAILING_BYTES, e.reason());
    }

    @Test
    void wrongVersionIsRejectedInBothFormats() {
        byte[] binary = BinaryImuBatchCodec.encode(batch(2));
        binary[1] = 9;
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> ImuBatchCodec.decode(TOPIC, binary));
        assertEquals(RejectReason.UNSUPPORTED_VERSION, e.reason());
        assertTrue(e.getMessage().contains("version must be 1, got 9"), e.getMessage());

        byte[] json = new String(JsonImuBatchCodec.encode(batch(2)), StandardCharsets.UTF_8)
                .replace("\"v\":1", "\"v\":2").getBytes(StandardCharsets.UTF_8);
        e = assertThrows(InvalidPayloadException.class, () -> ImuBatchCodec.decode(TOPIC, json));
        assertEquals(RejectReason.UNSUPPORTED_VERSION, e.reason());
    }

    @Test
    void nanAndInfinityAreRejectedNamingTheSample() {
        ImuBatch b = batch(4);
        b.gyroYDps()[2] = Float.NaN;
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                () -> ImuBatchCodec.decode(TOPIC, BinaryImuBatchCodec.encode(b)));
        assertEquals(RejectReason.NOT_FINITE, e.reason());
        assertTrue(e.getMessage().contains("samples[2].gy"), e.getMessage());

        String json = "{\"v\":1,\"seq\":1,\"placement\":\"wrist\",\"samples\":[{\"t\":1764000000000,"
                + "\"ax\":1e999,\"ay\":0,\"az\":1,\"gx\":0,\"gy\":0,\"gz\":0}]}";
        e = assertThrows(InvalidPayloadException.class,
                () -> ImuBatchCodec.decode(TOPIC, json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(RejectReason.NOT_FINITE, e.reason());
        assertTrue(e.getMessage().contains("samples[0].ax"), e.getMessage());
    }

    @Test
    void absurdValuesAreRejected() {
        ImuBatch accel = batch(3);
        accel.accelZG()[1] = 500;
        assertReason(RejectReason.OUT_OF_RANGE, BinaryImuBatchCodec.encode(accel), "samples[1].az=500.0");

        ImuBatch gyro = batch(3);
        gyro.gyroXDps()[0] = -9000;
        assertReason(RejectReason.OUT_OF_RANGE, BinaryImuBatchCodec.encode(gyro), "samples[0].gx=-9000.0");

        ImuBatch clock = batch(3);
        clock.timestampsMs()[0] = 12_345;
        clock.timestampsMs()[1] = 12_355;
        clock.timestampsMs()[2] = 12_365;
        assertReason(RejectReason.OUT_OF_RANGE, JsonImuBatchCodec.encode(clock), "samples[0].t");

        ImuBatch backwards = batch(3);
        backwards.timestampsMs()[2] = T0 - 1;
        assertReason(RejectReason.TIMESTAMPS_NOT_ASCENDING, JsonImuBatchCodec.encode(backwards), "samples[2].t");

        ByteBuffer tooMany = ByteBuffer.wrap(BinaryImuBatchCodec.encode(batch(1)));
        tooMany.putShort(19, (short) 5000);
        assertReason(RejectReason.TOO_MANY_SAMPLES, tooMany.array(), "5000");
    }

    @Test
    void malformedJsonNamesTheField() {
        assertReason(RejectReason.MALFORMED_JSON, "{\"v\":1,".getBytes(StandardCharsets.UTF_8), "not valid JSON");
        assertReason(RejectReason.MISSING_FIELD,
                "{\"v\":1,\"placement\":\"wrist\",\"samples\":[]}".getBytes(StandardCharsets.UTF_8), "seq is missing");
        assertReason(RejectReason.BAD_FIELD,
                "{\"v\":1,\"seq\":1,\"placement\":\"ankle\",\"samples\":[]}".getBytes(StandardCharsets.UTF_8), "'ankle'");
        assertReason(RejectReason.BAD_FIELD, ("{\"v\":1,\"seq\":1,\"placement\":\"wrist\",\"samples\":[{\"t\":1764000000000,"
                + "\"ax\":\"NaN\",\"ay\":0,\"az\":1,\"gx\":0,\"gy\":0,\"gz\":0}]}").getBytes(StandardCharsets.UTF_8),
                "samples[0].ax must be a number");
        assertReason(RejectReason.EMPTY,
                "{\"v\":1,\"seq\":1,\"placement\":\"wrist\",\"samples\":[]}".getBytes(StandardCharsets.UTF_8), "empty");
        assertReason(RejectReason.UNKNOWN_FORMAT, new byte[] {0x00, 0x01}, "0x00");
        assertReason(RejectReason.EMPTY, new byte[0], "empty");
    }

    @Test
    void badTopicsAreRejectedNamingThePart() {
        byte[] payload = BinaryImuBatchCodec.encode(batch(1));
        for (String topic : new String[] {"tempostream/a/b", "other/a/b/imu", "tempostream/a b/c/imu",
                "tempostream/" + "x".repeat(65) + "/c/imu", "tempostream//c/imu", "tempostream/a/c/imu/extra"}) {
            InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> ImuBatchCodec.decode(topic, payload));
            assertEquals(RejectReason.BAD_TOPIC, e.reason(), topic);
        }
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                () -> ImuBatchCodec.decode("tempostream/ok/dev,ice/imu", payload));
        assertTrue(e.getMessage().contains("deviceId") && e.getMessage().contains("dev,ice"), e.getMessage());
    }

    @Test
    void theLargestBatchFitsThePayloadLimitEvenAsSpaciousJson() throws Exception {
        int n = ImuBatch.MAX_SAMPLES;
        StringBuilder json = new StringBuilder("{\n  \"v\": 1,\n  \"seq\": 2147483647,\n  \"placement\": \"wrist\",\n  \"samples\": [\n");
        for (int i = 0; i < n; i++) {
            // Every number as long as a float prints (-1.23456789E-10), pretty-printed as a person would.
            json.append("    { \"t\": ").append(T0 + i).append(", \"ax\": -1.2345678E-10, \"ay\": -1.2345678E-10,")
                    .append(" \"az\": -1.2345678E-10, \"gx\": -1.2345678E-10, \"gy\": -1.2345678E-10, \"gz\": -1.2345678E-10 }")
                    .append(i + 1 < n ? ",\n" : "\n");
        }
        byte[] payload = json.append("  ]\n}\n").toString().getBytes(StandardCharsets.UTF_8);

        assertTrue(payload.length < ImuBatchCodec.MAX_PAYLOAD_BYTES / 2, payload.length + " bytes");
        assertEquals(n, ImuBatchCodec.decode(TOPIC, payload).size());
    }

    @Test
    void anOversizedPayloadIsRefusedByItsLengthBeforeItIsParsed() {
        byte[] valid = ImuBatchCodec.encode(batch(10), PayloadFormat.JSON);
        // Ten valid samples and a padding field, as in the attack (issue 19): valid JSON, too long.
        String padded = new String(valid, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"pad\":\""
                + "x".repeat(ImuBatchCodec.MAX_PAYLOAD_BYTES) + "\",");
        assertReason(RejectReason.TOO_LARGE, padded.getBytes(StandardCharsets.UTF_8), "at most " + ImuBatchCodec.MAX_PAYLOAD_BYTES);
        // Garbage of that length is refused for its length, not its content: nothing was parsed.
        byte[] garbage = new byte[ImuBatchCodec.MAX_PAYLOAD_BYTES + 1];
        Arrays.fill(garbage, (byte) '{');
        assertReason(RejectReason.TOO_LARGE, garbage, (ImuBatchCodec.MAX_PAYLOAD_BYTES + 1) + " bytes");
        assertThrows(InvalidPayloadException.class, () -> ExerciseSelectionCodec.decode("tempostream/athlete-1/wrist_1/exercise", garbage));
    }

    private static void assertReason(RejectReason reason, byte[] payload, String messagePart) {
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> ImuBatchCodec.decode(TOPIC, payload));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), "'" + e.getMessage() + "' should mention " + messagePart);
    }
}
