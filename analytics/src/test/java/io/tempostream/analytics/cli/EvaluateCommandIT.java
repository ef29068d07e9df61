package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.RealData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tempostream evaluate} run from any folder finds the real recordings beside the project. */
class EvaluateCommandIT {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path elsewhere;

    @Test
    void runFromAnotherFolderItScoresTheRealRecordingsAgainstTheRepsTheyHold() throws Exception {
        RealData.metawearManifest();
        Process evaluate = new ProcessBuilder(PROJECT.resolve("tempostream").toString(), "evaluate", "--simulated-seeds", "1")
                .directory(elsewhere.toFile()).redirectErrorStream(true).start();
        String output = new String(evaluate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(evaluate.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, evaluate.exitValue(), output);
        assertFalse(output.contains("Real recordings: skipped"), output);
        assertTrue(output.contains("| A-squat-medium-2019-01-11T17.05.44.498 | squat |"), output);
        assertTrue(output.contains("Against the reps in the data, no hint: exact count on"), output);
        assertTrue(output.contains("Against the protocol's count instead"), output);
        assertTrue(output.contains("| face-pull, then dumbbell-row | wrist | yes | 1 of 1 |"), output);
    }
}
