package io.tempostream.analytics.influx;

/**
 * Guards InfluxDB's line protocol against injection. influxdb-java escapes commas, spaces, equals
 * signs and quotes, but not line breaks (which end a line, so the rest of the value becomes a
 * point of the sender's choosing) nor a trailing backslash (which escapes the separator after
 * it). Values with those are refused instead of written.
 */
public final class LineProtocolSafety {
    private LineProtocolSafety() {
    }

    /** Returns {@code value} if it can be a tag or string field value; throws naming the field otherwise. */
    public static String checked(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(field + " contains a control character (code " + (int) c
                        + ") and cannot be written to InfluxDB");
            }
        }
        if (value.isEmpty() || value.endsWith("\\")) {
            throw new IllegalArgumentException(field + " must not be empty or end with a backslash, got '" + value + "'");
        }
        return value;
    }
}
