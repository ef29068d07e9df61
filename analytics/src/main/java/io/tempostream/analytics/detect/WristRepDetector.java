package io.tempostream.analytics.detect;

import java.util.function.Consumer;

/**
 * The wrist engine: two detectors watch every sample, and the first to report a convincing rep in
 * a set owns that set. Reps are renumbered so sets and reps count the same whichever found them.
 *
 * <ul>
 *   <li>{@link VerticalRepDetector} follows the wrist's vertical travel. In rows and barbell lifts
 *       the forearm hangs or stays upright and rides up and down with the load, so this is the
 *       signal there. Inside a set it offers each rep provisional within a second of its
 *       return, and a set's first rep too when it comes from rest or the exercise is selected;
 *       the final rep comes a few seconds later.</li>
 *   <li>{@link RotationRepDetector} follows the forearm's rotation, which dominates raises and face
 *       pulls and answers within a fraction of a second. A rotation rep owns a set only when it
 *       turns at least {@link #MIN_OWNING_ROTATION_DEG} and the next rep follows at once with a
 *       similar range: lifts wobble the wrist by 15–40°, and single turns while resting are not
 *       a set. Without a selection, a set's first rep from rest is offered alone, provisional,
 *       before that.</li>
 * </ul>
 */
public final class WristRepDetector implements ExerciseEngine {
    /** Raises and pulls that turn the forearm move it 50–120°; barbell lifts wobble it by < 40°. */
    static final double MIN_OWNING_ROTATION_DEG = 40;
    /**
     * A rotation set's first rep is offered alone (with the exercise selected, or from rest without
     * a selection) when it turns the forearm as a face pull or a raise does, 50–120°, with room:
     * the arm turns at rest in the real rest recordings (43°, 172°, 181°) are none.
     */
    static final double MIN_LONE_FIRST_REP_DEG = 50;
    static final double MAX_LONE_FIRST_REP_DEG = 150;
    /**
     * Without a selection, a rotation set's first rep is offered alone only if no movement came
     * for this long before it: a set starts from rest, as the travel detector's lone first rep does.
     */
    static final long STILL_BEFORE_UNSELECTED_LONE_REP_MS = 3_000;
    /** Two reps of one set differ in range by less than this factor. */
    private static final double MAX_RANGE_RATIO = 1.5;

    /** How long a set's first rep found by travel waits, unselected, for the rotation engine to contest it. */
    static final long CONTEST_GRACE_MS = 100;

    private enum Owner { NONE, ROTATION, VERTICAL }

    private final RotationRepDetector rotation;
    private final VerticalRepDetector vertical;
    /**
     * The signal the athlete's exercise moves, if they said which: the other detector is fed all
     * the same (the exercise may change at any sample, and it must then be warm) but owns no set.
     */
    private ExerciseHint.WristSignal signal;
    private Owner owner = Owner.NONE;
    private long lastRepEndMs = Long.MIN_VALUE;
    private final SetNumbering numbering = new SetNumbering();
    /** A rotation rep waiting for the next one to confirm that a set has begun. */
    private Rep pendingRotation;
    /** The callers' consumer wrapped once, not per sample: this runs millions of times a second. */
    private transient Consumer<Rep> wrappedFor;
    private transient Consumer<Rep> fromRotation;
    private transient Consumer<Rep> fromVertical;

    /** Watching both signals until told which one the athlete's exercise moves ({@link #follow}). */
    public WristRepDetector(String athleteId, String deviceId) {
        this.rotation = new RotationRepDetector(athleteId, deviceId, RotationThresholds.WRIST);
        this.vertical = new VerticalRepDetector(athleteId, deviceId);
        this.signal = ExerciseHint.WristSignal.EITHER;
    }

