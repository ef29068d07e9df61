package io.tempostream.ingest;

import java.util.Locale;

/**
 * A prescribed rep tempo in the order the product's exercises are coached: concentric, peak
 * squeeze/hold, eccentric, bottom pause. {@code parse("3-1-3-0")} is 3 s up, 1 s squeeze, 3 s down,
 * no pause. It is shared vocabulary of the simulator (which performs it) and the job (which
 * checks it), so it lives beside the message contract.
 */
public record TempoPrescription(long concentricMs, long peakHoldMs, long eccentricMs, long bottomPauseMs)
        implements java.io.Serializable {
    /** No sane prescription asks for more than a minute in one phase; larger is a typo. */
    private static final long MAX_PHASE_MS = 60_000;

    public TempoPrescription {
        check("concentric", concentricMs);
        check("peak hold", peakHoldMs);
        check("eccentric", eccentricMs);
        check("bottom pause", bottomPauseMs);
        if (concentricMs == 0 || eccentricMs == 0) {
            throw new IllegalArgumentException("tempo needs a concentric and an eccentric phase longer than 0 s");
        }
    }

    /** Parses four seconds values separated by dashes, decimals allowed: {@code 2.5-1-3-0}. */
    public static TempoPrescription parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("-");
        if (parts.length != 4) {
            throw new IllegalArgumentException("tempo must be four seconds values like 3-1-3-0, got '" + text + "'");
        }
        long[] ms = new long[4];
        for (int i = 0; i < 4; i++) {
            try {
                double seconds = Double.parseDouble(parts[i]);
                if (!Double.isFinite(seconds) || seconds < 0 || seconds * 1000 > MAX_PHASE_MS) {
                    throw new NumberFormatException();
                }
                ms[i] = Math.round(seconds * 1000);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tempo must be four seconds values like 3-1-3-0, got '" + text
                        + "' (part " + (i + 1) + " is '" + parts[i] + "')");
            }
        }
        return new TempoPrescription(ms[0], ms[1], ms[2], ms[3]);
    }

    public long repDurationMs() {
        return concentricMs + peakHoldMs + eccentricMs + bottomPauseMs;
    }

    @Override
    public String toString() {
        return format(concentricMs) + "-" + format(peakHoldMs) + "-" + format(eccentricMs) + "-" + format(bottomPauseMs);
    }

    private static String format(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%s", ms / 1000.0);
    }

    private static void check(String phase, long ms) {
        if (ms < 0 || ms > MAX_PHASE_MS) {
            throw new IllegalArgumentException(phase + " must be 0–60 s, got " + ms + " ms");
        }
    }
}
