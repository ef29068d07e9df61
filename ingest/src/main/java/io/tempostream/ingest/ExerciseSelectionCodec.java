package io.tempostream.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of an exercise selection: {@code {"v":1,"t":1764000000000,"exercise":"dumbbell-row"}}.
 * A selection is rare (one per set at most), so it has no binary form. Unknown fields are ignored.
 */
public final class ExerciseSelectionCodec {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = JsonFields.MAPPER;

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
        ImuBatchCodec.checkSize(payload);
        JsonNode root = JsonFields.object(payload);
        long version = JsonFields.integral(root, "v", "v");
        if (version != VERSION) {
            throw new InvalidPayloadException(RejectReason.UNSUPPORTED_VERSION, "v must be " + VERSION + ", got " + version);
        }
        long t = JsonFields.integral(root, "t", "t");
        if (t < ImuBatch.MIN_TIMESTAMP_MS || t > ImuBatch.MAX_TIMESTAMP_MS) {
            throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE,
                    "t must be epoch ms between years 2000 and 2100, got " + t);
        }
        JsonNode name = JsonFields.required(root, "exercise", "exercise");
        if (!name.isTextual() || !ExerciseSelection.isValidName(name.asText())) {
            throw new InvalidPayloadException(RejectReason.BAD_FIELD,
                    ExerciseSelection.nameRule(name.isTextual() ? name.asText() : name.toString()));
        }
        return new ExerciseSelection(device.athleteId(), device.deviceId(), t, name.asText());
    }
}
