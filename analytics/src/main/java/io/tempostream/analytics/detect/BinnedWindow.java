package io.tempostream.analytics.detect;

import java.util.Arrays;

/**
 * The recent past of one signal in 40 ms bins ({@link SampleBin}), with each bin's time beside its
 * value: what {@link VerticalRepDetector} analyses. Bounded in length; trimmed from the front.
 */
final class BinnedWindow {
    /** When the window is full, this much more is dropped at once, so trimming is rare. */
    private static final long DROP_STEP_MS = 5_000;
    /** Bins either side of a gap whose mean levels the bins filled into it run between (200 ms). */
    static final int GAP_EDGE_BINS = 5;

    /** How much the window keeps ({@link #keepUpTo}). */
    private long maxWindowMs;
    /**
     * 45 s of 40 ms bins is 1 125 (the longest the travel detector keeps); the arrays grow should
     * more come. Part of every device's checkpointed state: 4 096 of each were 64 KB, mostly empty.
     */
    private static final int INITIAL_BINS = 1152;
    private long[] t = new long[INITIAL_BINS];
    private double[] values = new double[INITIAL_BINS];
    /**
     * How far the sensor turned in each bin (degrees): a bar's travel barely turns the wrist. Kept
     * beside the angular velocity below: it holds the bin's span (one sample at 12.5 Hz spans 80 ms).
     */
    private double[] turnsDeg = new double[INITIAL_BINS];
    /**
     * Each bin's mean angular velocity (deg/s), axis by axis, NaN for a bin filled into a gap:
     * what the wrist turned less the gyroscope's offset ({@link #turnAgainstRest}). Floats: the
     * gyroscope's noise is far above their precision, and they are state.
     */
    private float[] gyroX = new float[INITIAL_BINS];
    private float[] gyroY = new float[INITIAL_BINS];
    private float[] gyroZ = new float[INITIAL_BINS];
    private int n;
    private boolean startsAtStreamStart = true;
    /**
     * The newest gap filled in ({@link #append}): its first filled bin's time, how many it holds,
     * and how many bins after it have come so far, up to {@link #GAP_EDGE_BINS} (0: its fill is
     * final). Not state: restored, a gap's fill stays as it was.
     */
    private transient long gapFromMs;
    private transient int gapBins;
    private transient int binsAfterGap;
    private transient int gapFills;
    /** {@link #sampleRateHz()} since the last change: each analysis asks for it many times. Not state. */
    private transient boolean rateKnown;
    private transient double rateHz;

    BinnedWindow(long maxWindowMs) {
        this.maxWindowMs = maxWindowMs;
    }

    /** From now on the window keeps the last {@code ms} (trimmed as bins come in). */
    void keepUpTo(long ms) {
        maxWindowMs = ms;
    }

    /** Forgets everything; what comes next does not start the stream. */
    void clear() {
        n = 0;
        binsAfterGap = 0;
        startsAtStreamStart = false;
        rateKnown = false;
    }

    void dropBefore(long cutMs) {
        int cut = 0;
        while (cut < n && t[cut] < cutMs) {
            cut++;
        }
        if (cut == 0) {
            return;
        }
        System.arraycopy(t, cut, t, 0, n - cut);
        System.arraycopy(values, cut, values, 0, n - cut);
        System.arraycopy(turnsDeg, cut, turnsDeg, 0, n - cut);
        System.arraycopy(gyroX, cut, gyroX, 0, n - cut);
        System.arraycopy(gyroY, cut, gyroY, 0, n - cut);
        System.arraycopy(gyroZ, cut, gyroZ, 0, n - cut);
        n -= cut;
        startsAtStreamStart = false;
        rateKnown = false;
    }

    int size() {
        return n;
    }

    /** Bin times (ms); valid up to {@link #size()}, and only until the next change. */
    long[] timesMs() {
        return t;
    }

    /** Bin values; valid up to {@link #size()}, and only until the next change. */
    double[] values() {
        return values;
    }

    /** How far the sensor turned in each bin (degrees); valid up to {@link #size()}, and only until the next change. */
    double[] turnsDeg() {
        return turnsDeg;
    }

    /** How far the sensor turned from bin {@code from} to {@code to} (exclusive), degrees. */
    double turnedDeg(int from, int to) {
        double sum = 0;
        for (int j = from; j < to; j++) {
            sum += turnsDeg[j];
        }
        return sum;
    }

    /**
     * How much more the sensor turned on the way back from bin {@code far} than on the way in
     * (negative: less), over as long a stretch of each as the shorter of the way in from
     * {@code restBefore} and the way back to {@code restAfter}: a turn into a new pose counts, a
     * still wrist's long rest before it does not.
     */
    double extraTurnBackDeg(int restBefore, int far, int restAfter) {
        int span = Math.min(far - restBefore, restAfter - far);
        return turnedDeg(far, far + span) - turnedDeg(far - span, far);
    }

