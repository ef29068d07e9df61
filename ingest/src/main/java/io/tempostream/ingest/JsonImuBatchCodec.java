package io.tempostream.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON encoding a microcontroller can print with a format string (docs/message-format.md):
 * {@code {"v":1,"seq":7,"placement":"wrist","samples":[{"t":..,"ax":..,"ay":..,"az":..,"gx":..,"gy":..,"gz":..}]}}.
 * Unknown fields are ignored so devices can add their own.
 */
public final class JsonImuBatchCodec {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = JsonFields.MAPPER;
    private static final String[] AXES = {"ax", "ay", "az", "gx", "gy", "gz"};

    private JsonImuBatchCodec() {
    }

    public static byte[] encode(ImuBatch batch) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("v", VERSION);
        root.put("seq", batch.sequence());
        root.put("placement", batch.placement().wireName());
        ArrayNode samples = root.putArray("samples");
        for (int i = 0; i < batch.size(); i++) {
            ObjectNode s = samples.addObject();
            s.put("t", batch.timestampsMs()[i]);
            s.put("ax", batch.accelXG()[i]);
            s.put("ay", batch.accelYG()[i]);
            s.put("az", batch.accelZG()[i]);
            s.put("gx", batch.gyroXDps()[i]);
            s.put("gy", batch.gyroYDps()[i]);
            s.put("gz", batch.gyroZDps()[i]);
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serialises", e);
        }
    }

    public static ImuBatch decode(ImuTopic topic, byte[] payload) throws InvalidPayloadException {
        JsonNode root = JsonFields.object(payload);
        long version = integral(root, "v", "v");
        if (version != VERSION) {
            throw new InvalidPayloadException(RejectReason.UNSUPPORTED_VERSION, "v must be " + VERSION + ", got " + version);
        }
        long sequence = integral(root, "seq", "seq");
        JsonNode placementNode = required(root, "placement", "placement");
        Placement placement;
        try {
            placement = Placement.fromWireName(placementNode.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException(RejectReason.BAD_FIELD, e.getMessage());
        }
        JsonNode samples = required(root, "samples", "samples");
        if (!samples.isArray()) {
            throw new InvalidPayloadException(RejectReason.BAD_FIELD, "samples must be an array");
        }
        int n = samples.size();
        if (n > ImuBatch.MAX_SAMPLES) {
            throw new InvalidPayloadException(RejectReason.TOO_MANY_SAMPLES,
                    "samples has " + n + " entries, at most " + ImuBatch.MAX_SAMPLES + " allowed");
        }
        long[] t = new long[n];
        float[][] columns = new float[AXES.length][n];
        for (int i = 0; i < n; i++) {
            JsonNode s = samples.get(i);
            String where = "samples[" + i + "]";
            if (!s.isObject()) {
                throw new InvalidPayloadException(RejectReason.BAD_FIELD, where + " must be an object");
            }
            t[i] = integral(s, "t", where + ".t");
            for (int a = 0; a < AXES.length; a++) {
                columns[a][i] = number(s, AXES[a], where + "." + AXES[a]);
            }
        }
        return new ImuBatch(topic.athleteId(), topic.deviceId(), placement, sequence, t,
                columns[0], columns[1], columns[2], columns[3], columns[4], columns[5]).validated();
    }

    private static JsonNode required(JsonNode parent, String field, String path) throws InvalidPayloadException {
        return JsonFields.required(parent, field, path);
    }

    private static long integral(JsonNode parent, String field, String path) throws InvalidPayloadException {
        return JsonFields.integral(parent, field, path);
    }

    private static float number(JsonNode parent, String field, String path) throws InvalidPayloadException {
        JsonNode node = required(parent, field, path);
        if (!node.isNumber()) {
            throw new InvalidPayloadException(RejectReason.BAD_FIELD,
                    path + " must be a number, got " + ImuTopic.abbreviate(node.toString()));
        }
        double value = node.asDouble();
        if (!Double.isFinite(value) || Math.abs(value) > Float.MAX_VALUE) {
            throw new InvalidPayloadException(RejectReason.NOT_FINITE, path + " must be a finite number, got " + node);
        }
        return (float) value;
    }
}
