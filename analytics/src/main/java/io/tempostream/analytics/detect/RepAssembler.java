package io.tempostream.analytics.detect;

import java.util.function.Consumer;

/**
 * Pairs movements into reps: a movement in the set's working direction, then one back of similar
 * size, then the pause until the next rep or until the pause is too long to be one. The first
 * movement of a set defines the working direction as the rotation it made (an axis and a sense),
 * so neither the sensor's mounting nor the exercise before matters; each rep's way out renews
 * it, following a strap that slips.
 * Pulls and raises start concentric; squat and bench start eccentric, and then the first movement
 * is the eccentric, the pause between the two is at the bottom and the one after is at the top.
 */
final class RepAssembler {
    /** The way back must be 0.5–2× the way up, or it was not the same rep. */
    private static final double MAX_ROM_RATIO = 2.0;
    /**
     * A set's first way out may be no rep at all but getting into position (straightening up from
     * rows before squats turns the upper back 60°, then the squat's way down 35°), so its way back
     * must return it to where it started: within this ratio, or within {@link #MAX_FIRST_NET_DEG}
     * (small turns, a back rep's 6°, differ by a larger share: the gyroscope's offset). Of the
     * 4 160 set-first pairings `./tempostream evaluate` makes, 99 % come within 1.3×; the four it
     * refuses there are arm turns in the two real rest recordings (26° out, 48° back; two of them
     * the 2× rule refused already).
     */
    private static final double MAX_FIRST_ROM_RATIO = 1.5;
    private static final double MAX_FIRST_NET_DEG = 15;
    /** Longer than a 10 s isometric squeeze at the top; beyond it the concentric is abandoned. */
    static final long MAX_PEAK_HOLD_MS = 15_000;
    /**
     * A "pause" at the bottom longer than this is the set ending. Tempos prescribe up to 2 s there
     * (a dead stop, a paused rep), and a 2 s pause runs a few tenths over: at 2 s, half of the
     * simulated face-pull and Y-raise sets paused 2 s from the wrist broke apart.
     */
    static final long MAX_BOTTOM_PAUSE_MS = 3_000;
    /**
     * One phase of a rep lasts longer than this, even at the quickest prescribed tempo (1-0-1-0);
     * an arm swinging while walking to the rack swings each way in 0.4–0.75 s (strides of 0.8–1.5 s),
     * 30–90°, and two such swings looked like a set of raises (WristRepDetectorTest). Only one: an
     * explosive Pendlay row pulls in 0.6 s and lowers in 1.5 s.
     */
    static final long MIN_PHASE_MS = 800;
    /** Shorter movements are a twitch, not a phase of anything. */
    private static final long MIN_MOVEMENT_MS = 250;
    /** cos 60°: a movement whose rotation is further than this from the set's axis is about another axis. */
    private static final double OFF_AXIS_COSINE = 0.5;
    /**
     * Two movements this close turned straight from one into the other: each side's end is
     * estimated apart, to within about 50 ms (100 ms on a slow finish at 50 Hz), so their gap is
     * noise, not a pause or a hold (which tempos prescribe in half seconds at least). They share
     * the turn, half-way. At 150 ms one rep in 80 of the fast-start bell kept a 0.2 s bottom pause
     * it never made.
     */
    static final long DIRECT_TURN_MS = 200;
    /** Rest longer than any prescribed hold and shorter than any between-set rest starts a new set. */
    static final long SET_GAP_MS = 15_000;
    /** No movement for this long, and the sensor rests: there is a set's resting end ({@link RestingEnd}). */
    static final long REST_MS = 1_000;
    /**
     * A rep quick both ways ({@link #tooQuick}) counts only from its set's resting end and back:
     * its way out begins within this share of its size from there, and its way back ends within it
     * of where the way out began. Walking swings about where the body stood: a trunk twists and
     * bends both ways alike, starting each swing half its size from there, and an arm swings
     * forward about twice as far as back, a third of its swing from where it hung (at a quarter,
     * swings 3:1 forward counted). The simulator's quick sets (0.7 s each way, wrist and back, every
     * speed curve) begin within 2 % of their size of the resting end and return within 3 % (p95).
     */
    private static final double MAX_QUICK_OFF_SHARE = 0.10;

