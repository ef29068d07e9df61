package io.tempostream.ingest;

/** Why a payload or topic was refused; each reason is counted separately. */
public enum RejectReason {
    BAD_TOPIC,
    EMPTY,
    /** Over {@link ImuBatchCodec#MAX_PAYLOAD_BYTES}: refused by its length, before any parsing. */
    TOO_LARGE,
    TRUNCATED,
    UNKNOWN_FORMAT,
    UNSUPPORTED_VERSION,
    MALFORMED_JSON,
    MISSING_FIELD,
    BAD_FIELD,
    NOT_FINITE,
    OUT_OF_RANGE,
    TOO_MANY_SAMPLES,
    TIMESTAMPS_NOT_ASCENDING,
    TRAILING_BYTES;

    /** Tag-safe lower-case name for logs and metrics. */
    public String metricName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
