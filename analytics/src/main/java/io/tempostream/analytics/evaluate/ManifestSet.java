package io.tempostream.analytics.evaluate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** One row of a MetaWear data set's {@code manifest.csv}: a recorded set and its true rep count. */
public record ManifestSet(String setId, String participant, String exercise, String category, OptionalInt expectedReps,
        Path accelerometer, Path gyroscope) {

    /** Reads the manifest; file names are relative to its folder. */
    public static List<ManifestSet> read(Path manifest) throws IOException {
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
                OptionalInt expected = c[4].isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(c[4].strip()));
                sets.add(new ManifestSet(c[0], c[1], c[2], c[3], expected,
                        manifest.resolveSibling(c[6]), manifest.resolveSibling(c[7])));
            }
        }
        return sets;
    }
}
