package io.tempostream.analytics.detect;

/**
 * Cuts a stream of angular velocity into {@link Movement}s. A movement begins when the smoothed
 * angular speed rises above its threshold (RotationThresholds) and ends once it falls below a quarter of its peak.
 * Its true start and end (where speed is zero) are then found by extending the line through the
 * 25 % and 50 % of peak crossings to zero: smooth human motion ramps speed up and down almost
 * linearly near rest, so this lands within a few ms where a plain threshold is off by a tenth of
 * the phase. Samples are kept in a ring buffer long enough for the slowest movement.
 */
final class MovementSegmenter {
    /** Receives a movement twice: early, when it starts, and complete, when it ends. */
    interface Listener {
        /** A movement has begun at about {@code startMs}, turning at the angular velocity given (deg/s). */
        void onset(long startMs, double gxDps, double gyDps, double gzDps);

        void movement(Movement movement);
    }

    /** A movement is over when speed drops below this share of its peak. */
    private static final double END_FRACTION = 0.25;
    private static final double MID_FRACTION = 0.5;
    /** Centered moving-average width: suppresses noise while keeping 10 Hz motion. */
    private static final long SMOOTHING_MS = 90;
    /** Longer than any single concentric or eccentric (a 10 s eccentric is extreme). */
    private static final long MAX_MOVEMENT_MS = 15_000;
    private static final int CAPACITY = 8192; // 40 s at 200 Hz, > MAX_MOVEMENT_MS at any supported rate

    private final long[] t = new long[CAPACITY];
    /**
     * Per sample, side by side: angular velocity x, y, z and the smoothed speed. Floats: the
     * sensor's own resolution (16 bits), and 40 % less state to checkpoint per device. Side by
     * side, not an array each: the job runs thousands of devices in turn, and a sample's four
     * values then share a cache line instead of taking four.
     */
    private final float[] samples = new float[CAPACITY * FIELDS];
    private static final int FIELDS = 4;
    private static final int GX = 0;
    private static final int GY = 1;
    private static final int GZ = 2;
    private static final int SPEED = 3;
    private long count;
    private int halfWidth = -1;
    private double sumX, sumY, sumZ;

    private boolean active;
    private boolean discarding;
    private long startIndex;
    private long peakIndex;
    private double peak;
    private long previousEndMs = Long.MIN_VALUE;
    private final double onSpeedDps;

    MovementSegmenter(double onSpeedDps) {
        this.onSpeedDps = onSpeedDps;
    }

    /** Adds one sample of angular velocity (deg/s, sensor axes, offset removed). */
    void add(long tMs, double gxDps, double gyDps, double gzDps, Listener out) {
        int i = slot(count);
        t[i] = tMs;
        samples[i * FIELDS + GX] = (float) gxDps;
        samples[i * FIELDS + GY] = (float) gyDps;
        samples[i * FIELDS + GZ] = (float) gzDps;
        count++;
        if (halfWidth < 0) {
            if (count < 8) {
                return; // learn the sample rate from the first samples
            }
            double periodMs = (t[slot(count - 1)] - t[slot(0)]) / (double) (count - 1);
            halfWidth = (int) Math.max(0, Math.round(SMOOTHING_MS / Math.max(periodMs, 1) / 2));
            for (long k = 0; k < count; k++) {
                advanceWindow(k, out);
            }
            return;
        }
        advanceWindow(count - 1, out);
    }

    /** Slides the moving average to include sample {@code newest} and classifies its centre. */
    private void advanceWindow(long newest, Listener out) {
        int in = slot(newest);
        sumX += velocity(in, GX);
        sumY += velocity(in, GY);
        sumZ += velocity(in, GZ);
        long width = 2L * halfWidth + 1;
        if (newest >= width) {
            int leaving = slot(newest - width);
            sumX -= velocity(leaving, GX);
            sumY -= velocity(leaving, GY);
            sumZ -= velocity(leaving, GZ);
        }
        long centre = newest - halfWidth;
        if (centre < 0) {
            return;
        }
        long n = Math.min(width, newest + 1);
        // The length of the averaged velocity, not the average of lengths: noise has a length
        // too (0.5 deg/s for 0.3 deg/s per axis), which kept a slow movement from ending.
        samples[slot(centre) * FIELDS + SPEED] = (float) (Math.sqrt(sumX * sumX + sumY * sumY + sumZ * sumZ) / n);
        classify(centre, out);
    }

    private void classify(long index, Listener out) {
        double s = speed(slot(index));
        if (discarding) {
            discarding = s >= onSpeedDps;
            return;
        }
        if (!active) {
            if (s > onSpeedDps) {
                active = true;
                startIndex = index;
                peakIndex = index;
                peak = s;
                int k = slot(index);
                out.onset(Math.max(Math.round(rampStart(index)), previousEndMs), velocity(k, GX), velocity(k, GY), velocity(k, GZ));
            }
            return;
        }
        if (s > peak) {
            peak = s;
            peakIndex = index;
        }
        if (t[slot(index)] - t[slot(startIndex)] > MAX_MOVEMENT_MS) {
            active = false;
            discarding = true; // continuous motion (walking, carrying) is not a rep phase
            return;
        }
        if (index > peakIndex && s < END_FRACTION * peak) {
            active = false;
            out.movement(finish(index));
        }
    }