    private final String athleteId;
    private final String deviceId;
    /** Unit rotation of the set's way out; zero before a set's first movement. */
    private double workX, workY, workZ;
    private final SetNumbering numbering = new SetNumbering();
    private long lastActivityEndMs = Long.MIN_VALUE;
    private long lastRepEndMs = Long.MIN_VALUE;
    /** Unit rotation of the last rep's way out. */
    private double lastRepX, lastRepY, lastRepZ;
    private Movement concentric;
    private Movement eccentric;
    /** How long the wrist or back made no movement before {@link #concentric} began. */
    private long stillBeforeConcentricMs;
    /** Start of the movement under way (its onset), and whether it goes the set's way out. */
    private long movingSinceMs = Long.MIN_VALUE;
    private boolean movingOutward;
    private final RestingEnd restingEnd = new RestingEnd();
    private long lastMovementEndMs = Long.MIN_VALUE;
    /** How far from the resting end {@link #concentric} began, degrees. */
    private double concentricAwayDeg;
    /** The rep {@link #pendingRep} offered, and the way back it was built on (a cache: not state). */
    private transient Rep offered;
    private transient Movement offeredFor;

    private final double minRomDeg;
    /** Reps start with the concentric unless the exercise starts with the eccentric ({@link #concentricFirst(boolean)}). */
    private boolean concentricFirst = true;

    RepAssembler(String athleteId, String deviceId, double minRomDeg) {
        this.minRomDeg = minRomDeg;
        this.athleteId = athleteId;
        this.deviceId = deviceId;
    }

    /** From now on, reps start with the concentric ({@code true}) or with the eccentric (squat, bench). */
    void concentricFirst(boolean concentricFirst) {
        this.concentricFirst = concentricFirst;
    }

    /**
     * The next movement has begun, at about {@code startMs}: the live phase follows it at once.
     * The waiting rep is closed when that movement completes, where its start is measured on its
     * whole way up rather than on the first tenth of a second of it (the onset's start is off by
     * 100–400 ms on slow starts, which made bottom pauses that were never there); it was offered,
     * provisional, when its way back ended.
     */
    void onOnset(long startMs, double gxDps, double gyDps, double gzDps) {
        movingSinceMs = startMs;
        movingOutward = gxDps * workX + gyDps * workY + gzDps * workZ > 0;
    }

    void onMovement(Movement m, Consumer<Rep> out) {
        // Still from the last movement's end to where this one began to turn (its onset).
        restingEnd.turn(m, lastMovementEndMs == Long.MIN_VALUE
                || Math.min(movingSinceMs, m.startMs()) - lastMovementEndMs >= REST_MS);
        lastMovementEndMs = m.endMs();
        if (m.angleDeg() < minRomDeg || m.durationMs() < MIN_MOVEMENT_MS) {
            return;
        }
        long stillBeforeMs = lastActivityEndMs == Long.MIN_VALUE ? Long.MAX_VALUE : m.startMs() - lastActivityEndMs;
        boolean afterRest = stillBeforeMs > SET_GAP_MS;
        lastActivityEndMs = m.endMs();
        double along = m.angleAbout(workX, workY, workZ);
        // A rotation far from the set's axis (over 60°) starts something new: the next exercise,
        // after the last one's axis, or the first rep after stepping into position.
        boolean offAxis = Math.abs(along) < OFF_AXIS_COSINE * m.angleDeg();
        if (eccentric != null) {
            if (along > 0 && !offAxis && m.startMs() - eccentric.endMs() <= MAX_BOTTOM_PAUSE_MS) {
                if (m.startMs() - eccentric.endMs() < DIRECT_TURN_MS) {
                    long turnMs = (eccentric.endMs() + m.startMs()) / 2;
                    eccentric = eccentric.endingAt(turnMs);
                    m = m.startingAt(turnMs);
                }
                emit(m.startMs(), m, out);
                startConcentric(m, stillBeforeMs);
                return;
            }
            emit(eccentric.endMs(), null, out);
        }
        if (offAxis || (concentric == null && afterRest)) {
            startConcentric(m, stillBeforeMs);
            return;
        }
        if (Math.abs(along) < minRomDeg) {
            return; // mostly about the set's axis, but too small to be a rep phase
        }
        if (concentric == null) {
            if (along > 0) {
                startConcentric(m, stillBeforeMs);
            }
            return;
        }
        double ratio = Math.abs(along) / concentric.angleDeg();
        boolean firstOfSet = startsSet(concentric);
        boolean returns = !firstOfSet || Math.abs(Math.abs(along) - concentric.angleDeg()) <= MAX_FIRST_NET_DEG
                || within(ratio, MAX_FIRST_ROM_RATIO);
        if (along < 0 && returns && within(ratio, MAX_ROM_RATIO)
                && m.startMs() - concentric.endMs() <= MAX_PEAK_HOLD_MS) {
            if (m.startMs() - concentric.endMs() < DIRECT_TURN_MS) {
                long turnMs = (concentric.endMs() + m.startMs()) / 2;
                concentric = concentric.endingAt(turnMs);
                m = m.startingAt(turnMs);
            }
            eccentric = m;
            restingEnd.markReturn();
        } else if (along > 0 || !returns) {
            // A way out; or, back from a set's first way out that it does not return, the first
            // rep's way out after getting into position.
            startConcentric(m, stillBeforeMs);
        } else {
            concentric = null;
        }
    }

