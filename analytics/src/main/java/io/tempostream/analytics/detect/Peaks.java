package io.tempostream.analytics.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Local maxima with their topographic prominence, thinned to a minimum distance with the higher
 * peak kept (the definitions of scipy.signal.find_peaks).
 */
final class Peaks {
    record Peak(int index, double prominence) {
    }

    private Peaks() {
    }

    static List<Peak> find(double[] x, int minDistance, double minProminence) {
        int n = x.length;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i < n - 1; i++) {
            if (x[i] > x[i - 1]) {
                int j = i;
                while (j < n - 1 && x[j + 1] == x[i]) {
                    j++;
                }
                if (j < n - 1 && x[j + 1] < x[i]) {
                    candidates.add((i + j) / 2);
                }
                i = j;
            }
        }
        // Thin by distance: higher peaks first, each suppressing its neighbours within minDistance.
        Integer[] byHeight = candidates.toArray(new Integer[0]);
        Arrays.sort(byHeight, (a, b) -> Double.compare(x[b], x[a]));
        boolean[] removed = new boolean[n];
        boolean[] kept = new boolean[n];
        for (int p : byHeight) {
            if (removed[p]) {
                continue;
            }
            kept[p] = true;
            for (int q : candidates) {
                if (q != p && Math.abs(q - p) < minDistance) {
                    removed[q] = true;
                }
            }
        }
        List<Peak> peaks = new ArrayList<>();
        for (int p : candidates) {
            if (kept[p] && !removed[p]) {
                double prominence = prominence(x, p);
                if (prominence >= minProminence) {
                    peaks.add(new Peak(p, prominence));
                }
            }
        }
        return peaks;
    }

    /** Height above the higher of the two lowest points between the peak and higher ground on each side. */
    static double prominence(double[] x, int p) {
        double leftMin = x[p];
        for (int i = p - 1; i >= 0 && x[i] <= x[p]; i--) {
            leftMin = Math.min(leftMin, x[i]);
        }
        double rightMin = x[p];
        for (int i = p + 1; i < x.length && x[i] <= x[p]; i++) {
            rightMin = Math.min(rightMin, x[i]);
        }
        return x[p] - Math.max(leftMin, rightMin);
    }
}