    /**
     * How the sensor turned over bins {@code from} to {@code to} (exclusive) against the rest
     * before it, bins {@code restFrom} to {@code from}: its angular velocity less the rest's mean
     * (the gyroscope's offset), as a pace (degrees a second) against the rest's pace, and in
     * degrees beyond what that pace would have turned it. A still sensor's noise alone gives
     * about 0.5 deg/s at 25 Hz, pace for pace; a rowing wrist several times that. Null where a
     * stretch has no reading (bins filled into a gap have none).
     */
    TurnAgainstRest turnAgainstRest(int restFrom, int from, int to) {
        if (restFrom >= from || from >= to) {
            return null;
        }
        double[] offset = meanGyroDps(restFrom, from);
        if (offset == null) {
            return null;
        }
        double restPace = turnPaceDps(restFrom, from, offset);
        double pace = turnPaceDps(from, to, offset);
        if (Double.isNaN(pace)) {
            return null;
        }
        double seconds = (t[to - 1] - t[from]) / 1000.0;
        return new TurnAgainstRest(pace / restPace, (pace - restPace) * seconds);
    }

    /** {@link #turnAgainstRest}: pace over the rest's, and degrees beyond the rest's pace. */
    record TurnAgainstRest(double paceRatio, double extraDeg) {
        /** Turned as on a rep's way in: 3 times the rest's pace, 3° beyond it (a row tilts the forearm 8–20°). */
        boolean turned() {
            return paceRatio >= 3 && extraDeg >= 3;
        }

        /** No faster than the rest, give or take its noise: under 1.5 times its pace. */
        boolean still() {
            return paceRatio < 1.5;
        }
    }

