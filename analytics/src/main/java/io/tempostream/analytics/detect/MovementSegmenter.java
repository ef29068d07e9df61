package io.tempostream.analytics.detect;

/**
 * Cuts a stream of angular velocity into {@link Movement}s. A movement begins when the smoothed
 * angular speed rises above its threshold (RotationThresholds), slows down once it falls below a
 * quarter of its peak, and is complete once its velocity along its own direction is nearly zero,
 * turns back or lingers ({@link #settle}). Its true start and end (where speed is zero) are then
 * found from that velocity on either side of the peak ({@link ZeroSpeed}), whatever the shape of
 * the athlete's speed curve. Samples are kept in a ring buffer long enough for the slowest movement.
 */
final class MovementSegmenter {
    /** Receives a movement twice: early, when it starts, and complete, when it ends. */
    interface Listener {
        /** A movement has begun at about {@code startMs}, turning at the angular velocity given (deg/s). */
        void onset(long startMs, double gxDps, double gyDps, double gzDps);

        void movement(Movement movement);
    }

    /** Below this share of its peak a movement is slowing down to its end. */
    private static final double END_FRACTION = 0.25;
    /** Speed coming back along the same direction after falling under {@link #END_FRACTION}: a new push. */
    private static final double RENEWED_FRACTION = 0.4;
    /** How far from its peak a movement may have started or ended, in peak-to-half-speed widths. */
    private static final double MAX_REACH = 3;
    /** Longer than any phase's slow end takes from a quarter of its peak speed to rest. */
    private static final long MAX_SETTLING_MS = 1_500;
    /**
     * How long a slow movement is followed after it falls under {@link #END_FRACTION} of its peak,
     * so that its slow end is in view for {@link SpeedCurveFit}: a minimum-jerk phase of 3 s takes
     * 0.47 s from a quarter of its peak speed to rest.
     */
    private static final long SLOW_TAIL_MS = 600;
    /** A slow movement's samples are averaged over this long for its fit. */
    private static final long FIT_BIN_MS = 40;
    /** A slow movement's fit looks this share of its line's span before the line's start. */
    private static final double FIT_MARGIN_SHARE = 0.6;
    /** Centered moving-average width: suppresses noise while keeping 10 Hz motion. */
    private static final long SMOOTHING_MS = 90;
    /** Longer than any single concentric or eccentric (a 10 s eccentric is extreme). */
    private static final long MAX_MOVEMENT_MS = 15_000;
    /**
     * The buffer holds this much of the past, at the rate the first samples show: the longest
     * movement, its settling and the smoothing around it. Sized by the device's own rate, not for
     * the fastest sensor: it is most of a device's checkpointed state (sized for 200 Hz, 8 192
     * samples made a 100 Hz device's state 192 KB, and a checkpoint of 2 000 devices some 380 MB).
     */
    private static final long HELD_MS = MAX_MOVEMENT_MS + MAX_SETTLING_MS + 3_500;
    /** Room for the samples that show the rate. */
    private static final int FIRST_CAPACITY = 16;
    /** 5 minutes at 200 Hz: no movement is that long. */
    private static final int MAX_CAPACITY = 1 << 16;

    /** Sample times; its length, a power of two, is the buffer's capacity (a slot is an index masked). */
    private long[] t = new long[FIRST_CAPACITY];
    /**
     * Per sample, side by side: angular velocity x, y, z and the smoothed speed. Floats: the
     * sensor's own resolution (16 bits), and 40 % less state to checkpoint per device. Side by
     * side, not an array each: the job runs thousands of devices in turn, and a sample's four
     * values then share a cache line instead of taking four.
     */
    private float[] samples = new float[FIRST_CAPACITY * FIELDS];
    private static final int FIELDS = 4;
    private static final int GX = 0;
    private static final int GY = 1;
    private static final int GZ = 2;
    private static final int SPEED = 3;
    private long count;
    private int halfWidth = -1;
    private double sumX, sumY, sumZ;

