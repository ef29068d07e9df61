package io.tempostream.analytics.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.TempoPrescription;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The athletes a coach configured, from a small JSON file ({@code --athletes FILE}, see
 * docs/metrics-schema.md):
 *
 * <pre>{@code
 * {"defaultTempo": "3-1-3-0",
 *  "athletes": [{"id": "athlete-1", "planStart": "2026-10-05", "zone": "Europe/Amsterdam",
 *                "tempo": {"face-pull": "2-1-2-0", "scapular-squeeze": "1-8-1-0"}}]}
 * }</pre>
 *
 * Every field but {@code id} is optional. An athlete not in the file gets the defaults: no plan,
 * UTC, the default tempo. A file with mistakes is refused whole, naming the field and value.
 */
public final class AthleteProfiles implements Serializable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TempoPrescription defaultTempo;
    private final Map<String, AthleteProfile> byId;

    private AthleteProfiles(TempoPrescription defaultTempo, Map<String, AthleteProfile> byId) {
        this.defaultTempo = defaultTempo;
        this.byId = Map.copyOf(byId);
    }

    /** Nobody configured: every athlete gets the defaults. */
    public static AthleteProfiles none() {
        return new AthleteProfiles(AthleteProfile.DEFAULT_TEMPO, Map.of());
    }

    public AthleteProfile forAthlete(String athleteId) {
        AthleteProfile profile = byId.get(athleteId);
        return profile != null ? profile
                : new AthleteProfile(athleteId, null, ZoneId.of("UTC"), defaultTempo, Map.of());
    }

    public int size() {
        return byId.size();
    }

    public static AthleteProfiles read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming the field and value that are wrong */
    public static AthleteProfiles parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("not valid JSON: " + detail);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must be a JSON object with an \"athletes\" array");
        }
        TempoPrescription defaultTempo = root.has("defaultTempo")
                ? tempo(root.get("defaultTempo"), "defaultTempo") : AthleteProfile.DEFAULT_TEMPO;
        Map<String, AthleteProfile> byId = new HashMap<>();
        JsonNode athletes = root.path("athletes");
        if (!athletes.isMissingNode() && !athletes.isArray()) {
            throw new IllegalArgumentException("athletes must be an array, got " + athletes);
        }
        for (int i = 0; i < athletes.size(); i++) {
            AthleteProfile profile = athlete(athletes.get(i), "athletes[" + i + "]", defaultTempo);
            if (byId.put(profile.athleteId(), profile) != null) {
                throw new IllegalArgumentException("athletes[" + i + "].id '" + profile.athleteId() + "' appears twice");
            }
        }
        return new AthleteProfiles(defaultTempo, byId);
    }

    private static AthleteProfile athlete(JsonNode node, String path, TempoPrescription defaultTempo) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + " must be an object, got " + node);
        }
        String id = node.path("id").asText("");
        if (!ImuTopic.isValidId(id)) {
            throw new IllegalArgumentException(path + ".id must match [A-Za-z0-9_-]{1,64}, got " + node.path("id"));
        }
        LocalDate planStart = null;
        if (node.hasNonNull("planStart")) {
            try {
                planStart = LocalDate.parse(node.get("planStart").asText());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(path + ".planStart must be a date like 2026-10-05, got "
                        + node.get("planStart"));
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        if (node.hasNonNull("zone")) {
            try {
                zone = ZoneId.of(node.get("zone").asText());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(path + ".zone must be a time zone like Europe/Amsterdam, got "
                        + node.get("zone"));
            }
        }
        Map<String, TempoPrescription> tempos = new HashMap<>();
        TempoPrescription athleteDefault = defaultTempo;
        JsonNode tempo = node.path("tempo");
        if (tempo.isTextual()) {
            athleteDefault = tempo(tempo, path + ".tempo");
        } else if (tempo.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = tempo.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String where = path + ".tempo." + entry.getKey();
                if (entry.getKey().equals("default")) {
                    athleteDefault = tempo(entry.getValue(), where);
                } else if (TrainingExercise.fromWireName(entry.getKey()).isEmpty()) {
                    throw new IllegalArgumentException(path + ".tempo names no exercise we know: '" + entry.getKey()
                            + "' (one of " + TrainingExercise.wireNames() + ", or default)");
                } else {
                    tempos.put(entry.getKey(), tempo(entry.getValue(), where));
                }
            }
        } else if (!tempo.isMissingNode()) {
            throw new IllegalArgumentException(path + ".tempo must be a tempo like \"3-1-3-0\" or an object of "
                    + "exercise to tempo, got " + tempo);
        }
        return new AthleteProfile(id, planStart, zone, athleteDefault, tempos);
    }

    private static TempoPrescription tempo(JsonNode node, String path) {
        try {
            return TempoPrescription.parse(node.isTextual() ? node.asText() : node.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
    }
}
