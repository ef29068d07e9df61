package io.tempostream.analytics.detect;

/**
 * The gyroscope's offset, learned whenever the sensor is still (a zero-velocity update): MEMS
 * gyroscopes read 0.5–2 deg/s at rest, which is a third of a slow scapular retraction's peak speed,
 * enough to keep a movement from ever "ending". Still means the accelerometer reads 1 g and the
 * gyroscope, less the current offset, almost nothing, for long enough that it is not the turn at
 * the end of a phase: the holds and pauses of every set, and the rests between them, qualify.
 */
final class GyroBias {
    /** Accelerometer magnitude within this of 1 g: no linear acceleration to speak of. */
    private static final double STILL_ACCEL_G = 0.05;
    /**
     * Angular speed averaged over {@link #RESIDUAL_SMOOTHING_S}, less the offset, below this:
     * gyroscope noise, not motion. Averaged, because single samples of an offset not yet learned
     * plus noise cross it every few samples (1.5 deg/s and 0.3 deg/s of noise per axis), and
     * stillness never lasted through a set's 1 s holds: a back sensor switched on 3 s before a set
     * never learned its offset and found none of the set's reps.
     */
    private static final double STILL_GYRO_DPS = 2.0;
    /** A phase's slow turn at its end passes below the limits for a few tenths of a second. */
    private static final double MIN_STILL_S = 0.8;
    /**
     * Once the offset's first {@link #AVERAGING_S} are learned, stillness under the limit teaches
     * it more only where the residual also stayed under {@link #QUIET_DPS} for {@link #MIN_QUIET_S}:
     * an offset once learned leaves 0.2–0.5 deg/s, through a 1 s hold too. The turn between two
     * slow phases passes under the limit for seconds (a back row at 5-0-5-0, 8° in 5 s each way:
     * 2.5 s under 2 deg/s), and where it turns across the offset the reading's length holds steady;
     * learned there, the offset walked 1–2 deg/s over a set and its later reps were lost. Held to
     * this, such a set's offset stays within 0.1 deg/s of what the rest before it taught.
     */
    private static final double QUIET_DPS = 1.0;
    private static final double MIN_QUIET_S = 1.0;
    /**
     * Averaging time while still: smooths gyroscope noise, follows drift within a rest. Over
     * {@link #STILL_GYRO_DPS}, and until this much has been learned, the offset is the plain mean
     * of what was: it has to be learned in full before any movement is found (a back sensor's
     * movements start at 2.5 deg/s), and a sensor switched on 2 s before a set had eased a quarter
     * of it in by the first rep. Under the limit it is eased in as before: the wrist's phase timing
     * was measured so, and a plain mean there moved one fast-start set's first bottom turn by 100 ms,
     * out of the 200 ms in which two movements share their turn (docs/accuracy.md).
     */
    private static final double AVERAGING_S = 2.0;
    /**
     * An offset over {@link #STILL_GYRO_DPS} is learned only from a steady reading that lasts this
     * long: longer than the slow turn at the end of a phase and a 1 s squeeze, and shorter than the
     * rest before a set.
     */
    private static final double MIN_STILL_AVERAGED_S = 2.5;
    /**
     * ... and the averaged residual may be this large then: an offset not yet learned can be over
     * {@link #STILL_GYRO_DPS} by itself (MEMS gyroscopes are specified to ±3 deg/s per axis; one
     * simulated back sensor read 2.1 deg/s at rest, no stillness ever counted and its reps were
     * never found). Over {@link #STILL_GYRO_DPS}, a steady reading is an offset only if the
     * accelerometer saw no turn: the sensor's tilt stays within {@link #MAX_TILT_WHILE_STEADY_DEG},
     * and the reading is not mostly about the vertical, where a turn tilts nothing.
     */
    private static final double MAX_STEADY_OFFSET_DPS = 5.0;
    private static final double MAX_TILT_WHILE_STEADY_DEG = 2.0;
    private static final double COS_MAX_TILT_WHILE_STEADY = Math.cos(Math.toRadians(MAX_TILT_WHILE_STEADY_DEG));
    /**
     * cos 30°: a reading within 30° of the vertical could be a turn that tilts too little to see.
     * Further from it, a turn of 2 deg/s or more tilts the sensor by half its angle at least, 3° over
     * the 3 s a steady run needs, past {@link #MAX_TILT_WHILE_STEADY_DEG}. (At 45° the simulated
     * back sensor above, its offset 44° from the vertical, was still refused.)
     */
    private static final double MAX_VERTICAL_SHARE = Math.cos(Math.toRadians(30));
    /**
     * ... unless it lasts this long with the sensor untilted: nobody turns on the spot at an even
     * 2–5 deg/s for 8 s, and an offset near the vertical was otherwise never learned, at any length
     * of rest (a simulated back sensor's 2.1 deg/s, 12° from the vertical, found no rep of its set).
     * A slow turn so taken is unlearned the same way once the sensor is still (within 15 s).
     */
    private static final double MIN_STEADY_ABOUT_THE_VERTICAL_S = 8.0;
    /**
     * A shorter steady run over {@link #STILL_GYRO_DPS} is an offset too where the sensor tilted by
     * less than this share of the angle the residual would have turned it through: a turn off the
     * vertical tilts it by half that angle at least. A sensor switched on 2 s before a set has no
     * longer run to learn from, and the set's 1 s holds never make one: with an offset of 2.1–2.4
     * deg/s its reps were never found.
     */
    private static final double MIN_STILL_UNTURNED_S = 1.0;
    private static final double MAX_TILT_SHARE_OF_TURN = 0.25;
    private static final double RESIDUAL_SMOOTHING_S = 0.2;
    /**
     * An offset is steady; a slow small movement below the limit is not (a prone Y-raise turns the
     * upper back 6° in 3 s, under 2 deg/s for much of it): the averaged reading may vary by no
     * more than this during such stillness. Its noise is about 0.1 deg/s.
     */
    private static final double STEADY_DPS = 0.6;
    /**
     * Samples are learned this long after they arrive, and only if stillness lasted until now: the
     * slow start of the next phase passes below the limits too (0.5 s of a back row at 3-1-3-0),
     * and learned as offset it made every slow eccentric 40 ms short and its concentric 116 ms long.
     * The averaged speed notices a movement about {@link #RESIDUAL_SMOOTHING_S} late, hence the
     * rest (at 0.5 s, a prone Y-raise's slow first pull from the back was learned as offset).
     */
    private static final double LEARN_LAG_S = 0.7;
    /**
     * Room for {@link #LEARN_LAG_S} of samples at up to 365 Hz, above the 200 Hz MovementSegmenter
     * is sized for; it is per-device state in the job, checkpointed with the detector.
     */
    private static final int PENDING_CAPACITY = 256;
    /** A power of two, so a ring index wraps with a mask rather than a division. */
    private static final int PENDING_MASK = PENDING_CAPACITY - 1;