    /**
     * A set under way that the new exercise's signal does not move ends here: the next rep starts
     * a set. The far end's direction applies from the next set the travel detector finds.
     */
    @Override
    public void follow(ExerciseHint hint) {
        signal = hint == null ? ExerciseHint.WristSignal.EITHER : hint.wristSignal();
        rotation.follow(hint);
        vertical.follow(hint == null ? 0 : hint.farEndDirection());
        if (!may(Owner.ROTATION)) {
            pendingRotation = null;
            if (owner == Owner.ROTATION) {
                owner = Owner.NONE;
            }
        }
        if (!may(Owner.VERTICAL) && owner == Owner.VERTICAL) {
            owner = Owner.NONE;
        }
    }

    /** Whether {@code detector} may own a set of the exercise the athlete said they do. */
    private boolean may(Owner detector) {
        return signal == ExerciseHint.WristSignal.EITHER
                || signal == (detector == Owner.ROTATION ? ExerciseHint.WristSignal.ROTATION : ExerciseHint.WristSignal.TRAVEL);
    }

    @Override
    public void accept(long tMs, double axG, double ayG, double azG, double gxDps, double gyDps, double gzDps,
            Consumer<Rep> out) {
        wrap(out);
        rotation.accept(tMs, axG, ayG, azG, gxDps, gyDps, gzDps, fromRotation);
        if (pendingRotation != null) {
            confirmByOffer(out);
        }
        vertical.accept(tMs, axG, ayG, azG, gxDps, gyDps, gzDps, fromVertical);
        if (vertical.unselectedFirstRepOnOffer() && (rotationContests() || quickBothWays(vertical.pendingRep()))) {
            vertical.withdrawFirstRep();
        }
    }

    /**
     * Without a selection, whether the forearm turns as in a raise or a pull, or a rotation rep
     * waits for its second: then a lone travel rep may be a rotation set's first, and is not offered.
     */
    private boolean rotationContests() {
        Rep offered = rotation.pendingRep();
        return pendingRotation != null || offered != null && offered.romDeg() >= MIN_OWNING_ROTATION_DEG;
    }

    /** The arm raised to look at a watch, not a set's first rep: the rule rotation reps follow ({@link RepAssembler#tooQuick}). */
    private static boolean quickBothWays(Rep rep) {
        return rep != null && RepAssembler.tooQuick(rep.concentricMs(), rep.eccentricMs());
    }

    private void wrap(Consumer<Rep> out) {
        if (wrappedFor != out) {
            wrappedFor = out;
            fromRotation = rep -> fromRotation(rep, out);
            fromVertical = rep -> fromVertical(rep, out);
        }
    }

    @Override
    public void advanceTo(long nowMs, Consumer<Rep> out) {
        wrap(out);
        rotation.advanceTo(nowMs, fromRotation);
        vertical.advanceTo(nowMs, fromVertical);
    }

    @Override
    public long lastSampleMs() {
        return rotation.lastSampleMs();
    }

    /** Only while rotation owns the set: a row's small wrist turns are no squeeze. */
    @Override
    public long holdingSinceMs() {
        return owner == Owner.ROTATION ? rotation.holdingSinceMs() : Long.MIN_VALUE;
    }

    /**
     * From the detector that owns the set under way: a row's small wrist turns are not its phases.
     * A set whose first reps are on offer has no owner yet (an unselected set's first three travel
     * reps are offered alone, one by one, before the set is final): its phase is from the detector
     * that offers them, as the athlete already sees those reps.
     */
    @Override
    public LivePhase livePhase() {
        Offer offer = offer();
        Owner from = offer.rep() != null && isNewSet(offer.rep()) ? offer.by() : owner;
        return switch (from) {
            case ROTATION -> rotation.livePhase();
            case VERTICAL -> vertical.livePhase();
            case NONE -> null;
        };
    }

    /**
     * Only from the detector that owns the set under way: without a selection, a rotation set's
     * first rep is offered alone if it comes from rest ({@link #unselectedLoneRotationRep}), else
     * it waits for its second to confirm it; a travel set's first rep is offered alone
     * if it comes from rest and the forearm does not turn as in a raise or a pull
     * ({@link #rotationContests}), after a rotation set too ({@link #noSetUnderWay}); else the
     * set's first reps wait for the set to show itself. With the exercise selected, the athlete
     * has said a set is coming, and a set's first rep is offered alone if it looks like one on
     * its own (docs/accuracy.md, "A set's first rep").
     */
    @Override
    public Rep pendingRep() {
        return offer().rep();
    }

