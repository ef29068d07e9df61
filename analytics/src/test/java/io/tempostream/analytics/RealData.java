package io.tempostream.analytics;

import io.tempostream.analytics.evaluate.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MetaWear recordings in {@code ../shared/data} beside the checkout. A developer without
 * them sees the test skipped, with why; under {@code CI=true} the test fails instead, since CI
 * always has them, so the real-data checks can never silently not run.
 */
public final class RealData {
    /** Tests run in a module's folder; the project is its parent. */
    private static final Path PROJECT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    private RealData() {
    }

    /** The manifest of the MetaWear barbell recordings, or the test is skipped (failed under CI). */
    public static Path metawearManifest() {
        Path manifest = SharedData.metawearManifest(PROJECT);
        if (!Files.isRegularFile(manifest)) {
            String why = "no " + manifest + ": the real MetaWear recordings live in ../shared beside the checkout";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + ", and CI always has them");
            }
            Assumptions.abort(why + "; real-data checks skipped");
        }
        return manifest;
    }
}