    /**
     * The first {@link #AVERAGING_S} of offset learned as a plain mean, however small
     * ({@link RotationThresholds#offsetAtOnce}); eased in otherwise, as the wrist's phases were timed.
     */
    private final boolean atOnce;
    private double x;
    private double y;
    private double z;
    private double stillS;
    /** Seconds the averaged residual has stayed under {@link #QUIET_DPS}. */
    private double quietS;
    private double stillAveragedS;
    /** The run {@link #stillAveragedS} counts. */
    private final SteadyRun steady = new SteadyRun();
    /** The steady run under way passed the tilt test of {@link #MIN_STILL_UNTURNED_S}. */
    private boolean runUnturned;
    /** Seconds of samples learned, up to {@link #AVERAGING_S}. */
    private double learnedS;
    /** Seconds the reading has been steady, level, under {@link #MAX_STEADY_OFFSET_DPS} and about the vertical, untilted. */
    private double steadyAboutTheVerticalS;
    private final SteadyRun aboutTheVertical = new SteadyRun();
    /** The reading averaged over {@link #RESIDUAL_SMOOTHING_S} (deg/s, offset included). */
    private double sx;
    private double sy;
    private double sz;
    /** Gravity's direction, averaged the same way (g). */
    private double gx;
    private double gy;
    private double gz;
    /**
     * Samples waiting {@link #LEARN_LAG_S}, a ring of five values each: the raw reading's x, y and
     * z, its time step, and the clock. Side by side in one array, not an array each: the job runs
     * thousands of devices in turn, and a sample's values then share one cache line, not five.
     */
    private final double[] pending = new double[PENDING_CAPACITY * PENDING_VALUES];
    private static final int PENDING_VALUES = 5;
    private static final int X = 0;
    private static final int Y = 1;
    private static final int Z = 2;
    private static final int DT_S = 3;
    private static final int AT_S = 4;
    private int pendingHead;
    private int pendingCount;
    private double clockS;

