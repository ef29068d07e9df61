package io.tempostream.analytics.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One row of a MetaWear data set's {@code manifest.csv}: a recorded set, the protocol's rep count
 * and the count of complete reps its data hold. The two differ where the recording started late,
 * stopped early or lost samples ({@code visible-reps.csv} beside the manifest, counted by eye).
 */
public record ManifestSet(String setId, String participant, String exercise, String category, OptionalInt protocolReps,
        OptionalInt repsInData, Path accelerometer, Path gyroscope) {

    static final String VISIBLE_REPS_FILE = "visible-reps.csv";

    /** Reads the manifest, and visible-reps.csv beside it if there is one; file names are relative to its folder. */
    public static List<ManifestSet> read(Path manifest) throws IOException {
        Map<String, Integer> visible = readVisibleReps(manifest.resolveSibling(VISIBLE_REPS_FILE));
        List<ManifestSet> sets = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(manifest)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("set_id,participant,exercise,category,expected_reps")) {
                throw new IOException(manifest + ":1: not a manifest header: " + header);
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String[] c = line.split(",", -1);
                if (c.length < 8) {
                    throw new IOException(manifest + ":" + lineNo + ": expected 8 columns, got " + c.length);
                }
                OptionalInt protocol = count(manifest, lineNo, "expected_reps", c[4]);
                OptionalInt inData = visible.containsKey(c[0]) ? OptionalInt.of(visible.remove(c[0])) : protocol;
                sets.add(new ManifestSet(c[0], c[1], c[2], c[3], protocol, inData,
                        manifest.resolveSibling(c[6]), manifest.resolveSibling(c[7])));
            }
        }
        if (!visible.isEmpty()) {
            throw new IOException(manifest.resolveSibling(VISIBLE_REPS_FILE) + ": sets not in the manifest: " + visible.keySet());
        }
        return sets;
    }

    /** set_id → complete reps in the data, for the sets listed; none when the file is absent. */
    private static Map<String, Integer> readVisibleReps(Path file) throws IOException {
        Map<String, Integer> visible = new HashMap<>();
        if (!Files.exists(file)) {
            return visible;
        }
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null || !header.startsWith("set_id,protocol_reps,visible_reps")) {
                throw new IOException(file + ":1: expected set_id,protocol_reps,visible_reps,..., got " + header);
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",", -1);
                if (c.length < 3) {
                    throw new IOException(file + ":" + lineNo + ": expected at least 3 columns, got " + c.length);
                }
                OptionalInt reps = count(file, lineNo, "visible_reps", c[2]);
                if (reps.isEmpty()) {
                    throw new IOException(file + ":" + lineNo + ": visible_reps is empty");
                }
                visible.put(c[0], reps.getAsInt());
            }
        }
        return visible;
    }

    private static OptionalInt count(Path file, int lineNo, String column, String value) throws IOException {
        if (value.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(n);
        } catch (NumberFormatException e) {
            throw new IOException(file + ":" + lineNo + ": " + column + " must be a count of reps, got '" + value + "'");
        }
    }
}
