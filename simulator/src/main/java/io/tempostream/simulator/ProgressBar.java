package io.tempostream.simulator;

import java.util.Locale;

/** A one-line progress bar for a terminal, redrawn in place with a carriage return. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    static String render(long done, long total) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        return String.format(Locale.ROOT, "\r[%s%s] %3d%% %d/%d messages", "#".repeat(filled), ".".repeat(WIDTH - filled),
                total == 0 ? 100 : 100 * done / total, done, total);
    }
}