    private boolean active;
    /** Slower than {@link #END_FRACTION} of its peak: {@link #settle} says when it is over. */
    private boolean settling;
    private long settlingSinceMs;
    private boolean discarding;
    private long startIndex;
    private long peakIndex;
    private double peak;
    private long previousEndMs = Long.MIN_VALUE;
    /** The sample that ended the newest run of filled-in samples: a fit reads no made-up samples. */
    private long filledUpToMs = Long.MIN_VALUE;
    /** Where the movement under way began to turn, as its onset said. */
    private long onsetMs;
    /**
     * The peak's direction, worked out once per peak: a slowing movement is judged against it on
     * every sample. Not state (a restored engine works it out again from the samples).
     */
    private transient double[] peakDirection;
    private transient long peakDirectionAt;
    private final double onSpeedDps;
    /** Smaller movements are no rep phase (RotationThresholds); they keep the line's boundaries. */
    private final double minRomDeg;

    MovementSegmenter(double onSpeedDps, double minRomDeg) {
        this.onSpeedDps = onSpeedDps;
        this.minRomDeg = minRomDeg;
    }

    /**
     * Adds one sample of angular velocity (deg/s, sensor axes, offset removed). Samples missing
     * before it (messages lost on the way, {@link SampleGaps}) are filled in on a straight line
     * between the samples either side: the smoothing and the movements' angles count samples as
     * evenly spaced, and a gap joined up at a turn merged a rep's way back with the next way out
     * (face pulls losing 1 % of messages in runs of 5: 14 reps of 16).
     */
    void add(long tMs, double gxDps, double gyDps, double gzDps, Listener out) {
        int missing = missingBefore(tMs);
        if (missing > 0) {
            filledUpToMs = tMs;
            int last = slot(count - 1);
            long lastMs = t[last];
            double lastX = samples[last * FIELDS + GX];
            double lastY = samples[last * FIELDS + GY];
            double lastZ = samples[last * FIELDS + GZ];
            for (int k = 1; k <= missing; k++) {
                double share = k / (double) (missing + 1);
                store(lastMs + Math.round((tMs - lastMs) * share), lastX + (gxDps - lastX) * share,
                        lastY + (gyDps - lastY) * share, lastZ + (gzDps - lastZ) * share, out);
            }
        }
        store(tMs, gxDps, gyDps, gzDps, out);
    }

    /**
     * How many samples are missing before one at {@code tMs}, at the step before the gap
     * ({@link SampleGaps}); none across a dropout, where the movement in between is unknown.
     */
    private int missingBefore(long tMs) {
        if (halfWidth < 0 || count < 2) {
            return 0;
        }
        long lastMs = t[slot(count - 1)];
        long gapMs = tMs - lastMs;
        long stepMs = lastMs - t[slot(count - 2)];
        if (SampleGaps.unseenMs(gapMs, stepMs) >= SampleGaps.DROPOUT_MS || stepMs <= 0) { // a dropout
            return 0;
        }
        return SampleGaps.missing(gapMs, stepMs, stepMs);
    }

