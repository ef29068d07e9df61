package io.tempostream.analytics.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSetTest {
    private static final String HEADER = "set_id,participant,exercise,category,expected_reps,rpe,accelerometer_file,gyroscope_file\n";

    @TempDir
    Path dir;

    @Test
    void aSetListedInVisibleRepsHoldsFewerRepsThanItsProtocol() throws IOException {
        Path manifest = Files.writeString(dir.resolve("manifest.csv"), HEADER
                + "A-squat-1,A,squat,medium,10,,raw/a.csv,raw/g.csv\n"
                + "A-bench-1,A,bench,heavy,5,8,raw/a2.csv,raw/g2.csv\n"
                + "A-bench-form,A,bench,form-high,,,raw/a3.csv,raw/g3.csv\n");
        Files.writeString(dir.resolve("visible-reps.csv"), "set_id,protocol_reps,visible_reps,note\nA-squat-1,10,6,recording ends early\n");
        List<ManifestSet> sets = ManifestSet.read(manifest);
        assertEquals(OptionalInt.of(10), sets.get(0).protocolReps());
        assertEquals(OptionalInt.of(6), sets.get(0).repsInData());
        assertEquals(OptionalInt.of(5), sets.get(1).repsInData(), "a set not listed holds its protocol count");
        assertEquals(OptionalInt.empty(), sets.get(2).repsInData(), "a form set's count is unknown");
        assertEquals(dir.resolve("raw/a.csv"), sets.get(0).accelerometer());
    }

    @Test
    void withoutVisibleRepsEverySetHoldsItsProtocolCount() throws IOException {
        Path manifest = Files.writeString(dir.resolve("manifest.csv"), HEADER + "A-squat-1,A,squat,medium,10,,a.csv,g.csv\n");
        assertEquals(OptionalInt.of(10), ManifestSet.read(manifest).get(0).repsInData());
    }

    @Test
    void aBadCountOrAnUnknownSetIsRefusedNamingFileLineAndValue() throws IOException {
        Path manifest = Files.writeString(dir.resolve("manifest.csv"), HEADER + "A-squat-1,A,squat,medium,10,,a.csv,g.csv\n");
        Files.writeString(dir.resolve("visible-reps.csv"), "set_id,protocol_reps,visible_reps,note\nA-squat-1,10,six,\n");
        IOException bad = assertThrows(IOException.class, () -> ManifestSet.read(manifest));
        assertTrue(bad.getMessage().contains("visible-reps.csv:2: visible_reps must be a count of reps, got 'six'"), bad.getMessage());
        Files.writeString(dir.resolve("visible-reps.csv"), "set_id,protocol_reps,visible_reps,note\nB-row-9,10,6,\n");
        IOException unknown = assertThrows(IOException.class, () -> ManifestSet.read(manifest));
        assertTrue(unknown.getMessage().contains("sets not in the manifest: [B-row-9]"), unknown.getMessage());
    }
}