    /** {@code m} is a way out: it sets the working direction that the way back must reverse. */
    private void startConcentric(Movement m, long stillBeforeMs) {
        stillBeforeConcentricMs = stillBeforeMs;
        concentricAwayDeg = restingEnd.latestStartAwayDeg();
        double size = m.angleDeg();
        workX = m.rotXDeg() / size;
        workY = m.rotYDeg() / size;
        workZ = m.rotZDeg() / size;
        concentric = m;
    }

    /**
     * Since when the far end of a rep has been held (the way out is complete, the way back has not
     * begun): a squeeze, a pause at peak contraction. {@code Long.MIN_VALUE} when not.
     */
    long holdingSinceMs() {
        return concentric != null && eccentric == null ? concentric.endMs() : Long.MIN_VALUE;
    }

    /**
     * The phase of the rep under way at {@code nowMs}, given whether a movement is under way then;
     * null at rest. A movement with no way out before it is shown only inside a set (within
     * {@link #SET_GAP_MS} of the last rep): between sets a stretch or a step is no concentric.
     */
    LivePhase livePhase(boolean moving, long nowMs) {
        RepPhase out = concentricFirst ? RepPhase.CONCENTRIC : RepPhase.ECCENTRIC;
        RepPhase farEnd = concentricFirst ? RepPhase.TOP_HOLD : RepPhase.BOTTOM_PAUSE;
        RepPhase back = concentricFirst ? RepPhase.ECCENTRIC : RepPhase.CONCENTRIC;
        RepPhase restingEnd = concentricFirst ? RepPhase.BOTTOM_PAUSE : RepPhase.TOP_HOLD;
        if (moving && movingSinceMs != Long.MIN_VALUE) {
            if (concentric != null && eccentric == null && !movingOutward) {
                return live(back, movingSinceMs, nowMs, concentric.durationMs(),
                        Math.max(0, movingSinceMs - concentric.endMs()), nowMs - movingSinceMs, 0);
            }
            boolean inSet = concentric != null || eccentric != null
                    || (lastRepEndMs != Long.MIN_VALUE && movingSinceMs - lastRepEndMs <= SET_GAP_MS);
            boolean wayOut = movingOutward || concentric == null;
            return inSet && wayOut ? live(out, movingSinceMs, nowMs, nowMs - movingSinceMs, 0, 0, 0) : null;
        }
        if (concentric != null && eccentric == null) {
            return live(farEnd, concentric.endMs(), nowMs, concentric.durationMs(), nowMs - concentric.endMs(), 0, 0);
        }
        if (eccentric != null) {
            return live(restingEnd, eccentric.endMs(), nowMs, concentric.durationMs(),
                    Math.max(0, eccentric.startMs() - concentric.endMs()), eccentric.durationMs(), nowMs - eccentric.endMs());
        }
        return null;
    }

