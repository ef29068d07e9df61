package io.tempostream.ingest.recording;

/** A recording file that cannot be read; the message names file, line, column and value. */
public final class RecordingFormatException extends Exception {
    public RecordingFormatException(String message) {
        super(message, null, false, false);
    }

    static RecordingFormatException at(String file, int line, String column, String value, String problem) {
        return new RecordingFormatException(file + ":" + line + ": column " + column + " " + problem
                + (value == null ? "" : ", got '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'"));
    }
}
