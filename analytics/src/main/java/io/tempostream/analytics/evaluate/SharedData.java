package io.tempostream.analytics.evaluate;

import java.nio.file.Path;

/**
 * Where the real recordings live: {@code ../shared/data} beside the project's checkout, not in
 * it (they are not ours to redistribute). Found from the project folder, which the launcher passes
 * as {@code tempostream.home}, so a command works from any current directory.
 */
public final class SharedData {
    /** The MetaWear barbell recordings' manifest, relative to the project folder. */
    static final String METAWEAR_MANIFEST = "../shared/data/metawear-barbell/manifest.csv";

    private SharedData() {
    }

    /** The project folder: {@code tempostream.home} when set (the launcher), else the current directory. */
    public static Path projectHome() {
        String home = System.getProperty("tempostream.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath();
    }

    public static Path metawearManifest(Path projectHome) {
        return projectHome.resolve(METAWEAR_MANIFEST).normalize();
    }
}