    /** A live phase from the way out's, far end's, way back's and resting end's times so far. */
    private LivePhase live(RepPhase phase, long sinceMs, long nowMs, long outMs, long farEndMs, long backMs,
            long restingEndMs) {
        return LivePhase.ofWays(concentricFirst, phase, sinceMs, nowMs, outMs, farEndMs, backMs, restingEndMs);
    }

    /**
     * Closes what time alone can close: a bottom pause that became rest, a hold that became rest.
     * Not while the next rep's way out, begun within the pause, is under way: its start, known when
     * it completes, ends the pause.
     */
    void onTime(long nowMs, boolean moving, Consumer<Rep> out) {
        if (eccentric != null && !nextWayOutUnderWay(moving) && nowMs - eccentric.endMs() > MAX_BOTTOM_PAUSE_MS) {
            emit(eccentric.endMs(), null, out);
        }
        if (concentric != null && eccentric == null && nowMs - concentric.endMs() > MAX_PEAK_HOLD_MS) {
            concentric = null;
        }
    }

    /**
     * The rep whose way back has ended and whose bottom pause is still open, numbered as it will
     * be, with no pause yet; null if there is none (or it is a hold, or too quick to be a rep).
     */
    Rep pendingRep() {
        if (concentric == null || eccentric == null
                || tooQuick(concentric, eccentric) && !(fromRestingEndAndBack() && followsLastRep(concentric))) {
            return null;
        }
        // Asked once a sample while a wrist set waits for its second rep: built once per way back.
        if (offeredFor != eccentric) {
            Rep rep = build(eccentric.endMs());
            offered = rep.isometric() ? null : numbering.peek(rep, startsSet(concentric)).asProvisional();
            offeredFor = eccentric;
        }
        return offered;
    }

    /**
     * Whether the next rep's way out is under way ({@code moving}: whether a movement is): one the
     * set's way out, begun within a bottom pause of the waiting rep's return. The way back's own
     * movement goes the other way, so its onset does not count.
     */
    boolean nextWayOutUnderWay(boolean moving) {
        return moving && movingOutward && eccentric != null && movingSinceMs - eccentric.endMs() <= MAX_BOTTOM_PAUSE_MS;
    }

    /**
     * How long no movement came before the way out of the rep {@link #pendingRep} offers: a set's
     * first rep comes from rest. Zero when none is on offer.
     */
    long stillBeforePendingRepMs() {
        return pendingRep() == null ? 0 : stillBeforeConcentricMs;
    }

    private static boolean tooQuick(Movement c, Movement e) {
        return tooQuick(c.durationMs(), e.durationMs());
    }

    /**
     * Out and back both quicker than any lifting phase but the quickest touch-and-go sets (0.7 s
     * each way): such a rep counts only from its set's resting end and back
     * ({@link #fromRestingEndAndBack}), followed by the set's next rep; otherwise it is an arm or a
     * trunk swinging while walking, or a glance.
     */
    static boolean tooQuick(long outMs, long backMs) {
        return outMs < MIN_PHASE_MS && backMs < MIN_PHASE_MS;
    }

    /**
     * After a rest, or about another axis than the last rep (over 60° from it): a set repeats one
     * movement, and two big turns about different axes are someone moving about (a standing rest
     * recording held two 170° arm turns 76° apart, a second apart).
     */
    private boolean startsSet(Movement c) {
        if (lastRepEndMs == Long.MIN_VALUE || c.startMs() - lastRepEndMs > SET_GAP_MS) {
            return true;
        }
        return c.angleAbout(lastRepX, lastRepY, lastRepZ) < OFF_AXIS_COSINE * c.angleDeg();
    }

