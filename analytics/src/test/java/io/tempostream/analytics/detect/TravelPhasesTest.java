package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TravelPhasesTest {
    private static final int BIN_MS = 40;

    /** Rest 1 s, rise 0.4 m in 2 s, hold 1 s, lower in 2 s, rest 1 s: half-cosine (smooth) movements. */
    private static double travel(double tMs) {
        if (tMs < 1_000) {
            return 0;
        } else if (tMs < 3_000) {
            return 0.2 * (1 - Math.cos(Math.PI * (tMs - 1_000) / 2_000));
        } else if (tMs < 4_000) {
            return 0.4;
        } else if (tMs < 6_000) {
            return 0.2 * (1 + Math.cos(Math.PI * (tMs - 4_000) / 2_000));
        }
        return 0;
    }

    @Test
    void findsWhereEachMovementStartsAndStops() {
        int n = 7_000 / BIN_MS;
        long[] t = new long[n + 5];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            t[5 + i] = (long) i * BIN_MS; // an offset, as inside a detector's longer buffer
            z[i] = travel(t[5 + i]);
        }
        TravelPhases phases = new TravelPhases(z, t, 5);
        int top = 3_500 / BIN_MS;

        TravelPhases.Span up = phases.movement(0, top, 1);
        TravelPhases.Span down = phases.movement(top, n - 1, -1);

        assertEquals(1_000, up.startMs(), BIN_MS, "rise starts");
        assertEquals(3_000, up.endMs(), BIN_MS, "rise ends: the hold at the top is not part of it");
        assertEquals(4_000, down.startMs(), BIN_MS, "lowering starts after the 1 s hold");
        assertEquals(6_000, down.endMs(), BIN_MS, "lowering ends");
    }

    /**
     * A way down from 0.4 m that peaks at once and ends slowly (its speed falling to a quarter over
     * 3.5 s, then to nothing in 0.2 s), straight into the next way up (a half cosine, 2 s): the line
     * through its 50 % and 25 % crossings reaches zero at 4.67 s, a second into the way up.
     */
    @Test
    void aSlowlyEndingMovementEndsWhereTheTravelTurns() {
        int n = 7_000 / BIN_MS;
        long[] t = new long[n];
        double[] z = new double[n];
        double peak = 0.4 / (3.5 * (1 + 0.25) / 2 + 0.2 * 0.25 / 2);
        double fell = 0;
        for (int i = 0; i < n; i++) {
            t[i] = (long) i * BIN_MS;
            double s = t[i] - 1_000;
            double down = s < 0 ? 0 : s < 3_500 ? peak * (1 - 0.75 * s / 3_500) : s < 3_700 ? peak * 0.25 * (3_700 - s) / 200 : 0;
            fell += i == 0 ? 0 : down * BIN_MS / 1000.0;
            double up = t[i] < 4_700 ? 0 : t[i] < 6_700 ? 0.2 * (1 - Math.cos(Math.PI * (t[i] - 4_700) / 2_000)) : 0.4;
            z[i] = 0.4 - fell + up;
        }

        TravelPhases.Span down = new TravelPhases(z, t, 0).movement(1_000 / BIN_MS, n - 2, -1);

        assertEquals(1_000, down.startMs(), BIN_MS, "the way down starts");
        assertEquals(4_700, down.endMs(), 150, "the way down ends where the next way up sets off");
    }

    @Test
    void aSpanWithoutMovementInThatDirectionIsTheWholeSpan() {
        long[] t = {0, 40, 80, 120, 160};
        double[] z = {0.4, 0.3, 0.2, 0.1, 0.0};
        TravelPhases.Span up = new TravelPhases(z, t, 0).movement(0, 4, 1);
        assertEquals(40, up.startMs());
        assertEquals(120, up.endMs());
    }
}
