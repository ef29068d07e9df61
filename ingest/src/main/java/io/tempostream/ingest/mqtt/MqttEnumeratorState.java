package io.tempostream.ingest.mqtt;

/**
 * The enumerator's checkpoint. Splits live in the readers' state (one per reader, re-requested
 * by a reader that restores without one), so the enumerator only remembers how many it has made.
 */
public record MqttEnumeratorState(int splitsCreated) {
}