    /**
     * Closes the rep on hand at {@code endMs}; {@code nextWayOut} is the next rep's way out, begun
     * within the bottom pause about the set's axis, or null.
     */
    private void emit(long endMs, Movement nextWayOut, Consumer<Rep> out) {
        boolean quick = tooQuick(concentric, eccentric);
        if (quick && !fromRestingEndAndBack()) {
            concentric = null; // quick both ways about another point than a set's: a swing, walking
            eccentric = null;
            return;
        }
        if (backToStart()) {
            restingEnd.restAtReturn(); // not where a way back ran on past the start: into a walk, say
        }
        // A set's first quick rep counts once the next rep's way out follows it, about as big; a
        // lone one is a reach or a glance.
        if (!quick || followsLastRep(concentric) || nextWayOut != null && aboutAsBig(nextWayOut, concentric)) {
            count(concentric, build(endMs), out);
        }
        concentric = null;
        eccentric = null;
    }

    /** Numbers {@code rep}, whose way out was {@code wayOut}, in its set, and hands it on. */
    private void count(Movement wayOut, Rep rep, Consumer<Rep> out) {
        if (startsSet(wayOut)) {
            numbering.startSet();
        }
        lastRepEndMs = rep.endMs();
        double size = wayOut.angleDeg();
        lastRepX = wayOut.rotXDeg() / size;
        lastRepY = wayOut.rotYDeg() / size;
        lastRepZ = wayOut.rotZDeg() / size;
        out.accept(numbering.number(rep));
    }

    /**
     * Whether the rep on hand began at its set's resting end and came back to it, as a quick rep
     * must.
     */
    private boolean fromRestingEndAndBack() {
        return concentricAwayDeg <= MAX_QUICK_OFF_SHARE * concentric.angleDeg() && backToStart();
    }

    /** Whether the way back of the rep on hand ended where its way out began. */
    private boolean backToStart() {
        double offX = concentric.rotXDeg() + eccentric.rotXDeg();
        double offY = concentric.rotYDeg() + eccentric.rotYDeg();
        double offZ = concentric.rotZDeg() + eccentric.rotZDeg();
        double limit = MAX_QUICK_OFF_SHARE * concentric.angleDeg();
        return offX * offX + offY * offY + offZ * offZ <= limit * limit;
    }

    /** Whether the way out {@code c} goes on the set of the last rep counted: at once and about its axis. */
    private boolean followsLastRep(Movement c) {
        return lastRepEndMs != Long.MIN_VALUE && c.startMs() - lastRepEndMs <= MAX_BOTTOM_PAUSE_MS && !startsSet(c);
    }

    /** Whether two ways out turn about as far: within {@link #MAX_ROM_RATIO} of each other. */
    private static boolean aboutAsBig(Movement a, Movement b) {
        return within(a.angleDeg() / b.angleDeg(), MAX_ROM_RATIO);
    }

    /** Whether {@code ratio} is within {@code factor} of 1, either way. */
    private static boolean within(double ratio, double factor) {
        return ratio >= 1 / factor && ratio <= factor;
    }

    /** The rep of the current way out and way back, ending at {@code endMs}, not yet numbered. */
    private Rep build(long endMs) {
        Movement c = concentric;
        Movement e = eccentric;
        // c and e are the way out and the way back; for an eccentric-first lift the way out is down.
        long outMs = c.durationMs();
        long farEndMs = Math.max(0, e.startMs() - c.endMs());
        long backMs = e.durationMs();
        long restingEndMs = Math.max(0, endMs - e.endMs());
        Movement up = concentricFirst ? c : e;
        Movement down = concentricFirst ? e : c;
        return concentricFirst
                ? new Rep(athleteId, deviceId, 0, 0, c.startMs(), endMs, outMs, farEndMs, backMs, restingEndMs,
                        c.angleDeg(), 0, up.peakDps(), up.startJolt(), down.endJolt(), "")
                : new Rep(athleteId, deviceId, 0, 0, c.startMs(), endMs, backMs, restingEndMs, outMs, farEndMs,
                        c.angleDeg(), 0, up.peakDps(), up.startJolt(), down.endJolt(), "");
    }
}