    /** The mean angular velocity (deg/s, x, y, z) over bins {@code from} to {@code to} (exclusive) that have one, or null. */
    private double[] meanGyroDps(int from, int to) {
        double[] sum = gyroSum(from, to);
        return sum[3] == 0 ? null : new double[] {sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3]};
    }

    /**
     * The angular velocities (deg/s) summed axis by axis over bins {@code from} to {@code to}
     * (exclusive) that have one, and how many have: x, y, z, count.
     */
    private double[] gyroSum(int from, int to) {
        double x = 0;
        double y = 0;
        double z = 0;
        int count = 0;
        for (int j = from; j < to; j++) {
            if (!Float.isNaN(gyroX[j])) {
                x += gyroX[j];
                y += gyroY[j];
                z += gyroZ[j];
                count++;
            }
        }
        return new double[] {x, y, z, count};
    }

    /**
     * The mean angular speed (deg/s) less {@code offsetDps} over bins {@code from} to {@code to}
     * (exclusive) that have a reading; NaN if none has.
     */
    private double turnPaceDps(int from, int to, double[] offsetDps) {
        double sum = 0;
        int count = 0;
        for (int j = from; j < to; j++) {
            if (!Float.isNaN(gyroX[j])) {
                double x = gyroX[j] - offsetDps[0];
                double y = gyroY[j] - offsetDps[1];
                double z = gyroZ[j] - offsetDps[2];
                sum += Math.sqrt(x * x + y * y + z * z);
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * The sensor's net turn over bins {@code from} to {@code to} (exclusive), in degrees: its
     * angular velocity summed as one vector over the bins that have a reading. A movement that
     * comes back to its pose nets little; one into a new pose nets about the angle between them.
     */
    double netTurnDeg(int from, int to) {
        double[] sum = gyroSum(from, to);
        return Math.sqrt(sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2]) * SampleBin.BIN_MS / 1000.0;
    }

    /** True while nothing has been dropped: the first bin is the stream's first sample. */
    boolean startsAtStreamStart() {
        return startsAtStreamStart;
    }

    /** The first bin at or after {@code ms}, or the last bin if none is; bin times only grow. */
    int firstIndexAtOrAfter(long ms) {
        return Math.min(firstAtOrAfter(t, n, ms), Math.max(0, n - 1));
    }

    /** The first of the growing times {@code t[0..n)} at or after {@code ms}, or n if none is. */
    static int firstAtOrAfter(long[] t, int n, long ms) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The median bin spacing, so dropouts (gaps in the window) do not bend the rate; 0 if too short. */
    double sampleRateHz() {
        if (n < 8) {
            return 0;
        }
        if (!rateKnown) {
            rateHz = 1000.0 / Math.max(1, medianSpacingMs());
            rateKnown = true;
        }
        return rateHz;
    }

    /**
     * The median of some 64 bin spacings spread over the window. Most of them are one and the same
     * (the bins' 40 ms), which is then the median without sorting: this runs as each bin comes in.
     */
    private long medianSpacingMs() {
        int step = Math.max(1, n / 64);
        int count = (n - 1) / step;
        long candidate = 0;
        int votes = 0;
        for (int k = 0; k < count; k++) { // the majority spacing, if there is one (Boyer–Moore)
            long dt = t[k * step + 1] - t[k * step];
            if (votes == 0) {
                candidate = dt;
            }
            votes += dt == candidate ? 1 : -1;
        }
        int same = 0;
        for (int k = 0; k < count; k++) {
            same += t[k * step + 1] - t[k * step] == candidate ? 1 : 0;
        }
        if (2 * same > count) {
            return candidate; // over half of them: it covers the middle of the sorted spacings
        }
        long[] dt = new long[count];
        for (int k = 0; k < count; k++) {
            dt[k] = t[k * step + 1] - t[k * step];
        }
        Arrays.sort(dt);
        return dt[count / 2];
    }

    /**
     * Adds the newest bin ({@link SampleBin}: its time, value and turn). Bins missing before it
     * (messages lost on the way, {@link SampleGaps}) are filled in on a straight line between the
     * mean levels of the {@link #GAP_EDGE_BINS} bins either side, the side after the gap taken
     * again as its bins come in: a gap joined up bent the travel the analysis integrates, and a
     * line between the two single bins at its edges carried their noise (0.01 g) across the whole
     * gap, which integrated twice drifted a still wrist by centimetres.
     */
    void append(long tMs, double value, double turnDeg, double gxDps, double gyDps, double gzDps) {
        int missing = missingBefore(tMs);
        if (missing > 0) {
            long lastMs = t[n - 1];
            for (int k = 1; k <= missing; k++) {
                add(lastMs + Math.round((tMs - lastMs) * (k / (double) (missing + 1))), value, 0, Double.NaN, Double.NaN,
                        Double.NaN);
            }
        }
        add(tMs, value, turnDeg, gxDps, gyDps, gzDps);
        if (missing > 0) {
            gapFromMs = t[n - 1 - missing];
            gapBins = missing;
            binsAfterGap = 1;
            fillGap();
        } else if (binsAfterGap > 0 && binsAfterGap < GAP_EDGE_BINS) {
            binsAfterGap++;
            fillGap();
        }
    }

    /** Counts the fills of gaps: bins read before one may since have changed ({@link #append}). */
    int gapFills() {
        return gapFills;
    }

    /** Puts the newest gap's bins on the line between the mean levels either side of it, or forgets the gap once gone. */
    private void fillGap() {
        int g = firstAtOrAfter(t, n, gapFromMs);
        int after = g + gapBins;
        if (g == 0 || g >= n || t[g] != gapFromMs || after + binsAfterGap > n) {
            binsAfterGap = 0; // trimmed away or cleared
            return;
        }
        int before = Math.max(0, g - GAP_EDGE_BINS);
        double levelBefore = meanValue(before, g);
        double timeBefore = meanTimeMs(before, g);
        double levelAfter = meanValue(after, after + binsAfterGap);
        double timeAfter = meanTimeMs(after, after + binsAfterGap);
        double slope = (levelAfter - levelBefore) / (timeAfter - timeBefore);
        for (int j = g; j < after; j++) {
            values[j] = levelBefore + slope * (t[j] - timeBefore);
        }
        gapFills++;
    }

    /** The mean value of bins {@code from} to {@code to} (exclusive). */
    double meanValue(int from, int to) {
        double sum = 0;
        for (int j = from; j < to; j++) {
            sum += values[j];
        }
        return sum / (to - from);
    }

    /** The mean time of bins {@code from} to {@code to} (exclusive), ms. */
    private double meanTimeMs(int from, int to) {
        double sum = 0;
        for (int j = from; j < to; j++) {
            sum += t[j];
        }
        return sum / (to - from);
    }

    /** How many bins are missing before one at {@code tMs}, at the window's usual spacing ({@link SampleGaps}). */
    private int missingBefore(long tMs) {
        if (n < 8) {
            return 0;
        }
        long gapMs = tMs - t[n - 1];
        long lastStepMs = t[n - 1] - t[n - 2];
        if (SampleGaps.goesOn(gapMs, lastStepMs)) {
            return 0; // none missing (SampleGaps.missing), and no need for the rate
        }
        return SampleGaps.missing(gapMs, lastStepMs, 1000 / sampleRateHz());
    }

    private void add(long tMs, double value, double turnDeg, double gxDps, double gyDps, double gzDps) {
        if (n == t.length) {
            t = Arrays.copyOf(t, n * 2);
            values = Arrays.copyOf(values, n * 2);
            turnsDeg = Arrays.copyOf(turnsDeg, n * 2);
            gyroX = Arrays.copyOf(gyroX, n * 2);
            gyroY = Arrays.copyOf(gyroY, n * 2);
            gyroZ = Arrays.copyOf(gyroZ, n * 2);
        }
        t[n] = tMs;
        values[n] = value;
        turnsDeg[n] = turnDeg;
        gyroX[n] = (float) gxDps;
        gyroY[n] = (float) gyDps;
        gyroZ[n] = (float) gzDps;
        n++;
        rateKnown = false;
        if (tMs - t[0] > maxWindowMs) {
            dropBefore(tMs - maxWindowMs + DROP_STEP_MS);
        }
    }
}
