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

    @Test
    void aSpanWithoutMovementInThatDirectionIsTheWholeSpan() {
        long[] t = {0, 40, 80, 120, 160};
        double[] z = {0.4, 0.3, 0.2, 0.1, 0.0};
        TravelPhases.Span up = new TravelPhases(z, t, 0).movement(0, 4, 1);
        assertEquals(40, up.startMs());
        assertEquals(120, up.endMs());
    }
}
