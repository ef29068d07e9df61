package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeaksTest {
    @Test
    void prominenceIsHeightAboveTheHigherSaddle() {
        double[] x = {0, 3, 1, 2, 0.5, 5, 0};
        List<Peaks.Peak> peaks = Peaks.find(x, 1, 0);
        assertEquals(List.of(1, 3, 5), peaks.stream().map(Peaks.Peak::index).toList());
        assertEquals(2.5, peaks.get(0).prominence(), 1e-12, "3 rises 2.5 above the saddle at 0.5 toward the higher 5");
        assertEquals(1.0, peaks.get(1).prominence(), 1e-12, "2 rises 1 above the saddle toward the higher 3");
        assertEquals(5.0, peaks.get(2).prominence(), 1e-12);
    }

    @Test
    void closePeaksKeepTheHigherOne() {
        double[] x = {0, 2, 1, 3, 0, 0, 0, 1, 0};
        List<Peaks.Peak> peaks = Peaks.find(x, 3, 0);
        assertEquals(List.of(3, 7), peaks.stream().map(Peaks.Peak::index).toList());
    }

    @Test
    void smallPeaksAreDropped() {
        double[] x = {0, 0.05, 0, 1, 0};
        assertEquals(List.of(3), Peaks.find(x, 1, 0.08).stream().map(Peaks.Peak::index).toList());
    }

    @Test
    void prominenceFromValleysEqualsTheSampleBySampleDefinition() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            double[] x = walkWithPlateaus(random, 50 + random.nextInt(300));
            for (Peaks.Peak peak : Peaks.find(x, 1 + random.nextInt(5), 0)) {
                assertEquals(Peaks.prominence(x, peak.index()), peak.prominence(), 1e-12, "trial " + trial + " peak " + peak.index());
            }
        }
    }

    @Test
    void thinningByDistanceKeepsHigherPeaksFirstAndEqualOnesInOrder() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            double[] x = walkWithPlateaus(random, 20 + random.nextInt(400));
            int minDistance = 1 + random.nextInt(30);
            assertEquals(thinnedAsDefined(x, minDistance), Peaks.find(x, minDistance, 0).stream().map(Peaks.Peak::index).toList(),
                    "trial " + trial + ", minimum distance " + minDistance);
        }
    }

    /**
     * A random walk in quarter steps with plateaus, so equal heights and saddles (the ties the
     * prominence and the order of thinning must handle) are common.
     */
    private static double[] walkWithPlateaus(Random random, int length) {
        double[] x = new double[length];
        for (int i = 1; i < length; i++) {
            x[i] = x[i - 1] + (random.nextInt(5) == 0 ? 0 : Math.round(random.nextGaussian() * 4) / 4.0);
        }
        return x;
    }

    /** scipy's rule written plainly: local maxima (plateau middles), by height, stable, each removing its close neighbours. */
    private static List<Integer> thinnedAsDefined(double[] x, int minDistance) {
        List<Integer> maxima = new ArrayList<>();
        for (int i = 1; i < x.length - 1; i++) {
            int j = i;
            while (j < x.length - 1 && x[j + 1] == x[i]) {
                j++;
            }
            if (x[i] > x[i - 1] && j < x.length - 1 && x[j + 1] < x[i]) {
                maxima.add((i + j) / 2);
            }
            i = x[i] > x[i - 1] ? j : i;
        }
        List<Integer> order = new ArrayList<>(maxima);
        order.sort(Comparator.comparingDouble((Integer p) -> x[p]).reversed());
        List<Integer> kept = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        for (int p : order) {
            if (removed.contains(p)) {
                continue;
            }
            kept.add(p);
            for (int q : maxima) {
                if (q != p && Math.abs(q - p) < minDistance) {
                    removed.add(q);
                }
            }
        }
        kept.sort(null);
        return kept;
    }
}
