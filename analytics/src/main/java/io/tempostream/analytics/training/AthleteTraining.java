package io.tempostream.analytics.training;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.ingest.ExerciseSelection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything the training analytics know about one athlete, fed with their sensors' reps and
 * exercise selections: each rep is labelled with its exercise, analysed within its set (tempo,
 * form, fatigue) and the set is grouped into a session and a week. Plain Java: the Flink job keeps
 * one per athlete in keyed state, and tests drive it directly.
 */
public final class AthleteTraining {
    private final Map<String, ExerciseTimeline> selections = new HashMap<>();
    private final Map<String, SetProgress> currentSets = new HashMap<>();
    /** Per device, the start of the latest final rep or hold. */
    private final Map<String, Long> lastFinalStartMs = new HashMap<>();
    private final AthleteSessions sessions = new AthleteSessions();

    /**
     * Keeps an exercise selection until the device's reps have passed it; false if the device
     * already had {@link ExerciseTimeline#KEPT} ahead of its reps and one was dropped.
     */
    public boolean select(ExerciseSelection selection) {
        return selections.computeIfAbsent(selection.deviceId(), d -> new ExerciseTimeline())
                .select(selection.fromMs(), selection.exercise());
    }

    /**
     * A rep or hold from one of the athlete's sensors, in that sensor's order. A provisional rep
     * is analysed and passed on, but changes nothing: its final self follows.
     */
    public void accept(Rep rep, AthleteProfile profile, Consumer<TrainingRecord> out) {
        ExerciseTimeline timeline = selections.get(rep.deviceId());
        String exercise = timeline == null ? "" : timeline.at(exerciseLookedUpAtMs(rep));
        SetProgress set = currentSets.get(rep.deviceId());
        if (rep.provisional()) {
            // Shown at once, analysed against the set so far; counted when the final rep comes. It
            // travels apart from final reps in the job, so its final self may have come first.
            Long finalStart = lastFinalStartMs.get(rep.deviceId());
            if (finalStart != null && rep.startMs() <= finalStart) {
                return;
            }
            SetProgress soFar = set != null && set.set() == rep.set() ? set
                    : new SetProgress(rep.athleteId(), rep.deviceId(), rep.set(), exercise, profile.tempoFor(exercise));
            out.accept(soFar.preview(rep.withExercise(soFar.exercise())));
            return;
        }
        lastFinalStartMs.merge(rep.deviceId(), rep.startMs(), Math::max);
        if (timeline != null) {
            timeline.forgetBefore(exerciseLookedUpAtMs(rep));
        }
        if (set == null || set.set() != rep.set()) {
            set = new SetProgress(rep.athleteId(), rep.deviceId(), rep.set(), exercise, profile.tempoFor(exercise));
            currentSets.put(rep.deviceId(), set);
        }
        out.accept(set.add(rep.withExercise(set.exercise())));
        SetAnalysis analysis = set.analysis();
        out.accept(analysis);
        sessions.update(analysis, profile, out);
    }

    /**
     * The event time up to which the device's exercise selections must have arrived before
     * {@code rep} is analysed: when it opens a set, the time its exercise is looked up at (a set
     * keeps the exercise of its first rep); otherwise {@code Long.MIN_VALUE}, nothing to wait for.
     */
    public long selectionsNeededUntilMs(Rep rep) {
        SetProgress set = currentSets.get(rep.deviceId());
        return set != null && set.set() == rep.set() ? Long.MIN_VALUE : exerciseLookedUpAtMs(rep);
    }

    private static long exerciseLookedUpAtMs(Rep rep) {
        return rep.isometric() ? rep.peakHoldStartMs() : rep.startMs();
    }

    /** Event time has reached {@code nowMs}: closes a session that has ended. */
    public void advanceTo(long nowMs, AthleteProfile profile, Consumer<TrainingRecord> out) {
        sessions.advanceTo(nowMs, profile, out);
    }

    /** When event time will next close something, or {@code Long.MAX_VALUE}. */
    public long nextCloseMs() {
        return sessions.closesAtMs();
    }
}
