package io.tempostream.analytics.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Local maxima with their topographic prominence, thinned to a minimum distance with the higher
 * peak kept (the definitions of scipy.signal.find_peaks).
 */
final class Peaks {
    record Peak(int index, double prominence) {
    }

    private final double[] x;
    /** Local maxima (a plateau's middle), in index order; at least two samples apart. */
    private final int[] candidates;
    private final int c;
    /** Each candidate's prominence, which the thinning by distance does not change. */
    private final double[] prominences;

    /**
     * The local maxima of {@code x} and their prominences, found once: a travel analysis asks for
     * rep-sized turns and for far ends at least a second apart of the same signal.
     */
    Peaks(double[] x) {
        this.x = x;
        int n = x.length;
        // Local maxima are at least two samples apart, so there are at most n / 2 + 1 of them.
        candidates = new int[n / 2 + 1];
        int count = 0;
        for (int i = 1; i < n - 1; i++) {
            if (x[i] > x[i - 1]) {
                int j = i;
                while (j < n - 1 && x[j + 1] == x[i]) {
                    j++;
                }
                if (j < n - 1 && x[j + 1] < x[i]) {
                    candidates[count++] = (i + j) / 2;
                }
                i = j;
            }
        }
        c = count;
        double[] valleys = valleyMinima(x, candidates, c);
        prominences = new double[c];
        for (int k = 0; k < c; k++) {
            prominences[k] = prominence(x, candidates, c, valleys, k);
        }
    }

    static List<Peak> find(double[] x, int minDistance, double minProminence) {
        return new Peaks(x).find(minDistance, minProminence);
    }

    /** The peaks at least {@code minDistance} apart (the higher kept) that stand out by {@code minProminence}. */
    List<Peak> find(int minDistance, double minProminence) {
        boolean[] removed = new boolean[c];
        if (anyCloserThan(candidates, c, minDistance)) {
            thin(x, candidates, c, minDistance, removed);
        }
        List<Peak> peaks = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            if (!removed[k] && prominences[k] >= minProminence) {
                peaks.add(new Peak(candidates[k], prominences[k]));
            }
        }
        return peaks;
    }

    /** How many local maxima from index {@code first} to {@code last} stand out by {@code minProminence}. */
    int count(double minProminence, int first, int last) {
        int count = 0;
        for (int k = 0; k < c; k++) {
            if (candidates[k] >= first && candidates[k] <= last && prominences[k] >= minProminence) {
                count++;
            }
        }
        return count;
    }

    private static boolean anyCloserThan(int[] candidates, int c, int minDistance) {
        for (int k = 1; k < c; k++) {
            if (candidates[k] - candidates[k - 1] < minDistance) {
                return true;
            }
        }
        return false;
    }

    /**
     * Thins by distance: higher peaks first (equal ones in index order), each suppressing its
     * neighbours within minDistance. Candidates are in index order, so the neighbours are the
     * adjacent entries.
     */
    private static void thin(double[] x, int[] candidates, int c, int minDistance, boolean[] removed) {
        for (int k : byHeight(x, candidates, c)) {
            if (removed[k]) {
                continue;
            }
            int p = candidates[k];
            for (int q = k - 1; q >= 0 && p - candidates[q] < minDistance; q--) {
                removed[q] = true;
            }
            for (int q = k + 1; q < c && candidates[q] - p < minDistance; q++) {
                removed[q] = true;
            }
        }
    }

    /**
     * Candidate numbers 0..c−1, highest first, equal heights in index order: a stable merge sort
     * on plain ints. At rest the travel wobbles into many tiny maxima, and peak finding on boxed
     * integers took about a fifth of the travel detector's time (JFR, 2026-12-03).
     */
    private static int[] byHeight(double[] x, int[] candidates, int c) {
        int[] order = new int[c];
        for (int k = 0; k < c; k++) {
            order[k] = k;
        }
        int[] buffer = new int[c];
        for (int width = 1; width < c; width *= 2) {
            for (int lo = 0; lo < c - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, c);
                int a = lo;
                int b = mid;
                int out = lo;
                while (a < mid && b < hi) {
                    // Take from the right run only when strictly higher: ties keep index order.
                    buffer[out++] = x[candidates[order[b]]] > x[candidates[order[a]]] ? order[b++] : order[a++];
                }
                while (a < mid) {
                    buffer[out++] = order[a++];
                }
                while (b < hi) {
                    buffer[out++] = order[b++];
                }
                System.arraycopy(buffer, lo, order, lo, hi - lo);
            }
        }
        return order;
    }

    /**
     * {@code valleys[k]} is the lowest value between candidate k − 1 and candidate k (the array's
     * edges before the first and after the last), so prominences walk candidates, not samples.
     */
    private static double[] valleyMinima(double[] x, int[] candidates, int c) {
        double[] valleys = new double[c + 1];
        int from = 0;
        for (int k = 0; k <= c; k++) {
            int to = k < c ? candidates[k] : x.length - 1;
            double min = Double.POSITIVE_INFINITY;
            for (int i = from; i <= to; i++) {
                if (x[i] < min) { // not Math.min: no NaN or −0 here, and this loop is hot
                    min = x[i];
                }
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
    private static double prominence(double[] x, int[] candidates, int c, double[] valleys, int k) {
        double height = x[candidates[k]];
        double leftMin = height;
        for (int j = k; j >= 0; j--) {
            leftMin = Math.min(leftMin, valleys[j]);
            if (j > 0 && x[candidates[j - 1]] > height) {
                break;
            }
        }
        double rightMin = height;
        for (int j = k + 1; j <= c; j++) {
            rightMin = Math.min(rightMin, valleys[j]);
            if (j < c && x[candidates[j]] > height) {
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
