package io.tempostream.analytics.detect;

/**
 * Where a rep found by vertical travel is under way, from the vertical acceleration since the far
 * end of the newest rep the engine knows: the wrist's speed is nothing at a far end, so one
 * integration from there gives its speed, and the speed's sign and size name the phase. Causal
 * and cheap (each call takes in the bins since the last): the band-limited travel the engine counts
 * reps with is zero-phase and bends at the window's edge, so it cannot say what happens now.
 *
 * <p>The acceleration's offset (sensor bias, tilt) is its mean over that rep, from set-off to
 * return, or between two other moments the caller knows the wrist at rest (a far end and the one
 * before it): the wrist was at rest at both ends, so a true mean there is nothing. Wherever the
 * acceleration stays level at either end of a rep the wrist is at rest, and the speed integrated
 * so far is drift: it is set back to nothing. Speeds are judged against the rep's peak speed; a
 * phase starts where the speed last was under a tenth of it.
 */
final class TravelLivePhase {
    /** The wrist is moving once its speed passes this share of the rep's peak... */
    private static final double MOVING_SHARE = 0.4;
    /** ... and has stopped once under this share (hysteresis: noise does not flicker the phase). */
    private static final double STOPPED_SHARE = 0.2;
    /** A movement started where its speed last was under this share. */
    private static final double EDGE_SHARE = 0.10;
    /** How long the acceleration must stay level for the wrist to count as at rest... */
    private static final long STILL_LOOK_MS = 300;
    /**
     * ... within this of its offset (m/s²): a 3 s, 30 cm way out starts at 0.16 m/s²; sensor noise
     * (0.01 g) averages to ±0.03 m/s² over 0.3 s.
     */
    private static final double STILL_ACCELERATION = 0.08;
    /**
     * Straight from a way back, with no rest between, a way out must be this many times as fast in
     * a set that rests between reps: there, until the wrist has rested, the speed may hold the way
     * back's drift (a 3-1-3-1 row's way up read 1.4 s early at 1.0). A set that turns straight
     * into the next rep does so every rep, and its way out then reads as fast as any.
     */
    private static final double UNSETTLED_FACTOR = 1.5;
    /** Level acceleration at under this share of the wrist's speed is a stop. */
    private static final double LEVEL_STOP_SHARE = 0.5;

    private enum Stage { WAY_OUT, FAR_END, WAY_BACK, RESTING }

    // What the integration is of: the rep and where it lies in the window (times, as indices move).
    private Rep rep;
    private long cycleFromMs;
    private long steadyFromMs;
    private long steadyToMs;
    private long farEndMs;
    private long returnMs;
    private int side;
    private double peakSpeed;
    private double offset;
    // How far it has gone: the last bin taken in, and everything the next bin needs.
    private long doneToMs;
    private long recentFromMs;
    private Stage stage;
    private long outMs;
    private long farMs;
    private long backMs;
    private long restMs;
    private long lastSlowMs;
    private double v;
    private boolean settled;
    private double wayTopSpeed;
    private boolean stopEdgePending;
    private double recentSum;

