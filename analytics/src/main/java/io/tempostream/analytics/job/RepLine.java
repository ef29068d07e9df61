package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.Rep;
import java.util.Locale;

/** The one-line console form of a rep the demo prints as soon as it is detected. */
public final class RepLine {
    private RepLine() {
    }

    public static String format(Rep rep) {
        return String.format(Locale.ROOT,
                "%s/%s  set %d rep %2d  concentric %.1f s  hold %.1f s  eccentric %.1f s  pause %.1f s  ROM %.0f°",
                rep.athleteId(), rep.deviceId(), rep.set(), rep.rep(), rep.concentricMs() / 1000.0,
                rep.peakHoldMs() / 1000.0, rep.eccentricMs() / 1000.0, rep.bottomPauseMs() / 1000.0, rep.romDeg());
    }
}
