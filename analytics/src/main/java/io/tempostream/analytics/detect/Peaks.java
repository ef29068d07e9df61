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
        // Candidates are in index order, so the neighbours are the adjacent entries.
        int c = candidates.size();
        Integer[] byHeight = new Integer[c];
        for (int k = 0; k < c; k++) {
            byHeight[k] = k;
        }
        Arrays.sort(byHeight, (a, b) -> Double.compare(x[candidates.get(b)], x[candidates.get(a)]));
        boolean[] removed = new boolean[c];
        for (int k : byHeight) {
            if (removed[k]) {
                continue;
            }
            int p = candidates.get(k);
            for (int q = k - 1; q >= 0 && p - candidates.get(q) < minDistance; q--) {
                removed[q] = true;
            }
            for (int q = k + 1; q < c && candidates.get(q) - p < minDistance; q++) {
                removed[q] = true;
            }
        }
        List<Peak> peaks = new ArrayList<>();
        double[] valleys = valleyMinima(x, candidates);
        for (int k = 0; k < c; k++) {
            if (!removed[k]) {
                double prominence = prominence(x, candidates, valleys, k);
                if (prominence >= minProminence) {
                    peaks.add(new Peak(candidates.get(k), prominence));
                }
            }
        }
        return peaks;
    }

    /**
     * {@code valleys[k]} is the lowest value between candidate k − 1 and candidate k (the array's
     * edges before the first and after the last), so prominences walk candidates, not samples.
     */
    private static double[] valleyMinima(double[] x, List<Integer> candidates) {
        int c = candidates.size();
        double[] valleys = new double[c + 1];
        int from = 0;
        for (int k = 0; k <= c; k++) {
            int to = k < c ? candidates.get(k) : x.length - 1;
            double min = Double.POSITIVE_INFINITY;
            for (int i = from; i <= to; i++) {
                min = Math.min(min, x[i]);
            }
            valleys[k] = min;
            from = to;
        }
        return valleys;
    }

    /**
     * The same value as {@link #prominence(double[], int)}: higher ground is reached at the first
     * candidate above the peak (every sample above the peak belongs to such a hill), and the lowest
     * point on the way is the lowest of the valleys passed.
     */
    private static double prominence(double[] x, List<Integer> candidates, double[] valleys, int k) {
        double height = x[candidates.get(k)];
        double leftMin = height;
        for (int j = k; j >= 0; j--) {
            leftMin = Math.min(leftMin, valleys[j]);
            if (j > 0 && x[candidates.get(j - 1)] > height) {
                break;
            }
        }
        double rightMin = height;
        for (int j = k + 1; j <= candidates.size(); j++) {
            rightMin = Math.min(rightMin, valleys[j]);
            if (j < candidates.size() && x[candidates.get(j)] > height) {
                break;
            }
        }
        return height - Math.max(leftMin, rightMin);
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