    GyroBias() {
        this(false);
    }

    GyroBias(boolean atOnce) {
        this.atOnce = atOnce;
    }

    /** Feeds one sample (g, deg/s); {@code dtS} is the time since the previous one. */
    void update(double axG, double ayG, double azG, double gxDps, double gyDps, double gzDps, double dtS) {
        double norm = Math.sqrt(axG * axG + ayG * ayG + azG * azG);
        // The reading averaged over a fifth of a second; its residual is judged against the offset.
        // Until a fifth of a second has passed, the plain mean of the samples so far (each standing
        // for one step, the first too): the first sample alone, noise and all, was gravity's
        // direction at a run's start, and a still sensor switched on looked tilted by 1.3°.
        double a = clockS == 0 && dtS == 0 ? 1 : Math.min(1, dtS / Math.min(RESIDUAL_SMOOTHING_S, clockS + 2 * dtS));
        sx += (gxDps - sx) * a;
        sy += (gyDps - sy) * a;
        sz += (gzDps - sz) * a;
        gx += (axG - gx) * a;
        gy += (ayG - gy) * a;
        gz += (azG - gz) * a;
        boolean level = Math.abs(norm - 1) < STILL_ACCEL_G;
        double averagedSquared = (sx - x) * (sx - x) + (sy - y) * (sy - y) + (sz - z) * (sz - z);
        boolean still = level && averagedSquared < STILL_GYRO_DPS * STILL_GYRO_DPS;
        boolean quiet = level && averagedSquared < QUIET_DPS * QUIET_DPS;
        boolean calmInAnyDirection = level && averagedSquared < MAX_STEADY_OFFSET_DPS * MAX_STEADY_OFFSET_DPS;
        boolean calmOffTheVertical = calmInAnyDirection && offTheVertical();
        boolean calmOnAverage = still || calmOffTheVertical;
        double reading = calmInAnyDirection ? Math.sqrt(sx * sx + sy * sy + sz * sz) : 0;
        // Steadiness is judged on the averaged reading itself, which learning the offset does not
        // move (judged on the residual, learning broke the stillness it learned from). Only while
        // calm: otherwise the run ends here, and the next sample starts it afresh. In a stream's
        // first fifth of a second a run starts afresh on every sample, as the averages form: a
        // single sample's noise is a degree of tilt and 0.6 deg/s of reading.
        boolean forming = clockS < RESIDUAL_SMOOTHING_S;
        if (calmInAnyDirection) {
            aboutTheVertical.extend(steadyAboutTheVerticalS == 0 || forming, reading, gx, gy, gz);
        }
        // About the vertical, where a turn tilts nothing, and untilted (a turn a little off it tilts).
        boolean steadyAboutTheVertical = calmInAnyDirection && aboutTheVertical.rangeDps() < STEADY_DPS
                && !calmOffTheVertical && aboutTheVertical.tiltedLessThan(COS_MAX_TILT_WHILE_STEADY, gx, gy, gz);
        if (calmOnAverage) {
            steady.extend(stillAveragedS == 0 || forming, reading, gx, gy, gz);
        }
        boolean stillOnAverage = calmOnAverage && steady.rangeDps() < STEADY_DPS
                && (averagedSquared < STILL_GYRO_DPS * STILL_GYRO_DPS
                        || steady.tiltedLessThan(COS_MAX_TILT_WHILE_STEADY, gx, gy, gz));
        if (dtS > SampleGaps.UNSEEN_S) {
            // Nobody saw the sensor across the gap: stillness starts again after it, what waited
            // to be learned before it is not learned, and this sample stands for itself alone.
            stillS = 0;
            quietS = 0;
            stillAveragedS = 0;
            steadyAboutTheVerticalS = 0;
            pendingCount = 0;
        }
        double seenS = dtS > SampleGaps.UNSEEN_S ? 0 : dtS;
        stillS = still ? stillS + seenS : 0;
        quietS = quiet ? quietS + seenS : 0;
        stillAveragedS = stillOnAverage ? stillAveragedS + seenS : 0;
        steadyAboutTheVerticalS = steadyAboutTheVertical ? steadyAboutTheVerticalS + seenS : 0;
        clockS += dtS;
        push(gxDps, gyDps, gzDps, seenS);
        // Still for long enough before the sample that is now LEARN_LAG_S old, and ever since.
        // Judged once, as the run reaches its length: what is learned then shrinks the residual, and
        // with it the tilt a turn would have made.
        if (stillAveragedS < MIN_STILL_UNTURNED_S + LEARN_LAG_S) {
            runUnturned = false;
        } else if (!runUnturned && stillAveragedS - seenS < MIN_STILL_UNTURNED_S + LEARN_LAG_S) {
            double turnDeg = Math.sqrt(averagedSquared) * stillAveragedS;
            runUnturned = steady.tiltedLessThan(Math.cos(Math.toRadians(MAX_TILT_SHARE_OF_TURN * turnDeg)), gx, gy, gz);
        }
        // Under the limit, the sample now LEARN_LAG_S old must also lie in a steady run: a slow
        // phase's ends pass under the limit right after a hold, but its reading is not steady there
        // (learned, a 4 s eccentric pulled the offset its way rep after rep, GyroBiasTest).
        boolean learnStill = stillS >= MIN_STILL_S + LEARN_LAG_S && stillAveragedS >= LEARN_LAG_S
                && (learnedS < AVERAGING_S || quietS >= MIN_QUIET_S);
        boolean learn = learnStill || stillAveragedS >= MIN_STILL_AVERAGED_S + LEARN_LAG_S || runUnturned
                || steadyAboutTheVerticalS >= MIN_STEADY_ABOUT_THE_VERTICAL_S + LEARN_LAG_S;
        while (pendingCount > 0 && pending[pendingHead * PENDING_VALUES + AT_S] <= clockS - LEARN_LAG_S) {
            int i = pendingHead * PENDING_VALUES;
            pendingHead = (pendingHead + 1) & PENDING_MASK;
            pendingCount--;
            if (learn) {
                learn(pending[i + X] - x, pending[i + Y] - y, pending[i + Z] - z, pending[i + DT_S], !learnStill);
            }
        }
    }

