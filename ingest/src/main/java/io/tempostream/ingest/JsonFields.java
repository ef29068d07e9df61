package io.tempostream.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reading the JSON payloads of docs/message-format.md, with rejections that name the field and value. */
final class JsonFields {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {
    }

    /** The payload as a JSON object, or a MALFORMED_JSON rejection. */
    static JsonNode object(byte[] payload) throws InvalidPayloadException {
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
        return root;
    }

    static JsonNode required(JsonNode parent, String field, String path) throws InvalidPayloadException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidPayloadException(RejectReason.MISSING_FIELD, path + " is missing");
        }
        return node;
    }

    static long integral(JsonNode parent, String field, String path) throws InvalidPayloadException {
        JsonNode node = required(parent, field, path);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidPayloadException(RejectReason.BAD_FIELD,
                    path + " must be a whole number, got " + ImuTopic.abbreviate(node.toString()));
        }
        return node.asLong();
    }
}