    /** The rep on offer and the detector it comes from. */
    private record Offer(Rep rep, Owner by) {
        static final Offer NONE = new Offer(null, Owner.NONE);
    }

    private Offer offer() {
        if (signal == ExerciseHint.WristSignal.EITHER) {
            Rep lone = unselectedLoneRotationRep();
            if (lone != null) {
                return new Offer(lone, Owner.ROTATION);
            }
        }
        if (owner == Owner.VERTICAL || signal == ExerciseHint.WristSignal.TRAVEL) {
            return new Offer(pendingTravelRep(), Owner.VERTICAL);
        }
        if (signal == ExerciseHint.WristSignal.EITHER && vertical.unselectedFirstRepOnOffer() && noSetUnderWay()) {
            // Withdrawn where the forearm turns (accept): while the rotation engine has a rep under
            // way, shown only once it has had CONTEST_GRACE_MS to contest it (its offer can come a
            // few bins after the travel's), so no rep is shown and taken back.
            return rotation.livePhase() == null || vertical.firstRepOnOfferForMs() >= CONTEST_GRACE_MS
                    ? new Offer(pendingTravelRep(), Owner.VERTICAL) : Offer.NONE;
        }
        if (owner == Owner.ROTATION || signal == ExerciseHint.WristSignal.ROTATION) {
            return new Offer(pendingRotationRep(), Owner.ROTATION);
        }
        return Offer.NONE;
    }

    /**
     * Whether the travel detector's lone first rep would start a set: none owned yet, or the last
     * set, found by rotation, is over (a set of rows after a set of raises).
     */
    private boolean noSetUnderWay() {
        Rep offered = vertical.pendingRep();
        return owner == Owner.NONE || owner == Owner.ROTATION && offered != null && isNewSet(offered);
    }

    private Rep pendingTravelRep() {
        // The travel detector may have two reps on offer: the newest keeps its lead.
        Rep rep = vertical.pendingRep();
        if (rep == null || VerticalRepDetector.armSwing(rep)) {
            return null; // an arm swinging while walking, never to be a rep
        }
        if (isNewSet(rep)) {
            if (signal == ExerciseHint.WristSignal.ROTATION) {
                return null;
            }
            Rep next = numbering.peek(rep, true); // a selected set's first reps, offered alone
            return next.numbered(next.set(), rep.rep());
        }
        if (owner != Owner.VERTICAL) {
            return null;
        }
        Rep next = numbering.peek(rep, false);
        return next.numbered(next.set(), next.rep() + rep.rep() - 1 - vertical.repsNumberedInSet());
    }

    private Rep pendingRotationRep() {
        Rep rep = rotation.pendingRep();
        if (rep == null) {
            return null;
        }
        if (owner == Owner.ROTATION && !isNewSet(rep)) {
            return numbering.peek(rep, false);
        }
        // A selected set's first rep, offered alone (the second, once offered, confirms the set).
        boolean loneFirstRep = signal == ExerciseHint.WristSignal.ROTATION && pendingRotation == null
                && loneFirstRepSized(rep);
        return loneFirstRep ? numbering.peek(rep, true) : null;
    }

    /**
     * Without a selection, a rotation set's first rep, offered once the second rep's way out has
     * begun: a set repeats, and one turn out and back between sets (looking at a watch, drinking)
     * does not. It also turns the forearm as a face pull or a raise does and comes from rest. The
     * second rep's own offer confirms the set.
     */
    private Rep unselectedLoneRotationRep() {
        Rep rep = rotation.pendingRep();
        if (rep == null || pendingRotation != null || !isNewSet(rep) || !loneFirstRepSized(rep)
                || !pendingRotationRepFromRest() || !rotation.nextWayOutUnderWay()) {
            return null;
        }
        return numbering.peek(rep, true);
    }

