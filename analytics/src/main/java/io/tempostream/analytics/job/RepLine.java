package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.Rep;
import java.util.Locale;

/** The one-line console form of a rep (or an isometric hold) the demo prints as soon as it is detected. */
public final class RepLine {
    private RepLine() {
    }

    public static String format(Rep rep) {
        if (rep.isometric()) {
            return String.format(Locale.ROOT, "%s/%s  set %d hold %d  held %.1f s  %s", rep.athleteId(), rep.deviceId(),
                    rep.set(), rep.rep(), rep.peakHoldMs() / 1000.0, range(rep));
        }
        return String.format(Locale.ROOT,
                "%s/%s  set %d rep %2d  concentric %.1f s  hold %.1f s  eccentric %.1f s  pause %.1f s  %s",
                rep.athleteId(), rep.deviceId(), rep.set(), rep.rep(), rep.concentricMs() / 1000.0,
                rep.peakHoldMs() / 1000.0, rep.eccentricMs() / 1000.0, rep.bottomPauseMs() / 1000.0, range(rep));
    }

    /** Rotation reps have a range of motion in degrees, bar-path reps a vertical travel. */
    public static String range(Rep rep) {
        return rep.romDeg() > 0
                ? String.format(Locale.ROOT, "ROM %.0f°", rep.romDeg())
                : String.format(Locale.ROOT, "travel %.2f m", rep.travelM());
    }
}
