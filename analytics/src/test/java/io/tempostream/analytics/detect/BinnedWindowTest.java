package io.tempostream.analytics.detect;

import static java.lang.Double.NaN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * How the travel window fills bins lost on the way: on a line between the mean levels either side
 * of the gap, not between the single bins at its edges, whose noise the double integration would
 * carry across the whole gap.
 */
class BinnedWindowTest {
    private static final long T0 = 1_764_000_000_000L;
    private static final long BIN = SampleBin.BIN_MS;

    /**
     * A still wrist (acceleration 0) whose last bin before a 0.8 s gap and first bin after it
     * happen to read +0.1 m/s² (noise): the filled bins lie at the level around the gap, 0.02,
     * once the bins after it have come in. Filled from the edge bins they were all 0.1, which over
     * 0.8 s is 0.08 m/s of speed the still wrist never had.
     */
    @Test
    void aGapIsFilledAtTheLevelAroundIt() {
        BinnedWindow window = new BinnedWindow(35_000);
        int k = 0;
        for (; k < 50; k++) {
            window.append(T0 + k * BIN, k == 49 ? 0.1 : 0, 0, NaN, NaN, NaN);
        }
        int gapFrom = window.size();
        k += 19; // 19 bins lost (50 to 68)
        window.append(T0 + k * BIN, 0.1, 0, NaN, NaN, NaN);
        int gapTo = window.size() - 1;
        assertEquals(19, gapTo - gapFrom, "bins filled in");
        for (int j = 1; j < BinnedWindow.GAP_EDGE_BINS; j++) {
            window.append(T0 + (k + j) * BIN, 0, 0, NaN, NaN, NaN);
        }
        for (int j = gapFrom; j < gapTo; j++) {
            assertEquals(0.02, window.values()[j], 1e-9, "bin " + (j - gapFrom) + " of the gap");
        }
    }

    /** Between two levels, the fill is the straight line through each side's mean, at its mean time. */
    @Test
    void aGapBetweenTwoLevelsIsALineBetweenThem() {
        BinnedWindow window = new BinnedWindow(35_000);
        for (int k = 0; k < 50; k++) {
            window.append(T0 + k * BIN, 1.0, 0, NaN, NaN, NaN);
        }
        int gapFrom = window.size();
        for (int k = 60; k < 60 + BinnedWindow.GAP_EDGE_BINS; k++) {
            window.append(T0 + k * BIN, 2.0, 0, NaN, NaN, NaN);
        }
        // The sides' mean times: 47 bins (of 45..49) and 62 bins (of 60..64) in; a line from 1 to 2 between them.
        for (int j = 0; j < 10; j++) {
            double expected = 1.0 + (50 + j - 47) / 15.0;
            assertEquals(expected, window.values()[gapFrom + j], 1e-9, "bin " + j + " of the gap");
        }
    }

    /**
     * How the wrist turned against the rest before it: the rest's mean angular velocity is the
     * gyroscope's offset (1.5 deg/s about x here), taken off both stretches; bins filled into a
     * gap have no reading and count for neither. A rest of ±0.5 deg/s about y, then 2 s turning
     * at 5 deg/s about z: a pace of about √(25 + 0.25) deg/s against 0.5, 9 degrees beyond it.
     */
    @Test
    void theTurnAgainstTheRestLeavesTheOffsetOut() {
        BinnedWindow window = new BinnedWindow(35_000);
        int k = 0;
        for (; k < 76; k++) {
            window.append(T0 + k * BIN, 0, 0, 1.5, k % 2 == 0 ? 0.5 : -0.5, 0);
        }
        int from = window.size();
        for (int j = 0; j < 50; j++, k++) {
            if (j == 20) {
                k += 10; // ten bins lost: filled in, no reading
            }
            window.append(T0 + k * BIN, 0, 0, 1.5, j % 2 == 0 ? 0.5 : -0.5, 5.0);
        }
        BinnedWindow.TurnAgainstRest turn = window.turnAgainstRest(0, from, window.size());

        double pace = Math.sqrt(25 + 0.25);
        assertEquals(pace / 0.5, turn.paceRatio(), 1e-4, "pace over the rest's");
        double seconds = (59 * BIN) / 1000.0; // the first bin to the last, the gap included
        assertEquals((pace - 0.5) * seconds, turn.extraDeg(), 1e-4, "degrees beyond the rest's pace");
    }

    /**
     * The net turn: a wrist that turns 20° one way and back nets nothing, though it turned 40° in
     * all; one that turns 80° into a new pose nets 80°. Bins filled into a gap add nothing.
     */
    @Test
    void theNetTurnIsWhereThePoseEndsUp() {
        BinnedWindow window = new BinnedWindow(35_000);
        int k = 0;
        for (int j = 0; j < 50; j++, k++) {
            window.append(T0 + k * BIN, 0, 0, j < 25 ? 20.0 : -20.0, 0, 0); // 1 s each way at 20 deg/s
        }
        int back = window.size();
        for (int j = 0; j < 100; j++, k++) {
            if (j == 50) {
                k += 10; // ten bins lost
            }
            window.append(T0 + k * BIN, 0, 0, 0, 10.0, 10.0 * Math.sqrt(3)); // 20 deg/s for 4 s
        }

        assertEquals(0, window.netTurnDeg(0, back), 1e-6, "out and back");
        assertEquals(80, window.netTurnDeg(back, window.size()), 1e-4, "into a new pose");
    }
}