    /**
     * No movement for {@link #STILL_BEFORE_UNSELECTED_LONE_REP_MS} before the rotation rep on offer,
     * or none since the stream began, if that was at least
     * {@link VerticalRepDetector#STILL_SINCE_STREAM_START_MS} before: an athlete who straps on and
     * sets off two seconds later showed no more rest (as for the travel detector's lone first rep).
     */
    private boolean pendingRotationRepFromRest() {
        long still = rotation.stillBeforePendingRepMs();
        return still >= STILL_BEFORE_UNSELECTED_LONE_REP_MS
                || rotation.stillSinceFirstSampleBeforePendingRep() && still >= VerticalRepDetector.STILL_SINCE_STREAM_START_MS;
    }

    private static boolean loneFirstRepSized(Rep rep) {
        return rep.romDeg() >= MIN_LONE_FIRST_REP_DEG && rep.romDeg() <= MAX_LONE_FIRST_REP_DEG;
    }

    private void fromRotation(Rep rep, Consumer<Rep> out) {
        if (!may(Owner.ROTATION)) {
            return;
        }
        if (owner == Owner.ROTATION && !isNewSet(rep)) {
            emit(rep, out);
            return;
        }
        if (owner == Owner.VERTICAL && !isNewSet(rep)) {
            return;
        }
        if (rep.romDeg() < MIN_OWNING_ROTATION_DEG) {
            pendingRotation = null;
            return;
        }
        if (pendingRotation == null && RepAssembler.tooQuick(rep.concentricMs(), rep.eccentricMs())) {
            // A touch-and-go rep is final only once the next rep's way out has followed it, about
            // as big (RepAssembler): the set has shown itself, as the second rep's offer shows it.
            startSet(Owner.ROTATION);
            emit(rep, out);
            return;
        }
        if (pendingRotation != null && follows(pendingRotation, rep)) {
            startSet(Owner.ROTATION);
            emit(pendingRotation, out);
            emit(rep, out);
            pendingRotation = null;
        } else {
            pendingRotation = rep;
        }
    }

    /**
     * The rotation detector's final rep comes once the next rep's way out is complete; the rep it
     * offers, as soon as its way back ends, already says whether it follows the waiting one, so
     * the set is confirmed then, and that rep is offered as the set's second.
     */
    private void confirmByOffer(Consumer<Rep> out) {
        Rep offered = rotation.pendingRep();
        if (offered != null && offered.startMs() > pendingRotation.startMs() && offered.romDeg() >= MIN_OWNING_ROTATION_DEG
                && follows(pendingRotation, offered) && (owner != Owner.VERTICAL || isNewSet(offered))) {
            startSet(Owner.ROTATION);
            emit(pendingRotation, out);
            pendingRotation = null;
        }
    }

    /** {@code rep} is the next rep of the same set as {@code previous}: straight after it, and about as big. */
    private static boolean follows(Rep previous, Rep rep) {
        return rep.set() == previous.set() && rep.startMs() - previous.endMs() <= RepAssembler.MAX_BOTTOM_PAUSE_MS
                && Math.max(rep.romDeg(), previous.romDeg()) <= MAX_RANGE_RATIO * Math.min(rep.romDeg(), previous.romDeg());
    }

    private void fromVertical(Rep rep, Consumer<Rep> out) {
        if (!may(Owner.VERTICAL)) {
            return;
        }
        if (isNewSet(rep)) {
            startSet(Owner.VERTICAL);
        } else if (owner != Owner.VERTICAL) {
            return; // rotation owns this set
        }
        emit(rep, out);
    }

    private boolean isNewSet(Rep rep) {
        return owner == Owner.NONE || rep.startMs() - lastRepEndMs > RepAssembler.SET_GAP_MS;
    }

    private void startSet(Owner newOwner) {
        owner = newOwner;
        numbering.startSet();
    }

    private void emit(Rep rep, Consumer<Rep> out) {
        lastRepEndMs = Math.max(lastRepEndMs, rep.endMs());
        out.accept(numbering.number(rep));
    }
}