    private Movement finish(long endIndex) {
        long oldest = Math.max(0, count - CAPACITY + 1);
        double start = extrapolatedZero(peakIndex, -1, oldest);
        double end = extrapolatedZero(peakIndex, +1, endIndex);
        start = Math.max(start, previousEndMs);
        long startMs = Math.round(start);
        long endMs = Math.max(startMs + 1, Math.round(end));
        previousEndMs = endMs;
        double[] rotation = rotationBetween(startMs, endMs, oldest);
        double[] jolts = jolts(start, end, oldest, endIndex);
        return new Movement(startMs, endMs, rotation[0], rotation[1], rotation[2], peak, jolts[0], jolts[1]);
    }

    /** The movement's start and end jolts ({@link MovementJolt}) from the smoothed speed around it. */
    private double[] jolts(double startMs, double endMs, long oldest, long endIndex) {
        long first = peakIndex;
        while (first > oldest && t[slot(first - 1)] >= startMs) {
            first--;
        }
        int n = (int) (endIndex - first + 1);
        double[] times = new double[n];
        double[] speeds = new double[n];
        for (int k = 0; k < n; k++) {
            times[k] = t[slot(first + k)];
            speeds[k] = speed(slot(first + k));
        }
        return new double[] {MovementJolt.of(times, speeds, n, startMs, endMs, peak, true),
                MovementJolt.of(times, speeds, n, startMs, endMs, peak, false)};
    }

    /**
     * The onset estimate before the peak is known: the line through the rising speed's crossings
     * of half the threshold and the threshold, extended to zero, as {@link #finish} does later
     * with the peak. The lowest speed before the threshold (the earlier estimate) wanders in noise
     * at a slow turn: a back rep at 3-1-3-0 got 400 ms of pause it never had.
     */
    private double rampStart(long index) {
        long oldest = Math.max(0, count - CAPACITY + 1);
        double on = crossing(index, -1, oldest, onSpeedDps);
        double half = crossing(index, -1, oldest, onSpeedDps / 2);
        return half - (on - half);
    }

    /** A movement is under way (its speed has not yet fallen back below a quarter of its peak). */
    boolean moving() {
        return active;
    }

    /** Time of the newest sample whose smoothed speed has been classified. */
    long classifiedUpToMs() {
        long centre = count - 1 - Math.max(halfWidth, 0);
        return centre < 0 ? Long.MIN_VALUE : t[slot(centre)];
    }

    /**
     * Walks from the peak in {@code step} direction to the 50 % and 25 % crossings and extends the
     * line through them to zero speed.
     */
    private double extrapolatedZero(long from, int step, long limit) {
        double mid = crossing(from, step, limit, MID_FRACTION * peak);
        double low = crossing(from, step, limit, END_FRACTION * peak);
        return low + (low - mid) * END_FRACTION / (MID_FRACTION - END_FRACTION);
    }

    /** Time (ms, interpolated) where the smoothed speed first falls below {@code level}. */
    private double crossing(long from, int step, long limit, double level) {
        long k = from;
        while (k != limit && speed(slot(k + step)) >= level) {
            k += step;
        }
        if (k == limit) {
            return t[slot(k)];
        }
        long inside = k;
        long outside = k + step;
        double a = speed(slot(inside));
        double b = speed(slot(outside));
        double fraction = a == b ? 0 : (a - level) / (a - b);
        return t[slot(inside)] + fraction * (t[slot(outside)] - t[slot(inside)]);
    }

    /**
     * Rotation (deg about each sensor axis) between two times, trapezoid rule. Walks back from the
     * newest sample only as far as the start: the buffer holds far more than one movement.
     */
    private double[] rotationBetween(long startMs, long endMs, long oldest) {
        double[] rotation = new double[3];
        for (long k = count - 1; k >= Math.max(oldest + 1, 1); k--) {
            long t0 = t[slot(k - 1)];
            long t1 = t[slot(k)];
            if (t1 <= startMs) {
                break;
            }
            if (t0 < endMs) {
                double halfDtS = (t1 - t0) / 2000.0;
                int a = slot(k - 1);
                int b = slot(k);
                rotation[0] += (velocity(a, GX) + velocity(b, GX)) * halfDtS;
                rotation[1] += (velocity(a, GY) + velocity(b, GY)) * halfDtS;
                rotation[2] += (velocity(a, GZ) + velocity(b, GZ)) * halfDtS;
            }
        }
        return rotation;
    }

    /** Angular velocity about one axis ({@link #GX}, {@link #GY} or {@link #GZ}) in a slot. */
    private float velocity(int slot, int axis) {
        return samples[slot * FIELDS + axis];
    }

    /** The smoothed angular speed in a slot. */
    private float speed(int slot) {
        return samples[slot * FIELDS + SPEED];
    }

    private static int slot(long index) {
        return (int) (index & (CAPACITY - 1));
    }
}
