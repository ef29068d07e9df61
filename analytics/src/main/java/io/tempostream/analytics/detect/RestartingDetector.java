package io.tempostream.analytics.detect;

import io.tempostream.ingest.Placement;
import java.util.function.Consumer;

/**
 * Starts the engine afresh when a device comes back after a long silence: the sensor was off and
 * has been strapped on again, so the gyroscope offset, gravity and set axis learned before mean
 * nothing (a new session's offset differs by a deg/s or more; carried over, it lost a whole
 * session's rows in a simulated six-week program). Sets are numbered on from the last one, so a
 * device's set numbers never repeat.
 */
final class RestartingDetector implements RepDetector {
    /** Longer than any rest within a session, shorter than the time between sessions. */
    static final long RESTART_AFTER_SILENCE_MS = 30 * 60_000L;

    private final Placement placement;
    /** The exercise the athlete does now, as far as they said (null: not said, or not one the engine knows). */
    private ExerciseHint hint;
    /** From when that holds (sensor ms): a selection of an earlier time, heard later, is older news. */
    private long hintFromMs = Long.MIN_VALUE;
    private final SelectionsAhead selectionsAhead = new SelectionsAhead();
    private final String athleteId;
    private final String deviceId;
    private ExerciseEngine engine;
    /** Sets numbered before the current engine started. */
    private int setsBefore;
    /** The highest set number handed out so far. */
    private int lastSet;
    private transient Consumer<Rep> wrappedFor;
    private transient Consumer<Rep> renumbering;

    RestartingDetector(Placement placement, ExerciseHint hint, String athleteId, String deviceId) {
        this.placement = placement;
        this.hint = hint;
        this.athleteId = athleteId;
        this.deviceId = deviceId;
        this.engine = engine(placement, hint, athleteId, deviceId);
    }

    /**
     * From {@code fromMs} on (sensor time) the athlete does {@code hint}'s exercise, until the next
     * selection: it applies from the first sample at or after that time, or from the next sample
     * if the samples are past it already (a selection heard late does not rewrite reps). One made
     * before the selection that holds now, heard after it, changes nothing.
     */
    @Override
    public void select(long fromMs, ExerciseHint hint) {
        if (fromMs >= hintFromMs) {
            selectionsAhead.add(fromMs, hint);
        }
    }

    /**
     * The engine for one session of a device: a back sensor follows rotation (scapular retraction,
     * torso lean); a wrist sensor both bar travel and forearm rotation ({@link WristRepDetector}).
     */
    private static ExerciseEngine engine(Placement placement, ExerciseHint hint, String athleteId, String deviceId) {
        ExerciseEngine engine = placement == Placement.BACK
                ? new RotationRepDetector(athleteId, deviceId, RotationThresholds.BACK)
                : new WristRepDetector(athleteId, deviceId);
        if (hint != null) {
            engine.follow(hint);
        }
        return engine;
    }

    @Override
    public void accept(long tMs, double axG, double ayG, double azG, double gxDps, double gyDps, double gzDps,
            Consumer<Rep> out) {
        if (selectionsAhead.dueBy(tMs)) {
            hintFromMs = selectionsAhead.latestDueFromMs(tMs);
            hint = selectionsAhead.takeDue(tMs);
            engine.follow(hint);
        }
        Consumer<Rep> renumbered = renumbered(out);
        long last = engine.lastSampleMs();
        if (last != Long.MIN_VALUE && tMs - last > RESTART_AFTER_SILENCE_MS) {
            engine.advanceTo(last + RESTART_AFTER_SILENCE_MS, renumbered); // what the last session left open
            engine = engine(placement, hint, athleteId, deviceId);
            setsBefore = lastSet;
        }
        engine.accept(tMs, axG, ayG, azG, gxDps, gyDps, gzDps, renumbered);
    }

    @Override
    public void advanceTo(long nowMs, Consumer<Rep> out) {
        engine.advanceTo(nowMs, renumbered(out));
    }

    @Override
    public long lastSampleMs() {
        return engine.lastSampleMs();
    }

    @Override
    public long holdingSinceMs() {
        return engine.holdingSinceMs();
    }

    @Override
    public LivePhase livePhase() {
        return engine.livePhase();
    }

    @Override
    public Rep pendingRep() {
        Rep rep = engine.pendingRep();
        return rep == null || setsBefore == 0 ? rep : rep.numbered(setsBefore + rep.set(), rep.rep());
    }

    /** {@code out} behind the set renumbering, made once per consumer rather than once per sample. */
    private Consumer<Rep> renumbered(Consumer<Rep> out) {
        if (wrappedFor != out) {
            wrappedFor = out;
            renumbering = rep -> {
                Rep numbered = setsBefore == 0 ? rep : rep.numbered(setsBefore + rep.set(), rep.rep());
                lastSet = Math.max(lastSet, numbered.set());
                out.accept(numbered);
            };
        }
        return renumbering;
    }
}