    /**
     * The phase at the last bin of {@code a}/{@code t} (window values, m/s² up positive, and times;
     * {@code n} of them). The newest known rep, {@code rep}, set off at window index
     * {@code cycleFrom}, turned at its far end at {@code farAt} and was back at {@code returnAt};
     * the acceleration's offset is its mean over window indices {@code steadyFrom} to
     * {@code steadyTo}, two moments the wrist was at rest (the rep's set-off and return, or for a
     * rep offered at an estimated return, the far end before it and its own); {@code side} is +1 if its far end is the top (a pull), −1 the bottom (a squat);
     * {@code peakSpeed} its peak speed (m/s); {@code setRests} whether the set's reps rest at their
     * resting end (pause reps do, 2-0-2-0 reps do not). Null once the wrist has rested {@code maxRestMs}.
     *
     * <p>Asked after every batch: a window's bins never change once in it (but for a gap's fill,
     * after which the caller starts a new one), so for the same rep this goes on from the bin the
     * last call stopped at instead of integrating again from the far end (seconds of bins per
     * batch, for every device in a set).
     */
    LivePhase at(double[] a, long[] t, int n, int cycleFrom, int farAt, int returnAt, int steadyFrom, int steadyTo,
            int side, Rep rep, double peakSpeed, boolean setRests, long maxRestMs) {
        int from = resumeAt(t, n, cycleFrom, farAt, returnAt, steadyFrom, steadyTo, side, rep, peakSpeed);
        int recentFrom;
        if (from < 0) {
            start(a, t, cycleFrom, farAt, returnAt, steadyFrom, steadyTo, side, rep, peakSpeed);
            from = farAt + 1;
            recentFrom = from;
        } else {
            recentFrom = BinnedWindow.firstAtOrAfter(t, n, recentFromMs);
        }
        for (int j = from; j < n; j++) {
            recentFrom = take(a, t, j, recentFrom, farAt, setRests);
        }
        long nowMs = t[n - 1];
        doneToMs = nowMs;
        // With no bin past the far end yet, the recent ones start with the next bin to come.
        recentFromMs = recentFrom < n ? t[recentFrom] : nowMs + 1;
        boolean pull = side > 0;
        return switch (stage) {
            case WAY_OUT -> phase(pull, stage, outMs, nowMs, nowMs - outMs, 0, 0, 0);
            case FAR_END -> phase(pull, stage, farMs, nowMs, farMs - outMs, nowMs - farMs, 0, 0);
            case WAY_BACK -> phase(pull, stage, backMs, nowMs, farMs - outMs, backMs - farMs, nowMs - backMs, 0);
            case RESTING -> nowMs - restMs > maxRestMs ? null
                    : phase(pull, stage, restMs, nowMs, farMs - outMs, backMs - farMs, restMs - backMs, nowMs - restMs);
        };
    }

    /** The window index to go on from, or −1 when the integration is of another rep or its bins have gone. */
    private int resumeAt(long[] t, int n, int cycleFrom, int farAt, int returnAt, int steadyFrom, int steadyTo,
            int side, Rep rep, double peakSpeed) {
        if (this.rep == null || !this.rep.equals(rep) || this.side != side || this.peakSpeed != peakSpeed
                || t[cycleFrom] != cycleFromMs || t[farAt] != farEndMs || t[returnAt] != returnMs
                || t[steadyFrom] != steadyFromMs || t[steadyTo] != steadyToMs) {
            return -1;
        }
        // Bins leave the window only from its front: with the rep's set-off in it, so are all after it.
        int done = BinnedWindow.firstAtOrAfter(t, n, doneToMs);
        return done < n && t[done] == doneToMs ? done + 1 : -1;
    }

    /** From the rep's far end: its way out is known, the rest is measured. */
    private void start(double[] a, long[] t, int cycleFrom, int farAt, int returnAt, int steadyFrom, int steadyTo,
            int side, Rep rep, double peakSpeed) {
        this.rep = rep;
        this.cycleFromMs = t[cycleFrom];
        this.steadyFromMs = t[steadyFrom];
        this.steadyToMs = t[steadyTo];
        this.farEndMs = t[farAt];
        this.returnMs = t[returnAt];
        this.side = side;
        this.peakSpeed = peakSpeed;
        double sum = 0;
        for (int j = steadyFrom; j <= steadyTo; j++) {
            sum += a[j];
        }
        offset = sum / (steadyTo - steadyFrom + 1);
        stage = Stage.FAR_END;
        outMs = t[farAt] - (side > 0 ? rep.concentricMs() : rep.eccentricMs());
        farMs = t[farAt];
        backMs = farMs;
        restMs = farMs;
        lastSlowMs = farMs;
        v = 0;
        settled = false; // whether the wrist has been at rest since the way back ended
        wayTopSpeed = 0; // the way under way's top speed so far
        stopEdgePending = false; // a stop seen, its speed not yet under a tenth of the peak
        recentSum = 0; // acceleration less offset over the last STILL_LOOK_MS
    }

