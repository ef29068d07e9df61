package io.tempostream.ingest;

/**
 * The MQTT topic of one device's samples: {@code tempostream/{athleteId}/{deviceId}/imu}. Beside
 * it, {@code tempostream/{athleteId}/{deviceId}/exercise} carries the device's exercise selections
 * ({@link ExerciseSelection}).
 */
public record ImuTopic(String athleteId, String deviceId) {
    public static final String PREFIX = "tempostream";
    public static final String SUFFIX = "imu";
    public static final String EXERCISE_SUFFIX = "exercise";
    public static final String FEEDBACK_SUFFIX = "feedback";
    /** Subscribes to every athlete's every device's samples. */
    public static final String ALL_DEVICES_FILTER = PREFIX + "/+/+/" + SUFFIX;
    /** Subscribes to every device's samples and exercise selections: what the job reads. */
    public static final String ALL_DEVICE_MESSAGES_FILTER = PREFIX + "/+/+/+";

    private static final int MAX_ID_LENGTH = 64;

    public ImuTopic {
        requireValidId("athleteId", athleteId);
        requireValidId("deviceId", deviceId);
    }

    public String name() {
        return PREFIX + "/" + athleteId + "/" + deviceId + "/" + SUFFIX;
    }

    public String exerciseTopic() {
        return PREFIX + "/" + athleteId + "/" + deviceId + "/" + EXERCISE_SUFFIX;
    }

    /**
     * Where the job tells an athlete's devices (the phone page, a watch) each rep and the phase under
     * way: one topic per athlete, which only that athlete's logins may read (deploy/mosquitto/acl).
     * Three levels, so the job's own subscription ({@link #ALL_DEVICE_MESSAGES_FILTER}) never sees it.
     */
    public static String feedbackTopic(String athleteId) {
        requireValidId("athleteId", athleteId);
        return PREFIX + "/" + athleteId + "/" + FEEDBACK_SUFFIX;
    }

    public static ImuTopic parse(String topic) throws InvalidPayloadException {
        return parse(topic, SUFFIX);
    }

    /** True for a topic whose last level is {@code exercise}; it may still be malformed. */
    public static boolean isExerciseTopic(String topic) {
        return topic != null && topic.endsWith("/" + EXERCISE_SUFFIX);
    }

    /** The device of a topic {@code tempostream/{athleteId}/{deviceId}/{suffix}}. */
    public static ImuTopic parse(String topic, String suffix) throws InvalidPayloadException {
        String[] parts = topic == null ? new String[0] : topic.split("/", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0]) || !suffix.equals(parts[3])) {
            throw new InvalidPayloadException(RejectReason.BAD_TOPIC, "topic must be tempostream/{athleteId}/{deviceId}/"
                    + suffix + ", got '" + abbreviate(topic) + "'");
        }
        for (int i = 1; i <= 2; i++) {
            if (!isValidId(parts[i])) {
                throw new InvalidPayloadException(RejectReason.BAD_TOPIC, (i == 1 ? "athleteId" : "deviceId")
                        + " must match [A-Za-z0-9_-]{1,64}, got '" + abbreviate(parts[i]) + "'");
            }
        }
        return new ImuTopic(parts[1], parts[2]);
    }

    /**
     * {@code [A-Za-z0-9_-]{1,64}}, checked by a loop: with a regex, binary decoding ran at 1.9 M
     * batches/s instead of 4.1 M (docs/benchmarks.md).
     */
    public static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void requireValidId(String field, String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException(field + " must match [A-Za-z0-9_-]{1,64}, got '" + abbreviate(id) + "'");
        }
    }

    /**
     * Keeps log lines short and printable whatever a client sent: at most 80 characters, and every
     * character that could forge a log line or steer a terminal (line breaks, escape sequences, C1
     * controls, bidirectional overrides) written as its escape: a line feed as backslash-n, the
     * terminal's escape character as backslash-u001b.
     */
    public static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder printable = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> {
            int type = Character.getType(c);
            if (c == '\n') {
                printable.append("\\n");
            } else if (c == '\r') {
                printable.append("\\r");
            } else if (c == '\t') {
                printable.append("\\t");
            } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE) {
                printable.append(String.format("\\u%04x", c));
            } else {
                printable.appendCodePoint(c);
            }
        });
        return s.codePointCount(0, s.length()) > 80 ? printable + "…" : printable.toString();
    }
}