    private void store(long tMs, double gxDps, double gyDps, double gzDps, Listener out) {
        if (active && count - startIndex >= capacity() * 3L / 4 && capacity() < MAX_CAPACITY) {
            grow(capacity() * 2); // samples come faster than the first ones did: keep the movement's start
        }
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
            grow(capacityFor(HELD_MS / medianStepMs()));
            for (long k = 0; k < count; k++) {
                advanceWindow(k, out);
            }
            return;
        }
        advanceWindow(count - 1, out);
    }

    /** The first samples' usual step (ms): a dropout among them would make the buffer too short. */
    private double medianStepMs() {
        long[] steps = new long[(int) count - 1];
        for (int k = 1; k < count; k++) {
            steps[k - 1] = t[slot(k)] - t[slot(k - 1)];
        }
        java.util.Arrays.sort(steps);
        return Math.max(1, steps[steps.length / 2]);
    }

    /** The smallest power of two at least {@code samples}, within bounds. */
    private static int capacityFor(double samples) {
        int needed = (int) Math.min(MAX_CAPACITY, Math.ceil(samples));
        return Math.max(FIRST_CAPACITY, Integer.highestOneBit(Math.max(1, needed - 1)) << 1);
    }

    /** Moves the samples into a buffer of {@code grown} slots. */
    private void grow(int grown) {
        long[] newT = new long[grown];
        float[] newSamples = new float[grown * FIELDS];
        for (long k = Math.max(0, count - capacity()); k < count; k++) {
            int from = slot(k);
            int to = (int) (k & (grown - 1));
            newT[to] = t[from];
            System.arraycopy(samples, from * FIELDS, newSamples, to * FIELDS, FIELDS);
        }
        t = newT;
        samples = newSamples;
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
        float speed = (float) (Math.sqrt(sumX * sumX + sumY * sumY + sumZ * sumZ) / n);
        samples[slot(centre) * FIELDS + SPEED] = speed;
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
                onsetMs = Math.max(Math.round(rampStart(index)), previousEndMs);
                out.onset(onsetMs, velocity(k, GX), velocity(k, GY), velocity(k, GZ));
            }
            return;
        }
        if (settling) {
            if (settled(index)) {
                active = false;
                settling = false;
                out.movement(finish(index));
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
            settling = true;
            settlingSinceMs = t[slot(index)];
        }
    }

    /**
     * Whether the movement, slowing down, is over: its velocity along its direction has fallen
     * under the lowest level {@link ZeroSpeed} reads (the next movement turns the other way, or
     * noise at rest), or it speeds up again the same way, or it has lingered for
     * {@link #MAX_SETTLING_MS}. A movement too slow for those levels is followed
     * {@link #SLOW_TAIL_MS} on, unless it turns back or speeds up again.
     */
    private boolean settled(long index) {
        if (t[slot(index)] - settlingSinceMs > MAX_SETTLING_MS) {
            return true;
        }
        double along = alongAt(index, peakDirection());
        if (ZeroSpeed.powerLawWeight(peak) == 0) {
            // A slow movement's ends come from its whole speed curve (SpeedCurveFit): its slow end
            // must be in view first, unless the next movement turns back or pushes on.
            return t[slot(index)] - settlingSinceMs >= SLOW_TAIL_MS || along < 0 || along > RENEWED_FRACTION * peak;
        }
        return along < ZeroSpeed.LEVELS[0] * peak || along > RENEWED_FRACTION * peak;
    }

    private Movement finish(long endIndex) {
        long oldest = Math.max(0, count - capacity() + 1);
        double lineStart = extrapolatedZero(peakIndex, -1, oldest);
        double lineEnd = Math.max(lineStart + 1, extrapolatedZero(peakIndex, +1, endIndex));
        double start = lineStart;
        double end = lineEnd;
        // Only a movement big enough to be a rep phase is worth the power law: a wrist wobbling
        // through a row makes many small ones, and the fit costs more than the samples between.
        if (angle(rotationBetween(Math.round(lineStart), Math.round(lineEnd), oldest)) >= minRomDeg) {
            if (ZeroSpeed.powerLawWeight(peak) > 0) {
                start = zeroSpeed(peakIndex, -1, oldest, lineStart);
                end = zeroSpeed(peakIndex, +1, endIndex, lineEnd);
            } else {
                double[] fitted = fittedEnds(lineStart, lineEnd, oldest);
                start = fitted[0];
                end = fitted[1];
            }
        }
        start = Math.max(start, previousEndMs);
        long startMs = Math.round(start);
        long endMs = Math.max(startMs + 1, Math.round(end));
        double[] leadIn = onsetMs < startMs ? rotationBetween(onsetMs, startMs, oldest) : new double[3];
        double[] before = previousEndMs == Long.MIN_VALUE ? leadIn : rotationBetween(previousEndMs, startMs, oldest);
        previousEndMs = endMs;
        double[] rotation = rotationBetween(startMs, endMs, oldest);
        // Jolts are read within the span the line through 25 and 50 % of the peak gives: a start
        // with momentum lies on it, and the limits that tell a swing from a smooth start (π
        // against 6–10) were set on it.
        double[] jolts = jolts(lineStart, lineEnd, oldest, endIndex);
        return new Movement(startMs, endMs, rotation[0], rotation[1], rotation[2], peak, jolts[0], jolts[1], before[0],
                before[1], before[2], leadIn[0], leadIn[1], leadIn[2]);
    }

    /**
     * A slow movement's start and end from its whole speed curve ({@link SpeedCurveFit}): every
     * sample's velocity along the peak's direction from before the line's start (back to the last
     * movement's end) to the newest.
     */
    private double[] fittedEnds(double lineStart, double lineEnd, long oldest) {
        double from = Math.max(lineStart - FIT_MARGIN_SHARE * (lineEnd - lineStart), previousEndMs);
        if (filledUpToMs > from) {
            // Messages were lost in view: a gap filled on a straight line across the start looks
            // like a linear ramp from wherever the gap began (a set's first rep 0.54 s early).
            return new double[] {lineStart, lineEnd};
        }
        long first = count - 1;
        while (first > oldest && t[slot(first - 1)] >= from) {
            first--;
        }
        // Averaged over FIT_BIN_MS: a quarter of the work at 100 Hz, and finer than a phase's
        // ends can be read through the noise anyway.
        int samples = (int) (count - first);
        double[] times = new double[samples];
        double[] along = new double[samples];
        double[] u = peakDirection();
        int n = 0;
        double binTime = 0;
        double binAlong = 0;
        int inBin = 0;
        long binStartMs = t[slot(first)];
        for (long j = first; j < count; j++) {
            binTime += t[slot(j)];
            binAlong += projected(j, u);
            inBin++;
            if (j == count - 1 || t[slot(j + 1)] - binStartMs >= FIT_BIN_MS) {
                binStartMs = j == count - 1 ? 0 : t[slot(j + 1)];
                times[n] = binTime / inBin;
                along[n] = binAlong / inBin;
                n++;
                binTime = 0;
                binAlong = 0;
                inBin = 0;
            }
        }
        return SpeedCurveFit.startAndEnd(times, along, n, lineStart, lineEnd);
    }

    private static double angle(double[] rotation) {
        return Math.sqrt(rotation[0] * rotation[0] + rotation[1] * rotation[1] + rotation[2] * rotation[2]);
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
        long oldest = Math.max(0, count - capacity() + 1);
        double on = crossing(index, -1, oldest, onSpeedDps);
        double half = crossing(index, -1, oldest, onSpeedDps / 2);
        return half - (on - half);
    }

    /** A movement is under way (begun, and not yet known to be over). */
    boolean moving() {
        return active;
    }

    /** Time of the newest sample whose smoothed speed has been classified. */
    long classifiedUpToMs() {
        long centre = count - 1 - Math.max(halfWidth, 0);
        return centre < 0 ? Long.MIN_VALUE : t[slot(centre)];
    }

    /**
     * Where the movement's speed reaches zero, walking from the peak in {@code step} direction: the
     * power law through where the velocity along it crosses 3–24 % of the peak ({@link ZeroSpeed}),
     * on movements fast enough for those levels to stand clear of the gyroscope's residual offset,
     * and on slower ones the line through the speed's 25 and 50 % crossings.
     */
    private double zeroSpeed(long from, int step, long limit, double line) {
        double weight = ZeroSpeed.powerLawWeight(peak);
        double[] crossings = alongCrossings(from, step, limit);
        double smoothedMs = halfWidth * (t[slot(count - 1)] - t[slot(Math.max(0, count - capacity() + 1))])
                / (double) Math.max(1, Math.min(count, capacity()) - 1);
        return weight * ZeroSpeed.powerLawZero(crossings, step, smoothedMs) + (1 - weight) * line;
    }

    /**
     * Times (ms, interpolated) where the smoothed velocity along the peak's direction first falls
     * below each of {@link ZeroSpeed#LEVELS} of the peak, walking from the peak in {@code step}
     * direction, in one pass with a sliding sum. Unlike the speed, which is a length, that velocity
     * has no floor of noise, and it drops below zero where the next movement turns the other way.
     * A movement is no wider than {@link #MAX_REACH} times its peak-to-half-speed width: that
     * bounds the walk, and keeps a drifting offset from carrying the lowest crossings into the
     * rest before; a level not crossed by then is put there.
     */
    private double[] alongCrossings(long from, int step, long limit) {
        double[] u = peakDirection();
        long oldest = Math.max(0, count - capacity() + 1);
        double[] crossings = new double[ZeroSpeed.LEVELS.length];
        int next = crossings.length - 1; // the highest level is crossed first
        long lo = Math.max(oldest, from - halfWidth);
        long hi = Math.min(count - 1, from + halfWidth);
        double sum = 0;
        for (long j = lo; j <= hi; j++) {
            sum += projected(j, u);
        }
        double a = sum / (hi - lo + 1);
        double reachMs = Double.POSITIVE_INFINITY;
        long k = from;
        while (k != limit && next >= 0) {
            long k2 = k + step;
            long lo2 = Math.max(oldest, k2 - halfWidth);
            long hi2 = Math.min(count - 1, k2 + halfWidth);
            for (long j = lo; j < lo2; j++) {
                sum -= projected(j, u);
            }
            for (long j = lo2; j < lo; j++) {
                sum += projected(j, u);
            }
            for (long j = hi + 1; j <= hi2; j++) {
                sum += projected(j, u);
            }
            for (long j = hi2 + 1; j <= hi; j++) {
                sum -= projected(j, u);
            }
            lo = lo2;
            hi = hi2;
            double b = sum / (hi - lo + 1);
            double tk = t[slot(k)];
            double tk2 = t[slot(k2)];
            if (reachMs == Double.POSITIVE_INFINITY && b < 0.5 * peak) {
                reachMs = MAX_REACH * Math.abs(interpolate(tk, tk2, a, b, 0.5 * peak) - t[slot(from)]);
            }
            while (next >= 0 && b < ZeroSpeed.LEVELS[next] * peak) {
                crossings[next] = interpolate(tk, tk2, a, b, ZeroSpeed.LEVELS[next] * peak);
                next--;
            }
            a = b;
            k = k2;
            if (Math.abs(tk2 - t[slot(from)]) >= reachMs) {
                break;
            }
        }
        for (; next >= 0; next--) {
            crossings[next] = t[slot(k)];
        }
        return crossings;
    }

    /** Where the line from value {@code a} at {@code ta} to {@code b} at {@code tb} meets {@code level}. */
    private static double interpolate(double ta, double tb, double a, double b, double level) {
        double fraction = a == b ? 0 : (a - level) / (a - b);
        return ta + fraction * (tb - ta);
    }

    /** Sample {@code index}'s angular velocity along the unit direction {@code u}. */
    private double projected(long index, double[] u) {
        int k = slot(index);
        return velocity(k, GX) * u[0] + velocity(k, GY) * u[1] + velocity(k, GZ) * u[2];
    }

    /** The moving average of angular velocity around sample {@code index} along {@code u}. */
    private double alongAt(long index, double[] u) {
        long oldest = Math.max(0, count - capacity() + 1);
        long lo = Math.max(oldest, index - halfWidth);
        long hi = Math.min(count - 1, index + halfWidth);
        if (hi == index + halfWidth && lo == index - halfWidth && hi == count - 1) {
            // the moving average's own window, whose running sums the speed came from
            return (sumX * u[0] + sumY * u[1] + sumZ * u[2]) / (hi - lo + 1);
        }
        double sum = 0;
        for (long j = lo; j <= hi; j++) {
            sum += projected(j, u);
        }
        return sum / (hi - lo + 1);
    }

    /**
     * Unit direction of the smoothed angular velocity at the movement's peak, from the samples
     * around it (still in the buffer: a movement is shorter than it holds).
     */
    private double[] peakDirection() {
        if (peakDirection == null || peakDirectionAt != peakIndex) {
            peakDirection = directionAround(peakIndex);
            peakDirectionAt = peakIndex;
        }
        return peakDirection;
    }

    private double[] directionAround(long peakIndex) {
        long oldest = Math.max(0, count - capacity() + 1);
        long lo = Math.max(oldest, peakIndex - halfWidth);
        long hi = Math.min(count - 1, peakIndex + halfWidth);
        double x = 0, y = 0, z = 0;
        for (long j = lo; j <= hi; j++) {
            int k = slot(j);
            x += velocity(k, GX);
            y += velocity(k, GY);
            z += velocity(k, GZ);
        }
        double length = Math.sqrt(x * x + y * y + z * z);
        return length == 0 ? new double[] {0, 0, 0} : new double[] {x / length, y / length, z / length};
    }


    /**
     * Walks from the peak in {@code step} direction to the speed's 50 % and 25 % crossings and
     * extends the line through them to zero: within a few ms on a cosine-shaped speed curve, 100–400
     * ms short on flatter starts and ends.
     */
    private double extrapolatedZero(long from, int step, long limit) {
        double mid = crossing(from, step, limit, 0.5 * peak);
        double low = crossing(from, step, limit, END_FRACTION * peak);
        return low + (low - mid) * END_FRACTION / (0.5 - END_FRACTION);
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

    /** How many samples the buffer holds: the length of its arrays, not stored beside them. */
    private int capacity() {
        return t.length;
    }

    private int slot(long index) {
        return (int) (index & (t.length - 1));
    }
}