    /** Takes in bin {@code j}; returns where the last STILL_LOOK_MS now start. */
    private int take(double[] a, long[] t, int j, int recentFrom, int farAt, boolean setRests) {
        double movingSpeed = MOVING_SHARE * peakSpeed;
        double stopped = STOPPED_SHARE * peakSpeed;
        double edge = EDGE_SHARE * peakSpeed;
        v += (a[j] - offset) * (t[j] - t[j - 1]) / 1000.0;
        recentSum += a[j] - offset;
        while (t[j] - t[recentFrom] > STILL_LOOK_MS) {
            recentSum -= a[recentFrom++] - offset;
        }
        boolean level = t[j] - t[farAt] >= STILL_LOOK_MS
                && Math.abs(recentSum / (j - recentFrom + 1)) < STILL_ACCELERATION;
        boolean onTheWay = stage == Stage.WAY_OUT || stage == Stage.WAY_BACK;
        // Level acceleration at under half the speed the wrist moves at is rest: the speed
        // integrated so far is drift. (Mid-way, a movement's acceleration is level too, at
        // speed: with no pause between reps the next way out starts without a rest.)
        if (level && Math.abs(v) < LEVEL_STOP_SHARE * (onTheWay ? wayTopSpeed : peakSpeed)) {
            v = 0;
            settled = true;
        }
        if (onTheWay) {
            wayTopSpeed = Math.max(wayTopSpeed, Math.abs(v));
        }
        double towardsFar = side * v;
        // One-sided: sensor noise moves the integrated speed of a resting wrist either way. A
        // wrist that rested sets off where its acceleration stopped being level, whatever the
        // drift has done to the speed.
        if (level || (stage == Stage.FAR_END ? -towardsFar < edge : towardsFar < edge)) {
            lastSlowMs = t[j];
        }
        // A stop is timed where the speed fell under a tenth of the peak, once it has.
        if (stopEdgePending && Math.abs(v) < edge) {
            if (stage == Stage.FAR_END) {
                farMs = t[j];
            } else {
                restMs = t[j];
            }
            stopEdgePending = false;
        }
        switch (stage) {
            case RESTING -> {
                // The next rep's way out; straight from the way back (no pause) only when clear:
                // until the wrist has rested, the speed may hold the way back's drift.
                if (towardsFar > (settled || !setRests ? movingSpeed : UNSETTLED_FACTOR * movingSpeed)) {
                    stopEdgePending = false;
                    stage = Stage.WAY_OUT;
                    outMs = lastSlowMs;
                    wayTopSpeed = 0;
                }
            }
            case WAY_OUT -> {
                if (towardsFar < stopped) {
                    stage = Stage.FAR_END;
                    farMs = t[j];
                    stopEdgePending = true;
                }
            }
            case FAR_END -> {
                if (-towardsFar > movingSpeed) {
                    stopEdgePending = false;
                    stage = Stage.WAY_BACK;
                    backMs = lastSlowMs;
                    wayTopSpeed = 0;
                }
            }
            case WAY_BACK -> {
                if (-towardsFar < stopped) {
                    stage = Stage.RESTING;
                    restMs = t[j];
                    settled = false;
                    stopEdgePending = true;
                }
            }
            default -> throw new IllegalStateException(stage.name());
        }
        return recentFrom;
    }

    /** A pull goes out concentric and rests at the bottom; a squat goes out eccentric and rests at the top. */
    private static LivePhase phase(boolean pull, Stage stage, long sinceMs, long nowMs, long outMs, long farMs, long backMs,
            long restMs) {
        RepPhase phase = switch (stage) {
            case WAY_OUT -> pull ? RepPhase.CONCENTRIC : RepPhase.ECCENTRIC;
            case FAR_END -> pull ? RepPhase.TOP_HOLD : RepPhase.BOTTOM_PAUSE;
            case WAY_BACK -> pull ? RepPhase.ECCENTRIC : RepPhase.CONCENTRIC;
            case RESTING -> pull ? RepPhase.BOTTOM_PAUSE : RepPhase.TOP_HOLD;
        };
        return LivePhase.ofWays(pull, phase, sinceMs, nowMs, outMs, farMs, backMs, restMs);
    }
}
