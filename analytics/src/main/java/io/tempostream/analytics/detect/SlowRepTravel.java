package io.tempostream.analytics.detect;

/**
 * How much of a slow rep's travel the band-limited travel shows. The band that keeps double
 * integration from drifting (0.07 Hz) shows a rep out and back in 3 s each at 0.85 of its travel,
 * one in 5 s each at under half: a 35 cm row looked 11–15 cm in the looks for a set's first rep,
 * under the 15 cm such a rep must travel. Computed once, by passing a half-cosine rep of each
 * length through the same travel filter as those looks; no athlete's data in it.
 */
final class SlowRepTravel {
    /** Reps out and back within this are asked the full size: the band was chosen for them. */
    static final long PASSED_WHOLE_MS = 6_000;
    private static final long STEP_MS = 500;
    private static final long LONGEST_MS = 16_000;
    private static final double RATE_HZ = 25;
    private static final double REST_BEFORE_S = 3;
    private static final double AFTER_RETURN_S = 0.5;
    private static final double LOOK_S = 12;
    /** Share of the travel shown for reps out and back in 0, STEP_MS, 2 STEP_MS, … LONGEST_MS. */
    private static final double[] SHOWN = new double[(int) (LONGEST_MS / STEP_MS) + 1];

    static {
        for (int k = 1; k < SHOWN.length; k++) {
            SHOWN[k] = shownOf(k * STEP_MS / 2000.0);
        }
        SHOWN[0] = SHOWN[1];
    }

    private SlowRepTravel() {
    }

    /**
     * The share of its travel that a rep out and back in {@code repMs} (from where it set off to
     * where it came back to rest) shows in the band-limited travel, relative to a rep of
     * {@link #PASSED_WHOLE_MS}: 1 up to that, less beyond (about 0.6 at 10 s, 0.4 at 12 s). Out
     * and back, not the way out alone: a look reads a slow way out shorter than it was.
     */
    static double relativeShare(long repMs) {
        if (repMs <= PASSED_WHOLE_MS) {
            return 1;
        }
        return Math.min(1, shown(repMs) / shown(PASSED_WHOLE_MS));
    }

    private static double shown(long repMs) {
        double k = Math.min(LONGEST_MS, Math.max(0, repMs)) / (double) STEP_MS;
        int i = (int) Math.min(SHOWN.length - 2, Math.floor(k));
        double f = k - i;
        return SHOWN[i] * (1 - f) + SHOWN[i + 1] * f;
    }

    /** The travel into the far end the filter shows for a rep of way-out time {@code wayS}, as a share of the true one. */
    private static double shownOf(double wayS) {
        double totalS = Math.max(LOOK_S, REST_BEFORE_S + 2 * wayS + AFTER_RETURN_S);
        int n = (int) Math.round(totalS * RATE_HZ);
        double startS = totalS - AFTER_RETURN_S - 2 * wayS;
        double[] position = new double[n];
        for (int i = 0; i < n; i++) {
            double s = (i / RATE_HZ - startS) / wayS;
            position[i] = s <= 0 || s >= 2 ? 0 : (1 - Math.cos(Math.PI * s)) / 2;
        }
        double[] accel = new double[n];
        for (int i = 1; i < n - 1; i++) {
            accel[i] = (position[i + 1] - 2 * position[i] + position[i - 1]) * RATE_HZ * RATE_HZ;
        }
        double[] z = VerticalExcursions.travel(accel, 0, n, RATE_HZ, true);
        int far = 0;
        for (int i = 1; i < n; i++) {
            if (z[i] > z[far]) {
                far = i;
            }
        }
        double lowest = z[far];
        for (int i = 0; i < far; i++) {
            lowest = Math.min(lowest, z[i]);
        }
        return z[far] - lowest;
    }
}
