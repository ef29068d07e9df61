package io.tempostream.ingest;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Compact big-endian encoding, 21 + 28·n bytes for n samples (docs/message-format.md):
 * magic 'T', version, placement, sequence (int64), base time (int64 epoch ms), count (uint16),
 * then per sample the offset from the base time (int32 ms) and ax, ay, az, gx, gy, gz (float32).
 */
public final class BinaryImuBatchCodec {
    public static final byte MAGIC = 'T';
    public static final byte VERSION = 1;
    static final int HEADER_BYTES = 21;
    static final int SAMPLE_BYTES = 28;

    private BinaryImuBatchCodec() {
    }

    public static byte[] encode(ImuBatch batch) {
        int n = batch.size();
        if (n == 0 || n > 0xFFFF) {
            throw new IllegalArgumentException("a binary batch holds 1..65535 samples, got " + n);
        }
        long base = batch.firstTimestampMs();
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + SAMPLE_BYTES * n);
        buf.put(MAGIC).put(VERSION).put((byte) batch.placement().ordinal());
        buf.putLong(batch.sequence()).putLong(base).putShort((short) n);
        for (int i = 0; i < n; i++) {
            long offset = batch.timestampsMs()[i] - base;
            if (offset < 0 || offset > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("sample " + i + " is " + offset + " ms from the first sample");
            }
            buf.putInt((int) offset)
                    .putFloat(batch.accelXG()[i]).putFloat(batch.accelYG()[i]).putFloat(batch.accelZG()[i])
                    .putFloat(batch.gyroXDps()[i]).putFloat(batch.gyroYDps()[i]).putFloat(batch.gyroZDps()[i]);
        }
        return buf.array();
    }

    public static ImuBatch decode(ImuTopic topic, byte[] payload) throws InvalidPayloadException {
        ByteBuffer buf = ByteBuffer.wrap(payload);
        try {
            if (buf.get() != MAGIC) {
                throw new InvalidPayloadException(RejectReason.UNKNOWN_FORMAT, "binary payload must start with 'T'");
            }
            byte version = buf.get();
            if (version != VERSION) {
                throw new InvalidPayloadException(RejectReason.UNSUPPORTED_VERSION,
                        "version must be " + VERSION + ", got " + version);
            }
            int placementCode = buf.get();
            Placement[] placements = Placement.values();
            if (placementCode < 0 || placementCode >= placements.length) {
                throw new InvalidPayloadException(RejectReason.BAD_FIELD,
                        "placement must be 0 (wrist) or 1 (back), got " + placementCode);
            }
            long sequence = buf.getLong();
            long base = buf.getLong();
            int n = Short.toUnsignedInt(buf.getShort());
            if (n > ImuBatch.MAX_SAMPLES) {
                throw new InvalidPayloadException(RejectReason.TOO_MANY_SAMPLES,
                        "count is " + n + ", at most " + ImuBatch.MAX_SAMPLES + " allowed");
            }
            int expected = HEADER_BYTES + SAMPLE_BYTES * n;
            if (payload.length < expected) {
                throw truncated(payload.length, expected);
            }
            if (payload.length > expected) {
                throw new InvalidPayloadException(RejectReason.TRAILING_BYTES,
                        "payload has " + payload.length + " bytes, count " + n + " needs exactly " + expected);
            }
            long[] t = new long[n];
            float[] ax = new float[n], ay = new float[n], az = new float[n];
            float[] gx = new float[n], gy = new float[n], gz = new float[n];
            for (int i = 0; i < n; i++) {
                t[i] = base + Integer.toUnsignedLong(buf.getInt());
                ax[i] = buf.getFloat();
                ay[i] = buf.getFloat();
                az[i] = buf.getFloat();
                gx[i] = buf.getFloat();
                gy[i] = buf.getFloat();
                gz[i] = buf.getFloat();
            }
            return new ImuBatch(topic.athleteId(), topic.deviceId(), placements[placementCode], sequence,
                    t, ax, ay, az, gx, gy, gz).validated();
        } catch (BufferUnderflowException e) {
            throw truncated(payload.length, HEADER_BYTES);
        }
    }

    private static InvalidPayloadException truncated(int actual, int expected) {
        return new InvalidPayloadException(RejectReason.TRUNCATED,
                "payload has " + actual + " bytes, needs at least " + expected);
    }
}
