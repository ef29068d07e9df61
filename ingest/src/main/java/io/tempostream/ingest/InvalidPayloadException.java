package io.tempostream.ingest;

/**
 * A payload or topic that does not follow docs/message-format.md. The message names the field and
 * the value; no stack trace is needed to understand it, so callers log only {@link #getMessage()}.
 */
public final class InvalidPayloadException extends Exception {
    private final RejectReason reason;

    public InvalidPayloadException(RejectReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
