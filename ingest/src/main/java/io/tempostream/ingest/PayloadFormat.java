package io.tempostream.ingest;

/** The two encodings of docs/message-format.md; a decoder tells them apart by the first byte. */
public enum PayloadFormat {
    BINARY,
    JSON
}
