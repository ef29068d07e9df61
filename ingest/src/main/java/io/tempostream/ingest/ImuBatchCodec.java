package io.tempostream.ingest;

/** Entry point for both encodings: encode in a chosen format, decode whichever arrives. */
public final class ImuBatchCodec {
    private ImuBatchCodec() {
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
