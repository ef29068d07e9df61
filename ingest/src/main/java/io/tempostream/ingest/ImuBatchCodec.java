package io.tempostream.ingest;

/** Entry point for both encodings: encode in a chosen format, decode whichever arrives. */
public final class ImuBatchCodec {
    /**
     * The largest payload decoded. A batch of {@link ImuBatch#MAX_SAMPLES} samples is under 200 KB
     * as JSON with every number at full precision (ImuBatchCodecTest); a 250 MB one took the job's
     * memory from 0.4 to 6.2 GB and stalled every athlete for 95 s (issue 19). The shipped broker
     * refuses larger packets too (deploy/mosquitto, max_packet_size).
     */
    public static final int MAX_PAYLOAD_BYTES = 512 * 1024;

    private ImuBatchCodec() {
    }

    /** Refuses a payload by its length alone, before it is parsed. */
    public static void checkSize(byte[] payload) throws InvalidPayloadException {
        if (payload != null && payload.length > MAX_PAYLOAD_BYTES) {
            throw new InvalidPayloadException(RejectReason.TOO_LARGE,
                    "payload is " + payload.length + " bytes, at most " + MAX_PAYLOAD_BYTES + " accepted");
        }
    }

    public static byte[] encode(ImuBatch batch, PayloadFormat format) {
        return switch (format) {
            case BINARY -> BinaryImuBatchCodec.encode(batch);
            case JSON -> JsonImuBatchCodec.encode(batch);
        };
    }

    /** Decodes a message received on {@code topic}; ids come from the topic, not the payload. */
    public static ImuBatch decode(String topic, byte[] payload) throws InvalidPayloadException {
        ImuTopic parsed = ImuTopic.parse(topic);
        if (payload == null || payload.length == 0) {
            throw new InvalidPayloadException(RejectReason.EMPTY, "payload is empty");
        }
        checkSize(payload);
        return switch (formatOf(payload)) {
            case BINARY -> BinaryImuBatchCodec.decode(parsed, payload);
            case JSON -> JsonImuBatchCodec.decode(parsed, payload);
        };
    }

    static PayloadFormat formatOf(byte[] payload) throws InvalidPayloadException {
        byte first = payload[0];
        if (first == BinaryImuBatchCodec.MAGIC) {
            return PayloadFormat.BINARY;
        }
        if (first == '{' || first == ' ' || first == '\n' || first == '\r' || first == '\t') {
            return PayloadFormat.JSON;
        }
        throw new InvalidPayloadException(RejectReason.UNKNOWN_FORMAT,
                String.format("payload must start with 'T' (binary) or '{' (JSON), got byte 0x%02x", first & 0xff));
    }
}
