package io.tempostream.analytics.detect;

import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.recording.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns one device's samples, in time order, into reps. The Flink job, the offline analysis and
 * the tests all drive the same implementation through this interface; a better engine replaces
 * {@link WristRepDetector} behind it without touching the job.
 */
public interface RepDetector {
    /** At the end of a recording, time is moved on this far to close what is still open, as for a silent device. */
    long CLOSE_AT_END_MS = 60_000;

    /** One sample: acceleration in g, angular velocity in deg/s, sensor axes. */
    void accept(long tMs, double axG, double ayG, double azG, double gxDps, double gyDps, double gzDps, Consumer<Rep> out);

    /** Time has reached {@code nowMs} with no new samples: close what can be closed. */
    void advanceTo(long nowMs, Consumer<Rep> out);

    /** Time of the last sample accepted, or {@code Long.MIN_VALUE} before the first. */
    long lastSampleMs();

    /**
     * Since when the athlete has been holding the far end of a rep, as far as the samples so far
     * show (a scapular squeeze, the pause of a pause rep), or {@code Long.MIN_VALUE} when not: for
     * a hold timer that counts while the hold lasts. The hold itself is reported, with its length,
     * when it ends. Detectors that learn of a hold only later say never.
     */
    default long holdingSinceMs() {
        return Long.MIN_VALUE;
    }

    /**
     * The phase of the rep under way, as far as the samples so far show, or null when no rep is
     * (rest, or a detector that learns of a rep only later): for a live view that counts the
     * current phase up ("eccentric 1.8 s") while the athlete is in it.
     */
    default LivePhase livePhase() {
        return null;
    }

    /**
     * The rep whose movement has ended but whose bottom pause is still open, as it stands now
     * ({@link Rep#provisional()}: no pause yet), or null: for feedback the moment the eccentric
     * ends, instead of when the next rep starts or 2 s of stillness end the set. The same rep is
     * reported through {@code out}, final, once its pause is known, with the same start and number.
     * Vertical travel offers a rep once its set has shown itself; a set's first reps come final.
     */
    default Rep pendingRep() {
        return null;
    }

    /**
     * The athlete said that from {@code fromMs} (sensor time) on they do {@code hint}'s exercise
     * (null: one the engine does not know, which narrows nothing), as on the exercise topic. Only
     * the detectors {@link RepDetectors} makes follow selections.
     */
    default void select(long fromMs, ExerciseHint hint) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " follows no exercise selections: make the detector with RepDetectors");
    }

    /** A selection from the exercise topic; a name the engine does not know (a curl) narrows nothing. */
    default void select(ExerciseSelection selection) {
        select(selection.fromMs(), ExerciseHint.fromCliName(selection.exercise()).orElse(null));
    }

    default void accept(ImuBatch batch, Consumer<Rep> out) {
        for (int i = 0; i < batch.size(); i++) {
            accept(batch.timestampsMs()[i], batch.accelXG()[i], batch.accelYG()[i], batch.accelZG()[i],
                    batch.gyroXDps()[i], batch.gyroYDps()[i], batch.gyroZDps()[i], out);
        }
    }

    /** Runs a whole recording through this detector and closes what is open at its end. */
    default List<Rep> detectAll(Recording recording) {
        List<Rep> reps = new ArrayList<>();
        for (int i = 0; i < recording.size(); i++) {
            accept(recording.timestampsMs()[i], recording.ax()[i], recording.ay()[i], recording.az()[i],
                    recording.gx()[i], recording.gy()[i], recording.gz()[i], reps::add);
        }
        if (recording.size() > 0) {
            advanceTo(recording.timestampsMs()[recording.size() - 1] + CLOSE_AT_END_MS, reps::add);
        }
        return reps;
    }
}
