package io.tempostream.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The JSON of an exercise selection: {@code {"v":1,"t":1764000000000,"exercise":"dumbbell-row"}}.
 * A selection is rare (one per set at most), so it has no binary form. Unknown fields are ignored.
 */
public final class ExerciseSelectionCodec {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExerciseSelectionCodec() {
    }

    public static byte[] encode(ExerciseSelection selection) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("v", VERSION);
        root.put("t", selection.fromMs());
        root.put("exercise", selection.exercise());
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serialises", e);
        }
    }

    /** Decodes a selection received on {@code topic}; ids come from the topic, not the payload. */
    public static ExerciseSelection decode(String topic, byte[] payload) throws InvalidPayloadException {
        ImuTopic device = ImuTopic.parse(topic, ImuTopic.EXERCISE_SUFFIX);
        if (payload == null || payload.length == 0) {
            throw new InvalidPayloadException(RejectReason.EMPTY, "payload is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new InvalidPayloadException(RejectReason.MALFORMED_JSON, "payload is not valid JSON: " + detail);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPayloadException(RejectReason.MALFORMED_JSON, "payload must be a JSON object");
        }
        long version = integral(root, "v");
        if (version != VERSION) {
            throw new InvalidPayloadException(RejectReason.UNSUPPORTED_VERSION, "v must be " + VERSION + ", got " + version);
        }
        long t = integral(root, "t");
        if (t < ImuBatch.MIN_TIMESTAMP_MS || t > ImuBatch.MAX_TIMESTAMP_MS) {
            throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE,
                    "t must be epoch ms between years 2000 and 2100, got " + t);
        }
        JsonNode name = root.get("exercise");
        if (name == null || name.isNull()) {
            throw new InvalidPayloadException(RejectReason.MISSING_FIELD, "exercise is missing");
        }
        if (!name.isTextual() || !ExerciseSelection.isValidName(name.asText())) {
            throw new InvalidPayloadException(RejectReason.BAD_FIELD,
                    ExerciseSelection.nameRule(name.isTextual() ? name.asText() : name.toString()));
        }
        return new ExerciseSelection(device.athleteId(), device.deviceId(), t, name.asText());
    }

    private static long integral(JsonNode root, String field) throws InvalidPayloadException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidPayloadException(RejectReason.MISSING_FIELD, field + " is missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidPayloadException(RejectReason.BAD_FIELD,
                    field + " must be a whole number, got " + ImuTopic.abbreviate(node.toString()));
        }
        return node.asLong();
    }
}