    /** The averaged reading is not mostly about gravity's axis (an offset there looks like a turn that tilts nothing). */
    private boolean offTheVertical() {
        double along = (sx * gx + sy * gy + sz * gz) / Math.sqrt(gx * gx + gy * gy + gz * gz);
        return along * along < MAX_VERTICAL_SHARE * MAX_VERTICAL_SHARE * (sx * sx + sy * sy + sz * sz);
    }

    private void push(double gxDps, double gyDps, double gzDps, double dtS) {
        if (pendingCount == PENDING_CAPACITY) { // faster than 365 Hz: learn a little sooner
            pendingHead = (pendingHead + 1) & PENDING_MASK;
            pendingCount--;
        }
        int i = ((pendingHead + pendingCount) & PENDING_MASK) * PENDING_VALUES;
        pending[i + X] = gxDps;
        pending[i + Y] = gyDps;
        pending[i + Z] = gzDps;
        pending[i + DT_S] = dtS;
        pending[i + AT_S] = clockS;
        pendingCount++;
    }

    /**
     * Learns a residual: as a plain mean until {@link #AVERAGING_S} is learned if {@code overTheLimit}
     * or {@link #atOnce}, eased in otherwise.
     */
    private void learn(double rx, double ry, double rz, double dtS, boolean overTheLimit) {
        boolean plainMean = (overTheLimit || atOnce) && learnedS < AVERAGING_S;
        learnedS = Math.min(AVERAGING_S, learnedS + dtS);
        double k = !plainMean ? Math.min(1, dtS / AVERAGING_S) : learnedS == 0 ? 0 : dtS / learnedS;
        x += rx * k;
        y += ry * k;
        z += rz * k;
    }

    double xDps() {
        return x;
    }

    double yDps() {
        return y;
    }

    double zDps() {
        return z;
    }
}
