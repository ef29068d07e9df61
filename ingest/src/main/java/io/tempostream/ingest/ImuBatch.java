package io.tempostream.ingest;

import java.util.Arrays;
import java.util.Objects;

/**
 * One MQTT message's worth of samples from one device: column arrays of equal length, timestamps
 * in epoch milliseconds, acceleration in g and angular velocity in deg/s, in the sensor's own axes.
 * Column arrays keep Flink's serializer on primitive arrays and the detector's loops tight.
 */
public record ImuBatch(
        String athleteId,
        String deviceId,
        Placement placement,
        long sequence,
        long[] timestampsMs,
        float[] accelXG,
        float[] accelYG,
        float[] accelZG,
        float[] gyroXDps,
        float[] gyroYDps,
        float[] gyroZDps) {

    /** Generous bounds: real IMUs saturate at ±16 g (some ±32 g) and ±2000–4000 deg/s. */
    public static final double MAX_ABS_ACCEL_G = 64;
    public static final double MAX_ABS_GYRO_DPS = 5000;
    /** Sample clocks outside 2000–2100 are broken clocks, not training sessions. */
    public static final long MIN_TIMESTAMP_MS = 946_684_800_000L;
    public static final long MAX_TIMESTAMP_MS = 4_102_444_800_000L;
    /** 10 s at 100 Hz; larger batches delay feedback beyond the one-second promise anyway. */
    public static final int MAX_SAMPLES = 1000;

    public ImuBatch {
        Objects.requireNonNull(placement, "placement");
        int n = timestampsMs.length;
        if (accelXG.length != n || accelYG.length != n || accelZG.length != n
                || gyroXDps.length != n || gyroYDps.length != n || gyroZDps.length != n) {
            throw new IllegalArgumentException("all sample columns must have the same length");
        }
    }

    public int size() {
        return timestampsMs.length;
    }

    public ImuTopic topic() {
        return new ImuTopic(athleteId, deviceId);
    }

    public long firstTimestampMs() {
        return timestampsMs[0];
    }

    public long lastTimestampMs() {
        return timestampsMs[timestampsMs.length - 1];
    }

    /**
     * Checks the limits of docs/message-format.md; both codecs call it, so both accept exactly the
     * same batches.
     */
    public ImuBatch validated() throws InvalidPayloadException {
        int n = size();
        if (n == 0) {
            throw new InvalidPayloadException(RejectReason.EMPTY, "samples must not be empty");
        }
        if (n > MAX_SAMPLES) {
            throw new InvalidPayloadException(RejectReason.TOO_MANY_SAMPLES,
                    "samples has " + n + " entries, at most " + MAX_SAMPLES + " allowed");
        }
        if (sequence < 0) {
            throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE, "seq must be >= 0, got " + sequence);
        }
        for (int i = 0; i < n; i++) {
            long t = timestampsMs[i];
            if (t < MIN_TIMESTAMP_MS || t >= MAX_TIMESTAMP_MS) {
                throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE,
                        "samples[" + i + "].t must be epoch ms between years 2000 and 2100, got " + t);
            }
            if (i > 0 && t < timestampsMs[i - 1]) {
                throw new InvalidPayloadException(RejectReason.TIMESTAMPS_NOT_ASCENDING,
                        "samples[" + i + "].t=" + t + " is before samples[" + (i - 1) + "].t=" + timestampsMs[i - 1]);
            }
            checkValue(i, "ax", accelXG[i], MAX_ABS_ACCEL_G);
            checkValue(i, "ay", accelYG[i], MAX_ABS_ACCEL_G);
            checkValue(i, "az", accelZG[i], MAX_ABS_ACCEL_G);
            checkValue(i, "gx", gyroXDps[i], MAX_ABS_GYRO_DPS);
            checkValue(i, "gy", gyroYDps[i], MAX_ABS_GYRO_DPS);
            checkValue(i, "gz", gyroZDps[i], MAX_ABS_GYRO_DPS);
        }
        return this;
    }

    private static void checkValue(int i, String field, float value, double maxAbs) throws InvalidPayloadException {
        if (!Float.isFinite(value)) {
            throw new InvalidPayloadException(RejectReason.NOT_FINITE,
                    "samples[" + i + "]." + field + " must be a finite number, got " + value);
        }
        if (Math.abs(value) > maxAbs) {
            throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE,
                    "samples[" + i + "]." + field + "=" + value + " is outside ±" + maxAbs);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImuBatch b
                && sequence == b.sequence
                && athleteId.equals(b.athleteId)
                && deviceId.equals(b.deviceId)
                && placement == b.placement
                && Arrays.equals(timestampsMs, b.timestampsMs)
                && Arrays.equals(accelXG, b.accelXG)
                && Arrays.equals(accelYG, b.accelYG)
                && Arrays.equals(accelZG, b.accelZG)
                && Arrays.equals(gyroXDps, b.gyroXDps)
                && Arrays.equals(gyroYDps, b.gyroYDps)
                && Arrays.equals(gyroZDps, b.gyroZDps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(athleteId, deviceId, placement, sequence, Arrays.hashCode(timestampsMs));
    }

    @Override
    public String toString() {
        return "ImuBatch[" + athleteId + "/" + deviceId + " " + placement.wireName() + " seq=" + sequence
                + " samples=" + size() + (size() > 0 ? " t=" + firstTimestampMs() + ".." + lastTimestampMs() : "") + "]";
    }
}
