package io.tempostream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole workout for one sensor, as a small JSON file (examples in simulator/sessions/):
 * <pre>{@code
 * {"athlete": "athlete-1", "device": "wrist-1", "placement": "wrist", "rateHz": 100,
 *  "sets": [
 *    {"exercise": "scapular-squeeze", "reps": 3, "tempo": "1-8-1-2", "restSeconds": 60},
 *    {"exercise": "dumbbell-row", "repeat": 3, "reps": 10, "tempo": "3-1-3-0", "restSeconds": 90,
 *     "fatigue": 0.2}
 *  ]}
 * }</pre>
 * {@code repeat} writes the same set several times. {@code speedCurve} (half-cosine, minimum-jerk,
 * trapezoid, fast-start, slow-start) shapes each moving phase, and {@code human: true} adds a real
 * athlete's rep-to-rep variability ({@link SetScript}). Errors name the set and the field.
 */
public record SessionScript(String athleteId, String deviceId, Placement placement, double sampleRateHz, int batchSize,
        long leadInMs, List<SetScript> sets) {

    public SessionScript {
        new ImuTopic(athleteId, deviceId);
        if (!(sampleRateHz >= 12.5 && sampleRateHz <= 200)) {
            throw new IllegalArgumentException("rateHz must be 12.5–200, got " + sampleRateHz);
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batch must be 1–1000 samples, got " + batchSize);
        }
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("sets must list at least one set");
        }
        sets = List.copyOf(sets);
    }

    public static SessionScript read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such session script: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    static SessionScript parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a session script is a JSON object");
        }
        JsonNode sets = root.get("sets");
        if (sets == null || !sets.isArray()) {
            throw new IllegalArgumentException("sets must be an array of sets");
        }
        List<SetScript> parsed = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            JsonNode set = sets.get(i);
            String where = "sets[" + i + "]";
            try {
                SetScript one = new SetScript(Exercise.fromScriptName(text(set, "exercise", null)),
                        (int) number(set, "reps", Double.NaN), TempoPrescription.parse(text(set, "tempo", "2-1-2-0")),
                        Math.round(number(set, "restSeconds", 90) * 1000), number(set, "fatigue", 0),
                        (int) number(set, "partialFromRep", 0), bool(set, "bounce"),
                        number(set, "swingDeg", 0), SpeedCurve.fromScriptName(text(set, "speedCurve", "half-cosine")),
                        bool(set, "human"));
                int repeat = (int) number(set, "repeat", 1);
                if (repeat < 1 || repeat > 20) {
                    throw new IllegalArgumentException("repeat must be 1–20, got " + repeat);
                }
                for (int k = 0; k < repeat; k++) {
                    parsed.add(one);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return new SessionScript(text(root, "athlete", "athlete-1"), text(root, "device", "wrist-1"),
                Placement.fromWireName(text(root, "placement", "wrist")), number(root, "rateHz", 100),
                (int) number(root, "batch", 10), Math.round(number(root, "leadInSeconds", 5) * 1000), parsed);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return fallback;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, got " + value);
        }
        return value.asText();
    }

    /** A true/false field, false when absent; anything else ("yes", 1) is refused rather than read as false. */
    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    private static double number(JsonNode node, String field, double fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (Double.isNaN(fallback)) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, got " + value);
        }
        return value.asDouble();
    }
}
