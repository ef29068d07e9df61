package io.tempostream.analytics.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rep detector for lifts in which the wrist rides up and down with a bar (squat, bench, press,
 * deadlift, barbell row). It keeps the current activity's vertical acceleration, re-analyses it
 * every {@link #ANALYSIS_EVERY_MS} with {@link VerticalExcursions} and reports a rep once what
 * ends it is {@link #CONFIRM_AFTER_MS} old (zero-phase filtering needs that much of what follows):
 * the next rep setting off, the next far end, or a set's end.
 */
public final class VerticalRepDetector implements RepDetector {
    static final long ANALYSIS_EVERY_MS = 1_000;
    /**
     * Between sets, while the last analysis found fewer than three far ends, the next comes after
     * this long: such analyses of the whole window were half of the engine's work, and a set can
     * start only at an analysis that finds four, so it starts a second late at most (when its third
     * and fourth far ends both come within those two seconds).
     */
    static final long IDLE_ANALYSIS_EVERY_MS = 2_000;
    static final long CONFIRM_AFTER_MS = 2_500;
    /**
     * The next rep has set off once it has covered this share of the last rep's travel: past its
     * fastest point (half-way), so the speed peak that times its start is in view.
     */
    private static final double SET_OFF_SHARE = 0.6;
    /**
     * Less than this share of a rep's travel between two far ends: one hold, not two reps. A
     * squeeze's sag stays under 5 % in simulated pause reps; between real reps travel drops by
     * 35 % or more (a rep cut by the recording's end), usually 50–120 %.
     */
    private static final double SAME_HOLD_DROP = 0.25;
    /**
     * The way back must have ended this long before the newest sample: earlier, the speed seen so
     * far is still falling and the way back came out 0.2–0.7 s short (simulated rows and squats).
     */
    static final long RETURN_SETTLED_MS = 300;
    /**
     * A rep's slower way takes at least this long: the real recordings' quickest, 0.69 s (rows;
     * bench, deadlifts, presses and squats 0.91 s and more), the simulated touch-and-go sets at
     * 0.7 s a phase 0.53 s on their quickest curves. An arm swinging while walking is quicker
     * ({@link #armSwing}).
     */
    static final long MIN_SLOWER_WAY_MS = 480;
    /** A far end still rising at 1.5 periods after the last is followed up to this many. */
    private static final double MAX_FAR_END_AFTER_PERIODS = 2;
    /** A rep's way back ends within this many periods after its far end. */
    private static final double RETURN_WITHIN_PERIODS = 0.75;
    /**
     * Reps offered and waiting for their final self at once, at least this many; in a fast set,
     * as many as return while the first of them waits ({@link #maxOffers}).
     */
    private static final int MAX_OFFERS = 2;
    /** How often, near the next rep's expected return, the engine looks whether the wrist is back. */
    static final long RETURN_CHECK_EVERY_MS = 250;
    /** A way back about to settle is looked at this long after it will have ({@link #lookWhenSettled}). */
    private static final long SETTLED_LOOK_AFTER_MS = 100;
    /**
     * The next rep's return is looked for from where the set's rhythm puts it (a period after the
     * last reported rep's return) less this share of a period: reps of a set vary by less.
     */
    private static final double RETURN_CHECK_EARLY_SHARE = 0.15;
    /** How far back, in rep periods before the last reported far end, a look for the next return starts. */
    private static final double OFFER_CONTEXT_PERIODS = 1;
    /** A hold at the far end sags by less than this share of the rep's travel in the band-limited travel. */
    private static final double HOLD_SAG_SHARE = 0.05;
    /** A rep offered early has gone into its far end by this share of the set's last rep, at least. */
    private static final double MIN_SHARE_OF_SET_TRAVEL = 0.6;
    /** ... and come back from it by this share of the way in. */
    private static final double RETURNED_SHARE = 0.5;
    /** Longer than any rest between reps, shorter than rest between sets: one rule for both detectors. */
    private static final long SET_GAP_MS = RepAssembler.SET_GAP_MS;
    /** A slow set's gap ({@link #setGapMs}) at most: 12 s reps need 24 s, 2-2-4-1 20.5 s. */
    private static final long MAX_SLOW_SET_GAP_MS = 2 * SET_GAP_MS;
    /** Turns seen before a set's first rep is reported: enough to tell a set from fidgeting. */
    static final int MIN_FAR_ENDS_TO_START_SET = 4;
    /**
     * A set's first rep offered alone vouches for the set: it starts once its second far end is
     * confirmed. With the exercise selected the athlete said a set is coming; still a lone rep
     * must be clearly one (below), and without a selection it must also come from rest.
     */
    static final int MIN_FAR_ENDS_AFTER_OFFERED_FIRST_REP = 2;
    /** Reps offered one by one that vouch for an unselected set whose stretch closes ({@link #farEndsToStartSet}). */
    private static final int MIN_OFFERS_VOUCHING = 2;
    /** How far back a look for a set's first rep goes: a slow rep (7 s) and the stillness before it. */
    private static final long FIRST_REP_LOOK_BACK_MS = 12_000;
    /**
     * A set whose reps pause this long at their resting end rests between reps (the live phase's
     * way out then waits for a clearer speed); 2-0-2-0 reps turn straight round, and the phases
     * read from the travel put up to about a quarter second of pause where none was (docs/accuracy.md).
     */
    private static final long MIN_REST_BETWEEN_REPS_MS = 250;
    /** A set whose last final rep paused this long at its resting end clearly rests (half a prescribed 1 s pause). */
    private static final long CLEAR_REST_MS = 500;
    /**
     * How far after the last reported rep's return its resting end may still lie: the travel, still
     * there, keeps drifting a little, and its lowest point came up to a quarter second after the
     * return (a 0.02 g noisier sensor; with no slack 9 of the 15 sessions mended stayed wrong).
     */
    private static final long RESTING_END_SLACK_MS = 250;
    /**
     * Inside a set, a rep whose acceleration swings beyond the sensor's noise by less than this share
     * of what the set's last rep swung is the still wrist's noise, twice integrated
     * ({@link #swungLessThanLastRep}). Measured with a 0.02 g noisier sensor (rows, Pendlay rows and
     * squats, every speed curve, 25–100 Hz): over 18 690 looks at true reps, none swung under 0.25 of
     * the rep before (1 % under 0.44, median 0.98); wandering taken for a rep swung under 0.2 of it.
     */
    private static final double MIN_SWING_SHARE_OF_LAST_REP = 0.1;
    /** A moment is in the window if a bin lies this close to it (bins are 40 ms; a dropout leaves a second or more). */
    private static final long IN_VIEW_MS = 100;
    /**
     * How often, between sets, the engine looks for a set's first rep until
     * a look finds a rep-sized excursion (then every {@link #RETURN_CHECK_EVERY_MS}): each look costs
     * some fifty samples' work, and looking every 250 ms throughout made the engine 25 % slower.
     */
    static final long FIRST_REP_CHECK_EVERY_MS = 500;
    /**
     * A look whose half-second means vary less than this many times what the sensor's noise gives
     * them ({@link MovementVariance}) holds no lone rep: a rep's way in alone varies 25–100 times
     * its rest. Its travel (four filter passes over 12 s) is then not computed; these looks run
     * every {@link #FIRST_REP_CHECK_EVERY_MS} through every rest between sets.
     */
    private static final double LOOK_MOVED_NOISE_RATIO = 2;
    /** A lone first rep travels this far at least: a row moves the wrist 25–50 cm, a barbell lift 30–70. */
    private static final double MIN_FIRST_REP_TRAVEL_M = 0.15;
    /** ... and comes back from its far end by this share of the way in. */
    private static final double FIRST_REP_RETURNED_SHARE = 0.7;
    /**
     * ... and without a selection, the wrist really went there: the band-limited travel dips
     * ahead of a rising row (the zero-phase filter reaches back in time), which read as a rep to
     * the bottom and back; integrated from rest, the way in of a rep covers most of that travel.
     */
    private static final double MIN_WAY_IN_MOVED_SHARE = 0.5;
    /**
     * ... and its acceleration varied as a movement's does ({@link MovementVariance}), this many
     * times more than in the rest before it (its last half-second left out: it may hold the start
     * of a movement the other way). Integrated twice over a slow rep's 4–6 s way in, sensor noise
     * alone reaches the share above (0.01 g: about ±9 cm over 5 s), so the band-limited travel's
     * dip ahead of a set's first row, the wrist still, would pass as a rep to the bottom and
     * back. A rep's way in varies 25–100 times more than rest (8, 16 and 32 served alike over
     * 480 simulated first reps, docs/accuracy.md).
     */
    private static final double MIN_WAY_IN_VARIANCE_RATIO = 16;
    /**
     * ... or this many times, where the wrist also turned on the way in ({@link #turnedOnWayIn}):
     * with 0.02 g more accelerometer noise at 25 Hz a row's way in varied only 10–16 times its
     * rest, and its first reps waited for the set (21, 14 and 7 s), while the gyroscope, whose
     * noise that does not touch, showed the forearm tilting as it does in every row.
     */
    private static final double MIN_TURNING_WAY_IN_VARIANCE_RATIO = 4;
    private static final long HALF_SECOND_MS = 500;
    /**
     * A way in whose variance is at most this many times the rest's before it is rest too (two
     * stretches of noise differ by up to about that much; a rep's way in is 25–100 times).
     */
    private static final double STILL_WAY_IN_RATIO = 2;
    /**
     * ... and in the {@link #STILL_BEFORE_LONE_REP_MS} before it, the wrist moved by less than this
     * share of its travel: a set's first rep comes from rest, and a set's second far end, seen
     * from its first, is a rep to the other side and back.
     */
    private static final double MAX_STIR_BEFORE_LONE_REP_SHARE = 0.2;
    private static final long STILL_BEFORE_LONE_REP_MS = 3_000;
    /**
     * ... or, when the device's stream began less than that before, all of it since, if at least
     * this: an athlete who straps on and sets off two seconds later showed no more rest, and the
     * set's first three reps waited for its rhythm (21, 15 and 7 s).
     */
    static final long STILL_SINCE_STREAM_START_MS = 1_500;
    /**
     * ... and it moved, not only drifted with the sensor's noise: its half-second means varied at
     * least this many times more than the noise alone makes them. Twice integrated, 0.02 g of noise
     * wanders 8 cm in 3 s, a fifth of a 40 cm row: with a noisier sensor no set's first rep was
     * offered alone.
     */
    private static final double MIN_STIR_NOISE_RATIO = 4;
    /**
     * ... judged also over the stretches ending this much earlier, by {@link #STILL_CHECK_STEP_MS}
     * (where in view): a stretch that starts inside a movement's slowing half reads as still (the
     * movement's speed at its start is unseen, and its slowing looks like an offset), so the way
     * down from a set's first top hold would pass as a lone rep.
     */
    private static final long STILL_CHECKED_EARLIER_MS = 1_000;
    private static final long STILL_CHECK_STEP_MS = 500;
    /** A way out starts where the travel moves at less than this share of the way out's top speed. */
    private static final double SET_OFF_SPEED_SHARE = 0.15;
    /** A lone rep has set off once its band-limited travel is this share of the way to its far end. */
    private static final double LONE_REP_SET_OFF_SHARE = 0.05;
    /**
     * ... and turns the wrist by less than this in all, from the rest before it to now: a hand on a
     * bar or a dumbbell keeps its angle, and the rep's wobbles add up to 38–208° (the first reps of
     * the 40 real sets); reaching, pointing or turning the arm at rest came to 279–863°.
     */
    private static final double MAX_FIRST_REP_TURN_DEG = 240;
    /**
     * ... and goes from its rest into its far end within this: a 3 s concentric and its squeeze,
     * or a 2 s eccentric and its pause, with room for slower ones. The band-limited travel of a
     * still wrist can drift that far over 7 s or more, where no rep is.
     */
    private static final long MAX_FIRST_REP_WAY_OUT_MS = 6_000;
    /**
     * The longest stretch analysed at once: four slow reps (7 s each) with room to spare. Older
     * samples are dropped; their reps have been reported already.
     */
    private static final long MAX_WINDOW_MS = 35_000;
    /**
     * ... and while an unselected set's first rep is on offer, the set not yet shown: four reps
     * paused 2 s at the bottom (3-1-3-2, 9 s each) with room. In 35 s the set's first far end
     * dropped out before its fourth came, the offers (each right) were taken back, and squats and
     * bench started at their fifth rep.
     */
    private static final long MAX_WINDOW_WHILE_OFFERED_MS = 45_000;
    /**
     * Between sets, once the far ends found so far lie so far apart that those windows cannot hold
     * four of them with the way into the first, the window holds five of their spacing, up to
     * this: a 4-1-4-1 or 5-0-5-0 set (10 s a rep) never had four far ends in view and went
     * uncounted, whole, in a third of the simulated sets (docs/accuracy.md). It grows only while
     * such a set builds up, and shrinks back once the set has started.
     */
    private static final long MAX_SLOW_SET_WINDOW_MS = 60_000;
    /** How far back, in rep periods before the last far end, an analysis inside a set looks. */
    private static final double SET_CONTEXT_PERIODS = 1;
    /**
     * The far end before the last one starts the window instead where it lies within this share
     * of a period of where {@link #SET_CONTEXT_PERIODS} would: the travel is integrated from the
     * window's start as if the wrist were still there, and a period back from a far end can fall
     * into a quick way out (a squat's 1 s drive up), which then bends the whole window's travel
     * (a 1-0-3-0 squat's rep shrank to 0.24 m of 0.6 and went uncounted). At a far end the wrist
     * turns, so its speed is near zero. Not after a rep held at its far end for
     * {@link #HELD_FAR_END_MS} or more: the far end found can then lie anywhere along the hold
     * (2-2-2-0 Pendlay rows: at its start in one rep, its end in the next), and a period back from
     * the last one lands in a hold, still, anyway.
     */
    private static final double FAR_END_CONTEXT_WITHIN_PERIODS = 0.5;
    private static final long HELD_FAR_END_MS = 1_000;
    /**
     * A set's last rep is reported once no turn has come for this many periods after it: the next
     * would have been there by then.
     */
    private static final double LAST_REP_AFTER_PERIODS = 1.5;
    /**
     * ... or for this long, for slow reps: the set is forgotten a set gap after its newest far end,
     * and an analysis comes at least every {@link #IDLE_ANALYSIS_EVERY_MS}, so the wait must end
     * that much before. At 1.5 periods, a set of 9 s reps (3-1-3-2) lost its last rep in 6 of 10.
     */
    private static final long LAST_REP_AFTER_AT_MOST_MS = SET_GAP_MS - IDLE_ANALYSIS_EVERY_MS - 1_000;

    private final String athleteId;
    private final String deviceId;
    private final GravityTracker gravity = new GravityTracker();
    private final SampleBin bin = new SampleBin();
    private final BinnedWindow window = new BinnedWindow(MAX_WINDOW_MS);
    private final SampleClock clock = new SampleClock();
    private long lastAnalysisMs = Long.MIN_VALUE;
    private long lastFarEndMs = Long.MIN_VALUE;
    /** The far end reported before {@link #lastFarEndMs}, where its rep turned there (else none). */
    private long farEndBeforeLastMs = Long.MIN_VALUE;
    /**
     * Whether the rep reported last turned at its far end, not holding it ({@link #HELD_FAR_END_MS}).
     * Kept, not read from {@code lastReported}, which is not checkpointed.
     */
    private boolean turnedAtLastFarEnd;
    /** Newest far end any analysis saw, reported or not: a set still building up is not idle. */
    private long lastSeenFarEndMs = Long.MIN_VALUE;
    /**
     * Far ends the last analysis between sets found (too few to start one, or it would have). Not
     * state: restored as 0, it makes the next analysis come a second later at most.
     */
    private transient int farEndsSeenUnlocked;
    /**
     * How far apart those far ends lie, on average, once there are three (one short of a set) and
     * the wrist moved between them beyond its noise ({@link #MIN_STIR_NOISE_RATIO}); else 0. A slow
     * set's window holds enough of them to start ({@link #windowMs}). Two far ends, or a noisier
     * sensor's wandering, are 8–20 s apart between sets too: a longer window then let the wandering
     * into four sets' counts, and held a wrist's state at 129 kB through half an hour of rows and
     * face pulls (docs/accuracy.md). Not state: restored as 0, the next analysis finds it again.
     */
    private transient long farEndSpacingSeenUnlockedMs;
    /** The current set's far-end side (+1 tops, −1 bottoms); 0 between sets. */
    private int lockedDirection;
    private int hintedDirection;
    /** The set's rep period when its last rep was reported. */
    private double lastPeriodMs;
    /**
     * The travel of the last reported rep, in metres; 0 before the first. Kept once its set is
     * over: a far end within a set gap of that rep, found only once the set was over, is judged
     * against it ({@link #stillWristWandering}).
     */
    private double lastTravelM;
    private final SetNumbering numbering = new SetNumbering();
    /**
     * Reps after the last reported one, offered provisional at their return and not final yet,
     * oldest first (at most {@link #MAX_OFFERS}: quick reps can return faster than the final
     * analysis confirms them), and their far ends.
     */
    private final ArrayList<Rep> offers = new ArrayList<>();
    private final ArrayList<Long> offerFarEndsMs = new ArrayList<>();
    /** When the set's first rep on offer alone was offered (sensor ms; not checkpointed). */
    private transient long firstRepOfferedAtMs;
    /** The set's last final rep, for the live phase while no rep after it is on offer (not checkpointed). */
    private transient Rep lastReported;
    /** The live phase's integration so far, gone on with by the next call (not checkpointed: it starts again). */
    private transient TravelLivePhase livePhaseSoFar;
    /** The window's gap fills when the live phase last went on: a fill since changed bins it took in. */
    private transient int livePhaseGapFills;
    /**
     * A stretch closed (a dropout) inside a set, and no rep of the set has been offered or
     * reported since: {@link #offerRepAfterDropout}. Not checkpointed: restored, the next rep
     * waits for the final analysis, as it did before.
     */
    private transient boolean cutInSet;
    /** The far end the last look found the wrist coming back from, still on its way. */
    private long lookedFarEndMs = Long.MIN_VALUE;
    /** No look for the next rep's return before this time (sensor ms). */
    private long nextLookMs = Long.MIN_VALUE;
    /** From the last reported rep's far end to the end of its way back. */
    private long lastReturnAfterFarEndMs;
    /**
     * A set's first rep is on offer alone ({@link #offerFirstRep}) and no analysis has found a turn
     * before it since: it may start its set at the second far end.
     */
    private boolean firstRepAlone;
    /**
     * The far-end side of the set's first rep last offered alone: the selected exercise's, or
     * without a selection the side the lone rep went to; 0 before any. It counts only while that
     * rep is on offer ({@link #firstRepOnOffer}).
     */
    private int offeredDirection;

    /** Finding each set's far-end side from the set itself until told it ({@link #follow}). */
    public VerticalRepDetector(String athleteId, String deviceId) {
        this.athleteId = athleteId;
        this.deviceId = deviceId;
    }

    /**
     * From the next set on, every rep's far end is its top (+1), its bottom (−1), or found out from
     * the set (0): a set under way keeps the direction it locked.
     */
    void follow(int farEndDirection) {
        if (farEndDirection < -1 || farEndDirection > 1) {
            throw new IllegalArgumentException("farEndDirection must be -1, 0 or 1, got " + farEndDirection);
        }
        this.hintedDirection = farEndDirection;
    }

    @Override
    public void accept(long tMs, double axG, double ayG, double azG, double gxDps, double gyDps, double gzDps,
            Consumer<Rep> out) {
        if (clock.lastMs() != Long.MIN_VALUE && clock.unseenBeforeMs(tMs) >= dropoutMs()) {
            // A dropout: travel cannot be integrated across it, so the stretch before it is
            // analysed on its own. The job's timer would have closed that stretch (advanceTo);
            // close it here too, so a recording analysed offline counts the same, and the
            // analysis never joins the two sides of a gap as if they were consecutive samples.
            closeStretch(out);
        }
        double dtS = clock.advance(tMs);
        if (dtS == SampleClock.NOT_NEWER) {
            return;
        }
        if (bin.endsBefore(tMs)) {
            closeBin();
        }
        bin.add(tMs, axG, ayG, azG, gxDps, gyDps, gzDps, dtS);
        if (lastAnalysisMs == Long.MIN_VALUE) {
            lastAnalysisMs = tMs;
        }
        if (tMs - lastAnalysisMs >= analysisEveryMs()) {
            lastAnalysisMs = tMs;
            if (!tooSoonForNextRep(tMs)) {
                analyse(tMs - CONFIRM_AFTER_MS, false, out);
            }
            trimIdleHistory(tMs);
        }
        if (dueForRepAfterDropout(tMs)) {
            nextLookMs = tMs + RETURN_CHECK_EVERY_MS;
            offerRepAfterDropout();
        } else if (offers.size() < maxOffers() && dueForReturnCheck(tMs)) {
            nextLookMs = tMs + RETURN_CHECK_EVERY_MS;
            offerReturnedRep();
        } else if (dueForFirstRepCheck(tMs)) {
            nextLookMs = tMs + FIRST_REP_CHECK_EVERY_MS;
            offerFirstRep();
        }
    }

    /**
     * Inside a set, {@link #MAX_OFFERS}, or one more than the reps that return while an offer
     * waits for the final analysis to confirm it (up to {@link #CONFIRM_AFTER_MS} and an
     * analysis after what ends it): in touch-and-go rows of 1.4 s a rep, two at a time, every
     * other rep waited for a confirmation before it could be looked for (real barbell rows: heard
     * of up to 2.0 s after their return). While an unselected set's first rep on offer waits for
     * the set to show its side (four far ends), each rep until then.
     */
    private int maxOffers() {
        if (unselectedFirstRepOnOffer()) {
            return MIN_FAR_ENDS_TO_START_SET;
        }
        if (setDirection() == 0) {
            return MAX_OFFERS;
        }
        // Far ends come a second apart at the least: five offers at most, however short a lone
        // first rep's own length, which stands for the period until the set has one.
        double periodMs = Math.max(setPeriodMs(), VerticalExcursions.MIN_REP_PERIOD_S * 1000);
        return Math.max(MAX_OFFERS, 1 + (int) Math.ceil((CONFIRM_AFTER_MS + ANALYSIS_EVERY_MS) / periodMs));
    }

    /** A gap this long is a dropout: by the set's period inside a set, or with its first reps on offer ({@link SampleGaps#dropoutMs}). */
    private long dropoutMs() {
        return SampleGaps.dropoutMs(lockedDirection != 0 || !offers.isEmpty() ? setPeriodMs() : 0);
    }

    private long analysisEveryMs() {
        return lockedDirection == 0 && offers.isEmpty() && farEndsSeenUnlocked < MIN_FAR_ENDS_TO_START_SET - 1
                ? IDLE_ANALYSIS_EVERY_MS : ANALYSIS_EVERY_MS;
    }

    @Override
    public Rep pendingRep() {
        return offers.isEmpty() ? null : offers.get(offers.size() - 1);
    }

    /** Reps numbered in the current set so far, final ones only. */
    int repsNumberedInSet() {
        return numbering.reps();
    }

    /** The far end the next rep is measured from: the newest offered one, else the last reported. */
    private long baseFarEndMs() {
        return offerFarEndsMs.isEmpty() ? lastFarEndMs : offerFarEndsMs.get(offerFarEndsMs.size() - 1);
    }

    /**
     * Whether the next rep is looked for in a set whose first rep is on offer alone and none is
     * final yet ({@link #offerFirstRep}): that rep then stands for the set's rhythm and travel.
     */
    private boolean firstRepOnOffer() {
        return lockedDirection == 0 && offeredDirection != 0 && !offers.isEmpty();
    }

    /** The far-end side of the set the next rep is looked for in; 0 if none. */
    private int setDirection() {
        return lockedDirection != 0 ? lockedDirection : firstRepOnOffer() ? offeredDirection : 0;
    }

    /** The set's last final far end, or its first rep's on offer. */
    private long setFarEndMs() {
        return lockedDirection != 0 ? lastFarEndMs : offerFarEndsMs.get(0);
    }

    /** The set's rep period; for a first rep on offer, its own length, as if the next followed at once. */
    private double setPeriodMs() {
        return lockedDirection != 0 ? lastPeriodMs : offers.get(0).endMs() - offers.get(0).startMs();
    }

    private double setTravelM() {
        return lockedDirection != 0 ? lastTravelM : offers.get(0).travelM();
    }

    private long setReturnAfterFarEndMs() {
        return lockedDirection != 0 ? lastReturnAfterFarEndMs : offers.get(0).endMs() - offerFarEndsMs.get(0);
    }

    /**
     * Inside a set, the next rep's return is looked for every {@link #RETURN_CHECK_EVERY_MS} once
     * the set's rhythm says it may be near, not on every analysis: the engine must stay fast. It is
     * looked for until a set gap after the last far end, or, in a slow set, until half a period
     * after the set's rhythm puts it: a 2-2-4-1 row returns 15.5 s after the far end before, and
     * its reps were heard of 17 s late, at the final analysis.
     */
    private boolean dueForReturnCheck(long nowMs) {
        return setDirection() != 0
                && nowMs - baseFarEndMs() < setGapMs()
                && nowMs >= nextLookMs
                && nowMs >= baseFarEndMs() + (1 - RETURN_CHECK_EARLY_SHARE) * setPeriodMs() + setReturnAfterFarEndMs();
    }

    /**
     * How long a set may show no new far end before it is over: a set gap, or in a slow set 1.5
     * periods plus the time from a far end to the rep's return, the moment the next far end can be
     * told (a far end shows itself only once the way back from it is under way). 14 s at 3-1-3-0;
     * at 10 s a rep the next far end showed itself 15.8 s after the one before, and the set ended
     * after its fifth rep, its data dropped as idle. At most {@link #MAX_SLOW_SET_GAP_MS}: the set's
     * period is measured between its far ends, and each longer gap would let the next be longer.
     */
    private double setGapMs() {
        return setDirection() == 0 ? SET_GAP_MS
                : Math.min(MAX_SLOW_SET_GAP_MS, Math.max(SET_GAP_MS, 1.5 * setPeriodMs() + setReturnAfterFarEndMs()));
    }

    /** Inside a set whose last far end went with the stretch a dropout closed, nothing on offer. */
    private boolean dueForRepAfterDropout(long nowMs) {
        return cutInSet && lockedDirection != 0 && offers.isEmpty() && nowMs >= nextLookMs;
    }

    /** Between sets, a set's first rep is looked for as the next reps are inside one. */
    private boolean dueForFirstRepCheck(long nowMs) {
        return lockedDirection == 0 && offers.isEmpty() && nowMs >= nextLookMs;
    }

    /**
     * Offers a set's first rep the moment the wrist is back: the one movement of the last seconds,
     * rep-sized, into the exercise's far end (without a selection, either side's) and back from it
     * by most of the way, with the way back's speed gone to nothing. Without a set's rhythm to go
     * by, this is all that tells it from getting into position; a set that does not follow within a
     * set gap leaves the offer unconfirmed (docs/accuracy.md counts those).
     */
    private void offerFirstRep() {
        int d = offerLoneRep(hintedDirection != 0 ? new int[] {hintedDirection} : new int[] {1, -1},
                hintedDirection == 0, true);
        if (d != 0) {
            firstRepAlone = hintedDirection != 0; // without a selection, the set still shows itself
            firstRepOfferedAtMs = clock.lastMs();
            offeredDirection = d;
        }
    }

    /**
     * Inside a set, after a dropout: the last far end went with the stretch before it, and the
     * next rep had nothing to be measured from until the final analysis found the far end after
     * it, a period later (or, for a set's last rep, at the stream's end: 70 s in a session of
     * `evaluate`'s table). It is looked for as a selected set's lone first rep is, on the set's side.
     */
    private void offerRepAfterDropout() {
        if (offerLoneRep(new int[] {lockedDirection}, false, false) != 0) {
            cutInSet = false;
        }
    }

    /**
     * Offers the one rep-sized movement of the last seconds into a far end on one of {@code sides}
     * and back by most of the way, its way back's speed gone to nothing ({@link #returnedLoneRep};
     * {@code fromRest}: it must also have set off from rest), numbered as a new set's first rep or
     * the set's next. Returns its side, 0 if none was offered: none, or one each way (a rep goes
     * to one side and comes back, so a movement that passes as a rep both ways is two).
     */
    private int offerLoneRep(int[] sides, boolean fromRest, boolean newSet) {
        double rate = window.sampleRateHz();
        int n = window.size();
        if (rate <= 0 || n == 0) {
            return 0;
        }
        long[] t = window.timesMs();
        int from = window.firstIndexAtOrAfter(t[n - 1] - FIRST_REP_LOOK_BACK_MS);
        if (n - from < rate * 3 || !movedBeyondNoise(from, n, LOOK_MOVED_NOISE_RATIO)) {
            return 0;
        }
        double[] z = VerticalExcursions.travel(window.values(), from, n, rate, true);
        int last = n - 1 - from;
        int d = 0;
        int far = -1;
        for (int side : sides) {
            int found = returnedLoneRep(z, t, from, n, side, fromRest);
            if (found >= 0) {
                if (d != 0) {
                    return 0;
                }
                d = side;
                far = found;
            }
        }
        if (d == 0) {
            return 0;
        }
        WayBack back = wayBack(from + far, from + last, rate, from, n - 1, d);
        if (!back.settledBy(t[n - 1])) {
            return 0;
        }
        double[] zc = z.clone();
        for (int j = far + 1; j <= last; j++) {
            zc[j] = z[far] + back.travel()[j - far];
        }
        Rep rep = rep(new VerticalExcursions.Result(List.of(far), d, zc, far), from, 0, far, last, false, false);
        offers.add(numbering.peek(rep, newSet).asProvisional());
        offerFarEndsMs.add(t[from + far]);
        return d;
    }

    /**
     * The far end (index into {@code z}, the travel from window index {@code from}) of the one
     * rep-sized movement to side {@code d} and back of the look, or −1. A rep-sized movement still
     * on its way back makes the next look come soon.
     */
    private int returnedLoneRep(double[] z, long[] t, int from, int n, int d, boolean fromRest) {
        int last = z.length - 1;
        int far = 0;
        for (int j = 1; j <= last; j++) {
            if (d * z[j] > d * z[far]) {
                far = j;
            }
        }
        if (far == 0 || far == last) {
            return -1;
        }
        int restBefore = setOffPoint(z, d, lowest(z, d, 0, far), far);
        int restAfter = lowest(z, d, far, last);
        double into = d * (z[far] - z[restBefore]);
        double returned = d * (z[far] - z[restAfter]);
        long wayOutMs = t[from + far] - t[from + restBefore];
        // A slow rep is asked its size as the band shows it, but only where the set's side is
        // known: without it, the way down and up between a set's first two far ends can pass for
        // a rep to the other side, and after a dropout in the set's first rep one did (the set
        // was then read half a rep off).
        double minTravel = fromRest ? MIN_FIRST_REP_TRAVEL_M
                : MIN_FIRST_REP_TRAVEL_M * SlowRepTravel.relativeShare(t[from + restAfter] - t[from + restBefore]);
        if (into < minTravel || wayOutMs > MAX_FIRST_REP_WAY_OUT_MS
                || window.turnedDeg(from + restBefore, n) > MAX_FIRST_REP_TURN_DEG) {
            return -1;
        }
        // Without a selection either side may be the far end, and inside a set the stretch from
        // one far end to the next and back is a rep to the other side: a set's first rep must
        // come from rest. Where it set off: the travel's lowest point can lie anywhere in a
        // drifting rest, and band-limited, the travel leaves it a while after the wrist does (a
        // 3 s half cosine's first 5 % takes 0.4 s), so the rest is taken to end a quarter of the
        // way in before that. Judged first: what came before the way in does not change as the
        // way back goes on, so a candidate refused for it is not looked at again at once.
        if (fromRest) {
            int setOff = far;
            while (setOff > restBefore && d * (z[setOff - 1] - z[restBefore]) > LONE_REP_SET_OFF_SHARE * into) {
                setOff--;
            }
            int stillEnd = window.firstIndexAtOrAfter(t[from + setOff] - (t[from + far] - t[from + setOff]) / 4);
            // Or from a new pose: stepping into the next exercise's position turns the forearm
            // (face pulls, then rows: 75-90°), and the set's first rep may follow at once. That
            // move is no rest to measure the way in against, so the way in must vary well beyond
            // the sensor's noise instead.
            if (intoNewPoseBefore(stillEnd)) {
                if (!movedBeyondNoise(stillEnd, wayInEnd(stillEnd, from + far), MIN_WAY_IN_VARIANCE_RATIO)) {
                    return -1;
                }
            } else if (stirredBefore(stillEnd, into) || !wayInMoved(stillEnd, from + far, d, into)) {
                return -1;
            }
        }
        // A rep-sized excursion, on its way back: look again as soon as inside a set.
        nextLookMs = Math.min(nextLookMs, t[n - 1] + RETURN_CHECK_EVERY_MS);
        // Offered before its set shows itself, a lone rep must also come back the way it went:
        // turning into a pose one way and not the other is moving into position (face pulls to
        // rows: the step down and the first row up read as a rep to the bottom), or a set's first
        // rep after unracking a bar, which then comes with its set.
        if (returned < FIRST_REP_RETURNED_SHARE * into
                || Math.abs(window.extraTurnBackDeg(from + restBefore, from + far, from + restAfter))
                        > VerticalExcursions.MAX_EXTRA_TURN_BACK_DEG) {
            return -1;
        }
        // Nor a travel that rose while the wrist was still, then fell as it stepped into position
        // (the final analysis refuses a set's first rep so too): offered, it was taken back.
        if (!fromRest && stillIntoFarEnd(from + lowest(z, d, 0, far), from + far, from + restAfter)) {
            return -1;
        }
        return far;
    }

    /**
     * Where the way out to far end {@code far} set off: going back from its fastest point (after
     * {@code lowest}, the travel's lowest point before it), the first where the travel moved
     * towards the far end at less than {@link #SET_OFF_SPEED_SHARE} of that speed. Not the lowest
     * point itself: band-limited, the still wrist's travel drifts and dips by a few centimetres,
     * and ahead of a quick rep its lowest point lay 8 s before the top, which made a 2 s way out
     * look too long for a rep.
     */
    private static int setOffPoint(double[] z, int d, int lowest, int far) {
        int fastest = far;
        double fastestStep = 0;
        for (int j = lowest + 1; j <= far; j++) {
            double step = d * (z[j] - z[j - 1]);
            if (step > fastestStep) {
                fastestStep = step;
                fastest = j;
            }
        }
        int j = fastest;
        while (j - 1 > lowest && d * (z[j - 1] - z[j - 2]) >= SET_OFF_SPEED_SHARE * fastestStep) {
            j--;
        }
        return j - 1;
    }

    /**
     * Takes back a set's first rep on offer alone, not yet shown: without a selection, the wrist
     * engine found the movement turning the forearm as a raise or a pull does. Looks again once
     * the movement is out of the look-back.
     */
    void withdrawFirstRep() {
        if (unselectedFirstRepOnOffer()) {
            clearOffers();
            firstRepAlone = false;
            nextLookMs = clock.lastMs() + FIRST_REP_LOOK_BACK_MS;
        }
    }

    /** Whether a set's first rep is on offer alone, without a selection. */
    boolean unselectedFirstRepOnOffer() {
        return firstRepOnOffer() && hintedDirection == 0;
    }

    /** How long (sensor ms) the set's first rep has been on offer alone; 0 if none is. */
    long firstRepOnOfferForMs() {
        return firstRepOnOffer() ? clock.lastMs() - firstRepOfferedAtMs : 0;
    }

    /**
     * Whether the wrist went towards side {@code d} by at least {@link #MIN_WAY_IN_MOVED_SHARE} of
     * {@code into} from window index {@code rest} to {@code far}, integrated from rest with the
     * acceleration's offset measured over the {@link #STILL_BEFORE_LONE_REP_MS} before (a set's
     * first rep starts from rest). Taken over the way in itself, the offset leaks the next
     * movement's start into it, and five seconds of stillness drifted 15 cm. The furthest point
     * of the way in, not its end: from a hold's end, the wrist's tilt had drifted a 20 cm way in
     * back to 8 cm. And its acceleration varied as a movement's does
     * ({@link #MIN_WAY_IN_VARIANCE_RATIO}; {@link #MIN_TURNING_WAY_IN_VARIANCE_RATIO} where the
     * wrist turned on the way, {@link #turnedOnWayIn}).
     */
    private boolean wayInMoved(int rest, int far, int d, double into) {
        int stillFrom = stillnessStart(rest);
        if (stillFrom < 0
                || furthestTravel(rest, far, meanAcceleration(stillFrom, rest), d) < MIN_WAY_IN_MOVED_SHARE * into) {
            return false;
        }
        int end = wayInEnd(rest, far);
        double wayIn = movementVariance(rest, end);
        double still = stillnessVariance(stillFrom, rest);
        return wayIn >= MIN_WAY_IN_VARIANCE_RATIO * still
                || wayIn >= MIN_TURNING_WAY_IN_VARIANCE_RATIO * still && turnedOnWayIn(stillFrom, rest, end);
    }

    /**
     * Whether the wrist turned on the way in from window index {@code rest} to {@code end}
     * (exclusive) as a moving wrist does: its gyroscope, less its mean over the rest from
     * {@code stillFrom} (the offset), against that rest ({@link BinnedWindow.TurnAgainstRest#turned}).
     */
    private boolean turnedOnWayIn(int stillFrom, int rest, int end) {
        BinnedWindow.TurnAgainstRest turn = window.turnAgainstRest(stillFrom, rest, end);
        return turn != null && turn.turned();
    }

    /**
     * Where the {@link #STILL_BEFORE_LONE_REP_MS} before window index {@code end} begin (or the
     * stream's start, {@link #STILL_SINCE_STREAM_START_MS} or more before), or −1 when less than
     * that is in view.
     */
    private int stillnessStart(int end) {
        long[] t = window.timesMs();
        int start = window.firstIndexAtOrAfter(t[end] - STILL_BEFORE_LONE_REP_MS);
        if (holdsFullStillness(start, end)) {
            return start;
        }
        return start == 0 && window.startsAtStreamStart() && t[end] - t[0] >= STILL_SINCE_STREAM_START_MS ? 0 : -1;
    }

    /** Whether window indices {@code start} to {@code end} span the {@link #STILL_BEFORE_LONE_REP_MS} (to a bin). */
    private boolean holdsFullStillness(int start, int end) {
        long[] t = window.timesMs();
        return t[end] - t[start] >= STILL_BEFORE_LONE_REP_MS - SampleBin.BIN_MS;
    }

    /**
     * The end (exclusive) of the way in from window index {@code rest} to far end {@code far} whose
     * variance is judged: its last half-second left out (half of it, if shorter), which may hold
     * the start of a movement the other way.
     */
    private int wayInEnd(int rest, int far) {
        long[] t = window.timesMs();
        return window.firstIndexAtOrAfter(t[far] - Math.min(HALF_SECOND_MS, (t[far] - t[rest]) / 2));
    }

    /** {@link MovementVariance} of window indices {@code from} to {@code to} (exclusive). */
    private double movementVariance(int from, int to) {
        return MovementVariance.of(window.values(), from, to, MovementVariance.perHalfSecond(window.sampleRateHz()));
    }

    /**
     * Whether the wrist stayed still from window index {@code from} to {@code to} (exclusive), at
     * least a second: its half-second means varied less than {@link #MIN_STIR_NOISE_RATIO} times
     * what the sensor's noise gives them.
     */
    private boolean stillBetween(int from, int to) {
        long[] t = window.timesMs();
        return to > from && t[to - 1] - t[from] >= 2 * HALF_SECOND_MS
                && !movedBeyondNoise(from, to, MIN_STIR_NOISE_RATIO);
    }

    /** {@link MovementVariance#movedBeyondNoise} of window indices {@code from} to {@code to} (exclusive). */
    private boolean movedBeyondNoise(int from, int to, double ratio) {
        return MovementVariance.movedBeyondNoise(window.values(), from, to, MovementVariance.perHalfSecond(window.sampleRateHz()),
                ratio);
    }

    /** {@link MovementVariance#ofStillness} of window indices {@code from} to {@code to} (exclusive). */
    private double stillnessVariance(int from, int to) {
        return MovementVariance.ofStillness(window.values(), from, to, MovementVariance.perHalfSecond(window.sampleRateHz()));
    }

    /**
     * Whether the wrist stayed still on the way from window index {@code rest} into far end
     * {@code far}, and only then moved, to {@code restAfter}: the band-limited travel's rise ahead
     * of a step into the next exercise's position (squats, then Pendlay rows: the wrist drops from
     * the shoulders to the bar on the floor, 65 cm), not a set's first rep. Still: its
     * {@link MovementVariance} (to {@link #wayInEnd}) no more than the sensor's noise gives
     * ({@link #MIN_STIR_NOISE_RATIO}), or at most {@link #STILL_WAY_IN_RATIO} times that of the
     * rest before it where that is in view; and {@link #MIN_WAY_IN_VARIANCE_RATIO} times less than
     * on the way from the far end. (The ratio alone, of two variances from six to ten half-seconds
     * each, read a still way in as 2.03 times its rest and let the step count as a rep.)
     */
    private boolean stillIntoFarEnd(int rest, int far, int restAfter) {
        int wayInEnd = wayInEnd(rest, far);
        if (wayInEnd - rest < 2 * MovementVariance.perHalfSecond(window.sampleRateHz())) {
            return false;
        }
        double wayIn = movementVariance(rest, wayInEnd);
        int stillFrom = stillnessStart(rest);
        boolean stillWayIn = !movedBeyondNoise(rest, wayInEnd, MIN_STIR_NOISE_RATIO)
                || stillFrom >= 0 && wayIn <= STILL_WAY_IN_RATIO * stillnessVariance(stillFrom, rest);
        // A way in at a steady speed hardly accelerates (a slow row's 4 s way up, trapezoid-shaped),
        // but the forearm tilts on it as on any rep's, and does not on a still wrist.
        boolean turned = stillFrom >= 0 && turnedOnWayIn(stillFrom, rest, wayInEnd);
        return stillWayIn && !turned && MIN_WAY_IN_VARIANCE_RATIO * wayIn < movementVariance(far, restAfter);
    }

    /**
     * Whether the sensor turned into a new pose in the {@link #STILL_BEFORE_LONE_REP_MS} before
     * window index {@code end}: its net turn over them ({@link BinnedWindow#netTurnDeg}) is over
     * {@link VerticalExcursions#MAX_EXTRA_TURN_BACK_DEG}. A rep inside a set comes back to its pose
     * (a row's way down nets the 8–20° its way up turned); a step from face pulls to rows netted
     * 81° in the trace that found the set's first rep waiting 14 s for its set.
     */
    private boolean intoNewPoseBefore(int end) {
        long[] t = window.timesMs();
        int start = window.firstIndexAtOrAfter(t[end] - STILL_BEFORE_LONE_REP_MS);
        return holdsFullStillness(start, end) && window.netTurnDeg(start, end) > VerticalExcursions.MAX_EXTRA_TURN_BACK_DEG;
    }

    /**
     * Whether the wrist moved by {@link #MAX_STIR_BEFORE_LONE_REP_SHARE} of {@code into} or more in
     * the {@link #STILL_BEFORE_LONE_REP_MS} before window index {@code end}, or before the ends
     * {@link #STILL_CHECKED_EARLIER_MS} earlier, each integrated from rest with the stretch's own
     * mean acceleration as its offset (one second's mean is off by ±0.014 m/s² from 0.01 g of
     * noise: 6 cm over 3 s). With less than that in view, it may have.
     */
    private boolean stirredBefore(int end, double into) {
        long[] t = window.timesMs();
        for (long earlierMs = 0; earlierMs <= STILL_CHECKED_EARLIER_MS; earlierMs += STILL_CHECK_STEP_MS) {
            int stretchEnd = window.firstIndexAtOrAfter(t[end] - earlierMs);
            int start = stillnessStart(stretchEnd);
            if (start < 0) {
                return earlierMs == 0;
            }
            // Shorter, at the stream's start, its own mean hides a movement's start in its travel.
            boolean shortened = !holdsFullStillness(start, stretchEnd);
            if ((shortened || furthestTravel(start, stretchEnd, meanAcceleration(start, stretchEnd), 0)
                    >= MAX_STIR_BEFORE_LONE_REP_SHARE * into) && movedBeyondNoise(start, stretchEnd, MIN_STIR_NOISE_RATIO)) {
                return true;
            }
        }
        return false;
    }

    /** The window's mean vertical acceleration from index {@code from} to {@code to}, both included. */
    private double meanAcceleration(int from, int to) {
        return window.meanValue(from, to + 1);
    }

    /**
     * The furthest the wrist got towards {@code side} (either way if 0) from window index
     * {@code from} to {@code to}, integrated twice from rest at {@code from} less {@code offset}.
     */
    private double furthestTravel(int from, int to, double offset, int side) {
        double furthest = 0;
        for (double p : integrated(from, to, offset, window.sampleRateHz())) {
            furthest = Math.max(furthest, side == 0 ? Math.abs(p) : side * p);
        }
        return furthest;
    }

    /**
     * Offers the rep after the last reported one the moment the wrist is back at the resting end,
     * before the next rep (or the set's end) confirms it and tells its pause: the athlete sees a
     * row within a fraction of a second, not after the two to four seconds the zero-phase analysis
     * waits for. Only inside a set, whose rhythm and travel are known, and only for a far end the
     * travel went into by most of the set's rep and came back from by half of that, with the way
     * back's speed gone to nothing: the final rep follows for the same far end, with the same start.
     */
    private void offerReturnedRep() {
        double rate = window.sampleRateHz();
        int n = window.size();
        long[] t = window.timesMs();
        long baseMs = baseFarEndMs();
        int d = setDirection();
        double periodMs = setPeriodMs();
        double setTravelM = setTravelM();
        int baseAt = indexInView(baseMs);
        if (rate <= 0 || baseAt < 0) {
            return; // the far end to measure from is not in view (a dropout): offerRepAfterDropout
        }
        // The last look found the far end and the wrist on its way back: until that way back is
        // over, the cheap test alone (the travel below costs as much as some fifty samples do).
        if (lookedFarEndMs > baseMs + periodMs / 2) {
            WayBack lookedBack = wayBackInSet(window.firstIndexAtOrAfter(lookedFarEndMs), n - 1, rate, baseAt,
                    periodMs, d);
            if (!lookedBack.settledBy(t[n - 1])) {
                lookWhenSettled(lookedBack);
                return;
            }
        }
        // From a period before the last reported far end, as the final analysis looks. Only the
        // travel, none of the tests that tell a set from fidgeting (the final analysis makes them):
        // this runs several times a rep.
        int from = window.firstIndexAtOrAfter(setFarEndMs() - (long) (OFFER_CONTEXT_PERIODS * periodMs));
        if (n - from < rate * 2) {
            return;
        }
        double[] z = VerticalExcursions.travel(window.values(), from, n, rate, true);
        int base = baseAt - from;
        int last = n - 1 - from;
        // The next far end: the furthest point between half a period and one and a half after
        // the base, where the set's rhythm puts it (not the one after: two reps are not one).
        int far = -1;
        int searchFrom = window.firstIndexAtOrAfter(baseMs + (long) (periodMs / 2)) - from;
        int searchTo = Math.min(last, window.firstIndexAtOrAfter(baseMs + (long) (1.5 * periodMs)) - from);
        for (int j = searchFrom; j < searchTo; j++) {
            if (far < 0 || d * z[j] > d * z[far]) {
                far = j;
            }
        }
        // Still rising at one and a half periods: a slower rep than the last period measured (a
        // 1 s hold lets the far ends, and the period between two of them, wander by a second, and
        // fatigue slows a set's last reps). Followed up to its turn, within two periods.
        int climbTo = Math.min(last, window.firstIndexAtOrAfter(baseMs + (long) (MAX_FAR_END_AFTER_PERIODS * periodMs)) - from);
        boolean climbed = false;
        while (far >= searchTo - 1 && far + 1 < climbTo && d * z[far + 1] >= d * z[far]) {
            far++;
            climbed = true;
        }
        if (far <= searchFrom || far >= (climbed ? climbTo : searchTo) - 1) {
            return; // no turn inside: the travel is still rising, or falling from before
        }
        // The way back lies within the next period: after it, the rep after this one.
        long returnBy = t[from + far] + (long) (RETURN_WITHIN_PERIODS * periodMs);
        int end = Math.min(last, window.firstIndexAtOrAfter(returnBy) - from);
        double into = d * (z[far] - z[lowest(z, d, base, far)]);
        if (into < MIN_SHARE_OF_SET_TRAVEL * setTravelM
                || !returnedFromFarEnd(z, d, far, end, into)
                        && !returnedGoingOn(from, n, rate, d, base, far, end, setTravelM)) {
            return;
        }
        // Integrated from the middle of a hold at the far end: the wrist is still there, and the
        // shorter the integration the less it drifts (from a 1 s hold's start, the way back's end
        // came out 0.5–0.9 s late, and the offer with it). Not from the hold's end: the travel
        // within 5 % of the far end's reaches into the way back, and the way back came out short.
        int leave = (far + holdEnd(z, d, far, end, HOLD_SAG_SHARE * into)) / 2;
        WayBack back = wayBackInSet(from + leave, from + end, rate, baseAt, periodMs, d);
        if (!back.settledBy(t[n - 1])) {
            lookedFarEndMs = t[from + leave];
            lookWhenSettled(back);
            return;
        }
        double[] zc = z.clone();
        for (int j = leave + 1; j <= last; j++) {
            zc[j] = z[leave] + back.travel()[j - leave];
        }
        Rep rep = rep(new VerticalExcursions.Result(List.of(far), d, zc, far), from, base, far, end, false, false);
        Rep next = numbering.peek(rep, lockedDirection == 0);
        offers.add(next.numbered(next.set(), next.rep() + offers.size()).asProvisional());
        offerFarEndsMs.add(t[from + far]);
    }

    /** Whether travel {@code z} came back from {@code far} by {@link #RETURNED_SHARE} of {@code into} before {@code end}. */
    private static boolean returnedFromFarEnd(double[] z, int d, int far, int end, double into) {
        return d * (z[far] - z[lowest(z, d, far, end)]) >= RETURNED_SHARE * into;
    }

    /**
     * The same look at travel that goes on beyond the window's edge as it came: the travel above
     * is taken to rest where it ends, right where a way back ends in a hold or a pause, but in a
     * touch-and-go set the wrist is on the next rep's way out by then, and held still there the
     * filter took most of the way back away (real barbell rows: 15–20 cm back of a 50–60 cm way in,
     * in looks up to 1.3 s after the way back had ended).
     */
    private boolean returnedGoingOn(int from, int n, double rate, int d, int base, int far, int end, double setTravelM) {
        double[] z = VerticalExcursions.travel(window.values(), from, n, rate, false);
        double into = d * (z[far] - z[lowest(z, d, base, far)]);
        return into >= MIN_SHARE_OF_SET_TRAVEL * setTravelM && returnedFromFarEnd(z, d, far, end, into);
    }

    /**
     * The way back inside a set from window index {@code far}, integrated against two estimates
     * of the acceleration's offset, whichever says it settles first: its mean from the last far
     * end ({@code baseAt}) to this one, where the wrist stands still at both ends; and its mean
     * over the last period up to now. Alone, the first extrapolates over the way back and, a
     * little off, never let the speed come down where the set ends in rest (its last rep came
     * with the set's end, 70 s late); the second takes in the next rep's set-off as it comes, and
     * moved the way back's end later with every look (fast-start rows: 21.2 → 22.1 s in 0.4 s,
     * the rep offered 1.1 s after its return).
     */
    private WayBack wayBackInSet(int far, int to, double rate, int baseAt, double periodMs, int direction) {
        WayBack betweenFarEnds = wayBack(far, to, rate, baseAt, far, direction);
        int n = window.size();
        int periodStart = window.firstIndexAtOrAfter(window.timesMs()[n - 1] - (long) periodMs);
        WayBack lastPeriod = wayBack(far, to, rate, periodStart, n - 1, direction);
        return lastPeriod.settlesAtMs() < betweenFarEnds.settlesAtMs() ? lastPeriod : betweenFarEnds;
    }

    /**
     * The way back from the far end at window index {@code far} (its fastest point before window
     * index {@code to}): the travel from there to now, relative to it, and when it settles
     * ({@link #RETURN_SETTLED_MS} after its end). Integrated afresh from the vertical acceleration,
     * from rest at the far end: the band-limited travel bends near the window's edge, where
     * nothing follows to filter against, and ended the way back 0.2–0.7 s early. The acceleration's
     * offset is its mean over window indices {@code steadyFrom} to {@code steadyTo}, over which the
     * wrist gains no speed.
     */
    private WayBack wayBack(int far, int to, double rate, int steadyFrom, int steadyTo, int direction) {
        double[] back = integratedFromRest(far, rate, steadyFrom, steadyTo);
        double returnEndMs = new TravelPhases(back, window.timesMs(), far).endMs(0, to - far, -direction);
        return new WayBack(back, returnEndMs + RETURN_SETTLED_MS);
    }

    /**
     * A look at a way back: its travel from the far end and when it settles (ms; infinite while
     * its speed has not come down).
     */
    private record WayBack(double[] travel, double settlesAtMs) {
        boolean settledBy(long nowMs) {
            return settlesAtMs < nowMs;
        }
    }

    /**
     * A way back that has ended but not yet settled is looked at again just after it will have:
     * the next look at the regular pace came up to {@link #RETURN_CHECK_EVERY_MS} later, and the
     * rep's offer with it. Not at the very moment: offered then, the rep's end was still moving,
     * and the live phase measured from it started a row's top hold 0.5 s early (LivePhaseTest).
     */
    private void lookWhenSettled(WayBack back) {
        if (Double.isFinite(back.settlesAtMs())) {
            nextLookMs = Math.min(nextLookMs, (long) Math.ceil(back.settlesAtMs()) + SETTLED_LOOK_AFTER_MS);
        }
    }

    /**
     * Travel from window index {@code at} to now, relative to it, integrated twice from rest there,
     * less the acceleration's mean over window indices {@code steadyFrom} to {@code steadyTo} (a
     * repeating movement's last period, or a lone rep from before it started).
     */
    private double[] integratedFromRest(int at, double rate, int steadyFrom, int steadyTo) {
        return integrated(at, window.size() - 1, meanAcceleration(steadyFrom, steadyTo), rate);
    }

    /**
     * Travel from window index {@code from} to {@code to} (inclusive), relative to the first,
     * integrated twice from rest there less {@code offset}.
     */
    private double[] integrated(int from, int to, double offset, double rate) {
        double[] a = window.values();
        double[] p = new double[to - from + 1];
        double dt = 1 / rate;
        double v = 0;
        for (int j = 1; j < p.length; j++) {
            v += (a[from + j] - offset) * dt;
            p[j] = p[j - 1] + v * dt;
        }
        return p;
    }

    @Override
    public void advanceTo(long nowMs, Consumer<Rep> out) {
        if (clock.lastMs() != Long.MIN_VALUE && nowMs - clock.lastMs() >= CONFIRM_AFTER_MS) {
            closeStretch(out);
        }
    }

    /** Nothing more will come for this stretch: analyse it to its very end and start afresh. */
    private void closeStretch(Consumer<Rep> out) {
        if (window.size() > 0 || !bin.isEmpty()) {
            if (!bin.isEmpty()) {
                closeBin();
            }
            analyse(Long.MAX_VALUE, true, out);
            window.clear();
        }
        clearOffers(); // what the stretch's end did not confirm, nothing will
        cutInSet = lockedDirection != 0;
    }

    /** The bin is complete: its one averaged sample, turned to the vertical, joins the window. */
    private void closeBin() {
        window.keepUpTo(windowMs());
        window.append(bin.timeMs(), bin.verticalAcceleration(gravity), bin.turnDeg(), bin.gyroDps(0), bin.gyroDps(1),
                bin.gyroDps(2));
        bin.clear();
    }

    /** How much of the newest data the window keeps: see {@link #MAX_WINDOW_MS} and the two after it. */
    private long windowMs() {
        if (lockedDirection != 0) {
            return MAX_WINDOW_MS;
        }
        long window = unselectedFirstRepOnOffer() ? MAX_WINDOW_WHILE_OFFERED_MS : MAX_WINDOW_MS;
        long slowSet = (MIN_FAR_ENDS_TO_START_SET + 1) * farEndSpacingSeenUnlockedMs;
        return Math.max(window, Math.min(MAX_SLOW_SET_WINDOW_MS, slowSet));
    }

    @Override
    public long lastSampleMs() {
        return clock.lastMs();
    }

    /**
     * Inside a set (or with its first rep on offer), the phase of the rep under way, measured from
     * the newest rep known, offered or final: from its far end on ({@link TravelLivePhase}). None
     * between sets, and none once the wrist has rested {@link RepAssembler#MAX_BOTTOM_PAUSE_MS}.
     */
    @Override
    public LivePhase livePhase() {
        int d = setDirection();
        Rep newest = offers.isEmpty() ? lastReported : offers.get(offers.size() - 1);
        long farEndMs = offers.isEmpty() ? lastFarEndMs : offerFarEndsMs.get(offerFarEndsMs.size() - 1);
        int n = window.size();
        if (d == 0 || newest == null || n == 0) {
            return null;
        }
        long[] t = window.timesMs();
        long returnMs = newest.endMs() - restingEndPauseMs(newest, d);
        int cycleFrom = window.firstIndexAtOrAfter(newest.startMs());
        int farAt = window.firstIndexAtOrAfter(farEndMs);
        int returnAt = window.firstIndexAtOrAfter(returnMs);
        if (returnAt >= n || cycleFrom >= farAt || farAt >= returnAt || t[cycleFrom] - newest.startMs() > SampleGaps.DROPOUT_MS) {
            return null; // the rep is no longer in view, or a dropout cut it
        }
        double wayOutS = (d > 0 ? newest.concentricMs() : newest.eccentricMs()) / 1000.0;
        double peakSpeed = newest.peakVelocity() > 0 ? newest.peakVelocity()
                : Math.PI / 2 * newest.travelM() / Math.max(HALF_SECOND_MS / 1000.0, wayOutS);
        if (livePhaseSoFar == null || livePhaseGapFills != window.gapFills()) {
            livePhaseSoFar = new TravelLivePhase();
            livePhaseGapFills = window.gapFills();
        }
        // An offered rep's return is an estimate, early where the way back slows into a rest; the
        // mean acceleration up to it then left the way back's end in the speed, which read as the
        // next way out (a squat's way down 1.3 s early, LivePhaseTest). Where the set clearly
        // rests, the offset is the mean from the far end before to the rep's own, two moments the
        // wrist stood still (where it rests less, as a slow-start 2-0-2-0 set seems to, that
        // mean read 6 points fewer of its moments right).
        boolean rests = restsBetweenReps(newest, d);
        boolean clearlyRests = rests && lastReported != null
                && restingEndPauseMs(lastReported, d) >= CLEAR_REST_MS;
        int before = clearlyRests ? farEndBeforeNewestOffer(farAt) : -1;
        return livePhaseSoFar.at(window.values(), t, n, cycleFrom, farAt, returnAt, before >= 0 ? before : cycleFrom,
                before >= 0 ? farAt : returnAt, d, newest, peakSpeed, rests, RepAssembler.MAX_BOTTOM_PAUSE_MS);
    }

    /** The window index of the far end before the newest offered rep's, if a rep is on offer and it is in view; −1 if not. */
    private int farEndBeforeNewestOffer(int farAt) {
        int k = offerFarEndsMs.size();
        long beforeMs = k > 1 ? offerFarEndsMs.get(k - 2)
                : k == 1 && lockedDirection != 0 ? lastFarEndMs : Long.MIN_VALUE;
        if (beforeMs == Long.MIN_VALUE) {
            return -1;
        }
        int before = indexInView(beforeMs);
        return before < farAt ? before : -1;
    }

    /**
     * The window index of the bin at {@code ms} (a far end seen by an earlier look or analysis),
     * or −1 if that moment is not in the window: before its front, or in a dropout's gap.
     */
    private int indexInView(long ms) {
        int i = window.firstIndexAtOrAfter(ms);
        return window.size() > 0 && Math.abs(window.timesMs()[i] - ms) <= IN_VIEW_MS ? i : -1;
    }

    /**
     * Whether the set rests at its resting end between reps, as far as its reps show: a final rep's
     * own pause, or the time from the rep before the newest one offered coming back to the newest
     * setting off. Taken to rest when no rep before it is known.
     */
    private boolean restsBetweenReps(Rep newest, int d) {
        if (!newest.provisional()) {
            return restingEndPauseMs(newest, d) >= MIN_REST_BETWEEN_REPS_MS;
        }
        Rep before = offers.size() >= 2 ? offers.get(offers.size() - 2) : lastReported;
        if (before == null || newest.startMs() - before.endMs() > SET_GAP_MS) {
            return true;
        }
        long returnMs = before.endMs() - (before.provisional() ? 0 : restingEndPauseMs(before, d));
        return newest.startMs() - returnMs >= MIN_REST_BETWEEN_REPS_MS;
    }

    /** The pause at a rep's resting end: the bottom for a pull, the top for a squat. */
    private static long restingEndPauseMs(Rep rep, int direction) {
        return direction > 0 ? rep.bottomPauseMs() : rep.peakHoldMs();
    }

    /** Where an analysis inside a set starts: {@link #FAR_END_CONTEXT_WITHIN_PERIODS}. */
    private long setContextStartMs() {
        long periodBack = lastFarEndMs - (long) (SET_CONTEXT_PERIODS * lastPeriodMs);
        return farEndBeforeLastMs != Long.MIN_VALUE
                && Math.abs(farEndBeforeLastMs - periodBack) < FAR_END_CONTEXT_WITHIN_PERIODS * lastPeriodMs
                ? farEndBeforeLastMs : periodBack;
    }

    /**
     * Within a set the next rep is reported once the far end after it is confirmed, about two
     * periods after the last reported one; analyses before 1.75 periods (plus the confirmation
     * delay) are skipped. Skipping only delays: a far end that came early is still in the window at
     * the next analysis, reported a fraction of a period later than it could have been.
     */
    private boolean tooSoonForNextRep(long nowMs) {
        return lockedDirection != 0 && nowMs - lastFarEndMs < SET_GAP_MS
                && nowMs - CONFIRM_AFTER_MS <= lastFarEndMs + 1.75 * lastPeriodMs;
    }

    private void analyse(long confirmedBeforeMs, boolean toTheEnd, Consumer<Rep> out) {
        double rate = window.sampleRateHz();
        if (rate <= 0) {
            return;
        }
        long horizon = toTheEnd ? clock.lastMs() : confirmedBeforeMs;
        // The set is over once no far end has been seen for a set gap (a reported one lags the
        // newest by a rep). A new set may start at the other end (a squat after a row).
        if (lockedDirection != 0 && horizon - Math.max(lastFarEndMs, lastSeenFarEndMs) > setGapMs()) {
            lockedDirection = 0;
            clearOffers();
        }
        if (lockedDirection == 0 && !offers.isEmpty()
                && horizon - Math.max(baseFarEndMs(), lastSeenFarEndMs) > setGapMs()) {
            clearOffers(); // a lone first rep no set followed: it stands unconfirmed
        }
        // Inside a set, only the last reps matter: a period before the last reported far end keeps
        // it in view (the next rep is measured from it), and the window runs on to now.
        int from = lockedDirection == 0 ? 0 : window.firstIndexAtOrAfter(setContextStartMs());
        int n = window.size();
        long[] t = window.timesMs();
        int knownDirection = lockedDirection != 0 ? lockedDirection : hintedDirection;
        VerticalExcursions.Result result = VerticalExcursions.analyze(window, from, n, rate,
                window.startsAtStreamStart() && from == 0, toTheEnd, knownDirection,
                lockedDirection == 0 && hintedDirection != 0, lockedDirection != 0 ? lastTravelM : 0,
                unselectedFirstRepOnOffer() ? offeredDirection : 0);
        if (result.newestTurn() >= 0) {
            lastSeenFarEndMs = Math.max(lastSeenFarEndMs, t[from + result.newestTurn()]);
        }
        if (lockedDirection == 0) {
            List<Integer> seen = result.farEnds();
            farEndsSeenUnlocked = seen.size();
            farEndSpacingSeenUnlockedMs = seen.size() < MIN_FAR_ENDS_TO_START_SET - 1
                    || !movedBeyondNoise(from + seen.get(0), from + seen.get(seen.size() - 1), MIN_STIR_NOISE_RATIO) ? 0
                    : (t[from + seen.get(seen.size() - 1)] - t[from + seen.get(0)]) / (seen.size() - 1);
        }
        if (result.direction() == 0) {
            return;
        }
        List<Integer> ends = result.farEnds();
        if (lockedDirection == 0 && ends.size() > 1 && stillRestAtStreamStart(result, from, ends.get(0), ends.get(1))) {
            ends = ends.subList(1, ends.size());
        }
        // Also with an exercise hint: fewer turns to start a set made rest recordings count reps,
        // unless the set's first rep was offered alone (offerFirstRep) and is this set's first
        // (with a turn before it, as where a recording starts mid-set, the set shows itself as usual).
        // A turn before it with the wrist still from there to the offered rep's set-off is the still
        // travel's dip or the stream's first bins, not a rep: dropped, or the set waits for four.
        while (firstRepAlone && lockedDirection == 0 && !offers.isEmpty() && ends.size() > 1
                && t[from + ends.get(0)] < offerFarEndsMs.get(0) && !firstRepOffered(t[from + ends.get(0)])
                && stillBetween(from + ends.get(0), window.firstIndexAtOrAfter(offers.get(0).startMs()))) {
            ends = ends.subList(1, ends.size());
        }
        if (firstRepAlone && lockedDirection == 0 && !offers.isEmpty() && t[from + ends.get(0)] < offerFarEndsMs.get(0)
                && !firstRepOffered(t[from + ends.get(0)])) {
            firstRepAlone = false; // a recording that starts mid-set, or getting into position
        }
        if (lockedDirection == 0 && ends.size() < farEndsToStartSet(ends, from, result.direction(), toTheEnd)) {
            return; // one or two turns may be fidgeting; a set shows itself by repeating
        }
        if (lockedDirection == 0 && unselectedFirstRepOnOffer() && result.direction() != offeredDirection) {
            // Without a selection, the set shows its side itself (four far ends), and a lone rep
            // offered on the other (a row's top hold, its way down and the next way up) was none
            // of its reps. The set's first reps then come with it.
            clearOffers();
            nextLookMs = clock.lastMs() + SET_GAP_MS;
        }
        double period = ends.size() > 1
                ? (t[from + ends.get(ends.size() - 1)] - t[from + ends.get(0)]) / (double) (ends.size() - 1)
                : lockedDirection != 0 ? lastPeriodMs : 3_000;
        int last = n - 1 - from;
        // Inside a set, its rhythm so far: a window holding little more than the last rep can
        // measure a period from the two ends of one long squeeze at the top.
        double rhythm = lockedDirection != 0 ? Math.max(period, lastPeriodMs) : period;
        // Not in this window if it began after a dropout.
        int reportedAt = lastFarEndMs == Long.MIN_VALUE ? -1 : indexInView(lastFarEndMs);
        int reported = reportedAt < 0 ? -1 : reportedAt - from;
        for (int k = 0; k < ends.size(); k++) {
            int i = ends.get(k);
            long farMs = t[from + i];
            // Reported already. Inside a set, a far end is a new one only if the travel went back
            // down a rep's worth since the reported one: a squeeze held at the top can show its
            // highest point anywhere along the hold, seconds from where the last analysis saw it.
            boolean reportedAlready = partOfLastRep(farMs) || (reported >= 0 && lockedDirection != 0 && lastTravelM > 0
                    ? sameHold(result.travelM(), result.direction(), reported, i) : farMs <= lastFarEndMs + rhythm / 2);
            if (reportedAlready) {
                continue;
            }
            boolean nextConfirmed = k + 1 < ends.size() && t[from + ends.get(k + 1)] <= confirmedBeforeMs;
            // The set's last rep: no turn at all where the rhythm would have put the next one.
            boolean lastOfSet = toTheEnd || (k + 1 == ends.size()
                    && confirmedBeforeMs - farMs > Math.min(LAST_REP_AFTER_PERIODS * rhythm, LAST_REP_AFTER_AT_MOST_MS));
            // Inside a set, a rep is over once the next has set off: its pause is known then.
            int setOff = !nextConfirmed && !lastOfSet && lockedDirection != 0 && farMs <= confirmedBeforeMs
                    ? nextSetOff(result.travelM(), result.direction(), i, horizon(from, n, confirmedBeforeMs)) : -1;
            if (farMs > confirmedBeforeMs || !(nextConfirmed || lastOfSet || setOff >= 0)) {
                break; // a rep ends where the next one starts: its pause is known only then
            }
            int before = k > 0 ? ends.get(k - 1) : Math.max(0, i - (int) (period / 1000 * rate));
            boolean firstOfSet = lastFarEndMs == Long.MIN_VALUE || farMs - lastFarEndMs > SET_GAP_MS;
            if (firstOfSet) {
                double[] z = result.travelM();
                int d = result.direction();
                int restAfter = lowest(z, d, i, k + 1 < ends.size() ? ends.get(k + 1) : last);
                int restBefore = lowest(z, d, before, i);
                if (window.extraTurnBackDeg(from + restBefore, from + i, from + restAfter)
                        > VerticalExcursions.MAX_EXTRA_TURN_BACK_DEG
                        || stillIntoFarEnd(from + restBefore, from + i, from + restAfter)) {
                    continue; // moving into position, not the set's first rep
                }
            }
            int after = nextConfirmed ? ends.get(k + 1) : setOff >= 0 ? setOff : Math.min(last, i + (int) (period / 1000 * rate));
            if (firstOfSet && k + 1 < ends.size() && armSwing(rep(result, from, i, ends.get(k + 1),
                    k + 2 < ends.size() ? ends.get(k + 2) : Math.min(last, ends.get(k + 1) + (int) (period / 1000 * rate)),
                    k + 2 < ends.size(), false))) {
                continue; // its second rep is an arm swing: this is a walk setting off, not a set
            }
            Rep built = rep(result, from, before, i, after, nextConfirmed || setOff >= 0, false);
            lockedDirection = result.direction();
            if (stillWristWandering(built) || armSwing(built)) {
                continue;
            }
            if (firstOfSet) {
                numbering.startSet();
            }
            Rep rep = numbering.number(built);
            lastReported = asOffered(rep, farMs, rhythm);
            cutInSet = false;
            out.accept(lastReported);
            long restingPause = restingEndPauseMs(rep, result.direction());
            lastReturnAfterFarEndMs = Math.max(0, rep.endMs() - restingPause - farMs);
            lastTravelM = rep.travelM();
            farEndBeforeLastMs = !firstOfSet && turnedAtLastFarEnd ? lastFarEndMs : Long.MIN_VALUE;
            turnedAtLastFarEnd = (result.direction() > 0 ? rep.peakHoldMs() : rep.bottomPauseMs()) < HELD_FAR_END_MS;
            lastFarEndMs = farMs;
            lastPeriodMs = period;
        }
    }

    /**
     * Whether far end {@code far} (an index from window index {@code from}) is the stream's first
     * bins and the wrist stayed still on the way from it to its lowest point before far end
     * {@code next}, that point's last half-second left out ({@link #wayInEnd}): the band-limited
     * travel of a still rest at the stream's start rises at its edge ahead of the set's first rep,
     * and it was counted as a rep cut by the stream's start (one rep too many in 2-1-4-0 rows at
     * 25 Hz). A rep the stream did cut moved on its way back.
     */
    private boolean stillRestAtStreamStart(VerticalExcursions.Result result, int from, int far, int next) {
        if (from != 0 || !window.startsAtStreamStart()
                || far >= VerticalExcursions.MIN_REP_PERIOD_S * window.sampleRateHz()) {
            return false;
        }
        int rest = lowest(result.travelM(), result.direction(), far, next);
        return stillBetween(far, wayInEnd(far, rest));
    }

    /**
     * The far ends an unlocked set shows before its reps are final: {@link #MIN_FAR_ENDS_TO_START_SET},
     * or {@link #MIN_FAR_ENDS_AFTER_OFFERED_FIRST_REP} after a selected set's lone first rep. And
     * when the stretch closes (a dropout, or the sensor gone quiet) on an unselected set whose reps
     * were offered one by one as each came back, at least {@link #MIN_OFFERS_VOUCHING}, on the side
     * this analysis finds, with a far end found for each: those offers vouch for the set. Closing
     * took them back, and a dropout in a set's fourth rep lost its first three; the set after it
     * started afresh, often read from its resting end.
     */
    private int farEndsToStartSet(List<Integer> ends, int from, int direction, boolean toTheEnd) {
        long[] t = window.timesMs();
        if (firstRepOffered(t[from + ends.get(0)])) {
            return MIN_FAR_ENDS_AFTER_OFFERED_FIRST_REP;
        }
        if (toTheEnd && unselectedFirstRepOnOffer() && offers.size() >= MIN_OFFERS_VOUCHING
                && direction == offeredDirection && everyOfferFound(ends, from)) {
            return offers.size();
        }
        return MIN_FAR_ENDS_TO_START_SET;
    }

    /**
     * Whether {@code ends} (indices from window index {@code from}) start with the first offered
     * far end and hold every one offered, each within half the offers' period.
     */
    private boolean everyOfferFound(List<Integer> ends, int from) {
        long[] t = window.timesMs();
        int k = offerFarEndsMs.size();
        double halfPeriod = (offerFarEndsMs.get(k - 1) - offerFarEndsMs.get(0)) / (2.0 * (k - 1));
        if (Math.abs(t[from + ends.get(0)] - offerFarEndsMs.get(0)) > halfPeriod) {
            return false;
        }
        for (long offeredMs : offerFarEndsMs) {
            if (ends.stream().noneMatch(e -> Math.abs(t[from + e] - offeredMs) <= halfPeriod)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a travel rep is an arm swinging while walking: both its ways quicker than
     * {@link #MIN_SLOWER_WAY_MS}. An arm swinging mostly forward (or back) lifts the wrist once a
     * stride, for 0.30–0.42 s each way, and far ends one stride apart make a steady set
     * (`WristRepDetectorTest`).
     */
    static boolean armSwing(Rep rep) {
        return Math.max(rep.concentricMs(), rep.eccentricMs()) < MIN_SLOWER_WAY_MS;
    }

    /**
     * Whether a rep is the still wrist's wandering rather than a rep: well short of the last rep's
     * travel ({@link #MIN_SHARE_OF_SET_TRAVEL}) and moving no more than the sensor's noise
     * ({@link #MIN_STIR_NOISE_RATIO}). Twice integrated, 0.02 g of extra noise wandered 14 cm over
     * the 10 s after a set of 30 cm rows, and the set's end took it as one more rep; found once the
     * set was over, such a far end started a set of its own, which the next set's reps joined. Before
     * any rep, short of the shortest rep ({@link VerticalExcursions#MIN_TRAVEL_M}). Or, inside a set,
     * swinging far less than the set's last rep did ({@link #swungLessThanLastRep}).
     */
    private boolean stillWristWandering(Rep rep) {
        // Before any rep, the shortest a rep travels: the still rest before a set, at the stream's
        // start, drifted into a far end and was counted as a rep of 8 mm (12.5 Hz, 0.01 g noisier).
        double shortOf = lastTravelM > 0 ? MIN_SHARE_OF_SET_TRAVEL * lastTravelM : VerticalExcursions.MIN_TRAVEL_M;
        // Its last quarter second left out: the travel's resting end may lie that far after the
        // next rep sets off, and a quick set-off there swung the half-second means of a still rest.
        boolean shortAndStill = rep.travelM() < shortOf
                && !movedBeyondNoise(window.firstIndexAtOrAfter(rep.startMs()),
                        window.firstIndexAtOrAfter(rep.endMs() - RESTING_END_SLACK_MS), MIN_STIR_NOISE_RATIO);
        return shortAndStill || swungLessThanLastRep(rep);
    }

    /**
     * Whether, inside a set, {@code rep}'s acceleration swung at a movement's pace
     * ({@link MovementVariance#ofEveryAlignment}) beyond the sensor's noise by less than
     * {@link #MIN_SWING_SHARE_OF_LAST_REP} of what the set's last reported rep swung, over a period
     * up to its return. With a 0.02 g noisier sensor the still wrist's noise, twice integrated,
     * wandered a whole rep's travel in the rest after a set, and the set ended with one rep too many;
     * its half-second means hardly swing. Not across sets, whose tempo may differ fourfold.
     */
    private boolean swungLessThanLastRep(Rep rep) {
        if (lastFarEndMs == Long.MIN_VALUE || rep.startMs() - lastFarEndMs > SET_GAP_MS) {
            return false;
        }
        int lastFrom = indexInView(lastReturnMs() - (long) lastPeriodMs);
        int lastTo = indexInView(lastReturnMs());
        int from = window.firstIndexAtOrAfter(rep.startMs());
        int to = window.firstIndexAtOrAfter(rep.endMs());
        if (lastFrom < 0 || lastTo <= lastFrom || to <= from) {
            return false; // the last rep is no longer in view
        }
        double[] a = window.values();
        int perHalfSecond = MovementVariance.perHalfSecond(window.sampleRateHz());
        double noise = Math.max(MovementVariance.noiseShare(a, lastFrom, lastTo, perHalfSecond),
                MovementVariance.noiseShare(a, from, to, perHalfSecond));
        double lastSwing = MovementVariance.ofEveryAlignment(a, lastFrom, lastTo, perHalfSecond) - noise;
        double swing = MovementVariance.ofEveryAlignment(a, from, to, perHalfSecond) - noise;
        return lastSwing > 0 && swing < MIN_SWING_SHARE_OF_LAST_REP * lastSwing;
    }

    /**
     * Whether a far end lies no later than the last reported rep's return (and
     * {@link #RESTING_END_SLACK_MS} after): that rep's own, or its resting end found again when a
     * set that is over is read from its other side (counted as a rep, it ended the set with one too
     * many: a 0.02 g noisier sensor, docs/accuracy.md).
     */
    private boolean partOfLastRep(long farMs) {
        return lastFarEndMs != Long.MIN_VALUE && farMs <= lastReturnMs() + RESTING_END_SLACK_MS;
    }

    /** When the last reported rep's way back ended (before any pause at its resting end). */
    private long lastReturnMs() {
        return lastFarEndMs + lastReturnAfterFarEndMs;
    }

    /**
     * Builds the rep around far end {@code far}, between the neighbouring far ends {@code prev} and
     * {@code next} (a rep's own when {@code nextIsRep}, else just the end of the search); indices
     * are into the analysed window, which starts at sample {@code from}.
     */
    private Rep rep(VerticalExcursions.Result result, int from, int prev, int far, int next, boolean nextIsRep,
            boolean numbered) {
        double[] z = result.travelM();
        int d = result.direction();
        TravelPhases phases = new TravelPhases(z, window.timesMs(), from);
        int restBefore = lowest(z, d, prev, far);
        int restAfter = lowest(z, d, far, next);
        TravelPhases.Span outward = phases.movement(prev, far, d);
        TravelPhases.Span back = phases.movement(far, next, -d);
        long outwardMs = Math.round(outward.durationMs());
        long farHoldMs = Math.max(0, Math.round(back.startMs() - outward.endMs()));
        long returnMs = Math.round(back.durationMs());
        // The pause at the resting end lasts until the next rep sets off; after a set's last rep it
        // merges into the rest, and no sensor can tell the two apart.
        long restingPauseMs = nextIsRep
                ? Math.max(0, Math.round(phases.movement(restAfter, next, d).startMs() - back.endMs())) : 0;
        double travel = d * (z[far] - z[restBefore]);
        long startMs = Math.round(outward.startMs());
        long endMs = Math.round(back.endMs()) + restingPauseMs;
        // Rising to the far end is the concentric when the lift starts at the bottom (d = +1): the
        // hold at the top is the squeeze, the pause at the bottom follows. Squat and bench start at
        // the top, so there the way down is the eccentric, the pause is at the bottom (the far end)
        // and the hold at the top (the resting end).
        TravelPhases.Span up = d > 0 ? outward : back;
        TravelPhases.Span down = d > 0 ? back : outward;
        Rep rep = d > 0
                ? new Rep(athleteId, deviceId, 0, 0, startMs, endMs, outwardMs, farHoldMs, returnMs, restingPauseMs,
                        0, Math.abs(travel), up.peakSpeed(), up.startJolt(), down.endJolt(), "")
                : new Rep(athleteId, deviceId, 0, 0, startMs, endMs, returnMs, restingPauseMs, outwardMs, farHoldMs,
                        0, Math.abs(travel), up.peakSpeed(), up.startJolt(), down.endJolt(), "");
        return numbered ? numbering.number(rep) : rep;
    }

    /**
     * Whether a set's first rep was offered alone for the far end at {@code farMs}: within half
     * that rep's length (a hold's highest point can be at either of its ends), as a final rep is
     * matched to its offer.
     */
    private boolean firstRepOffered(long farMs) {
        return firstRepAlone && firstRepOnOffer() && Math.abs(offerFarEndsMs.get(0) - farMs) <= setPeriodMs() / 2;
    }

    private void clearOffers() {
        offers.clear();
        offerFarEndsMs.clear();
    }

    /**
     * The final rep for the far end that was offered provisional starts where the offer said: a
     * rep is one point in time, and later analyses move a start by a few tens of ms. The first
     * phase takes up the difference. Clears the offer once its far end, or one after it, is final.
     */
    private Rep asOffered(Rep rep, long farMs, double rhythm) {
        while (!offers.isEmpty() && offerFarEndsMs.get(0) < farMs - rhythm / 2) {
            offers.remove(0); // a far end the final analysis passed over: the offer stands unconfirmed
            offerFarEndsMs.remove(0);
        }
        if (offers.isEmpty() || offerFarEndsMs.get(0) > farMs + rhythm / 2) {
            return rep;
        }
        Rep offer = offers.remove(0);
        offerFarEndsMs.remove(0);
        long shift = rep.startMs() - offer.startMs();
        boolean concentricFirst = lockedDirection > 0;
        long concentric = concentricFirst ? Math.max(0, rep.concentricMs() + shift) : rep.concentricMs();
        long eccentric = concentricFirst ? rep.eccentricMs() : Math.max(0, rep.eccentricMs() + shift);
        return new Rep(rep.athleteId(), rep.deviceId(), rep.set(), rep.rep(), offer.startMs(), rep.endMs(), concentric,
                rep.peakHoldMs(), eccentric, rep.bottomPauseMs(), rep.romDeg(), rep.travelM(),
                rep.peakVelocity(), rep.concentricJolt(), rep.eccentricJolt(), rep.exercise());
    }

    /**
     * A squeeze held at the far end sags in the band-limited travel (the high-pass pulls a level
     * stretch towards zero), so its two ends can both stand out as maxima, 2 s apart for a 2 s
     * pause rep, and different analyses pick different ones. A far end is the reported one again
     * when the travel between them never drops by a quarter of the last rep's travel: no rep lies
     * between.
     */
    private boolean sameHold(double[] z, int d, int reported, int far) {
        if (reported < 0 || reported >= far || lastTravelM <= 0) {
            return false;
        }
        double lowest = Double.POSITIVE_INFINITY;
        for (int j = reported; j <= far; j++) {
            lowest = Math.min(lowest, d * z[j]);
        }
        return Math.min(d * z[reported], d * z[far]) - lowest < SAME_HOLD_DROP * lastTravelM;
    }

    /** Index (from {@code from}) of the newest sample at or before {@code ms}. */
    private int horizon(int from, int n, long ms) {
        long[] t = window.timesMs();
        int h = n - 1;
        while (h > from && t[h] > ms) {
            h--;
        }
        return h - from;
    }

    /**
     * The rep at far end {@code far} is over once the next one has set off from the resting end
     * and passed its fastest point ({@link #SET_OFF_SHARE} of this rep's travel) before
     * {@code horizon}: its pause is known then, 1–2 s before the next far end would confirm it
     * (docs/accuracy.md, report latency). Returns {@code horizon}, or −1 if not yet.
     */
    private static int nextSetOff(double[] z, int d, int far, int horizon) {
        if (horizon <= far + 1) {
            return -1;
        }
        int rest = lowest(z, d, far, horizon);
        double travel = d * (z[far] - z[rest]);
        for (int j = rest + 1; j <= horizon; j++) {
            if (d * (z[j] - z[rest]) >= SET_OFF_SHARE * travel) {
                return horizon;
            }
        }
        return -1;
    }

    /** The last index from {@code far} on, before {@code to}, up to which the travel stays within {@code sag} of the far end. */
    private static int holdEnd(double[] z, int direction, int far, int to, double sag) {
        int j = far;
        while (j + 1 < to && direction * (z[far] - z[j + 1]) <= sag) {
            j++;
        }
        return j;
    }

    private static int lowest(double[] z, int direction, int from, int to) {
        int best = from;
        double bestValue = direction * z[from];
        for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
            double value = direction * z[i];
            if (value < bestValue) {
                best = i;
                bestValue = value;
            }
        }
        return best;
    }

    /**
     * Between sets, forget all but the last few seconds so each analysis stays short. Not while a
     * set's newest far end waits to be reported: that is its last rep, reported once no turn came
     * for 1.5 periods, which for slow reps (a 9 s period) is more than a set gap after it; trimmed
     * then, the rep was lost (a set's last rep, in 6 of 100 speed-curve sets of wrist rows).
     */
    private void trimIdleHistory(long nowMs) {
        long lastActivity = Math.max(lastFarEndMs, lastSeenFarEndMs);
        if (window.size() == 0 || lockedDirection != 0 && lastSeenFarEndMs > lastFarEndMs) {
            return;
        }
        long oldestMs = window.timesMs()[0];
        long quietSince = lastActivity == Long.MIN_VALUE ? oldestMs : lastActivity;
        if (nowMs - quietSince > setGapMs() && nowMs - oldestMs > SET_GAP_MS) {
            window.dropBefore(nowMs - SET_GAP_MS / 2);
        }
    }


}
