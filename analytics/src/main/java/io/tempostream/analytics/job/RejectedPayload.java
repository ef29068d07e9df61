package io.tempostream.analytics.job;

import io.tempostream.ingest.RejectReason;

/** A message the job refused, with the reason counted and the message that names field and value. */
public record RejectedPayload(String topic, RejectReason reason, String message, long receivedAtMs) {
}
