package io.tempostream.analytics.training;

/**
 * One set as it stands after its latest rep or hold: re-emitted with each, under the same
 * identity (athlete, device, start), so the last one written is the whole set.
 *
 * @param startMs              the first rep's (or hold's) start, which identifies the set
 * @param timeUnderTensionMs   every rep phase, bottom pauses included, plus every hold
 * @param meanScore            mean tempo-compliance score of the reps (0–100), 0 with no reps
 * @param pauseReps            reps whose tempo prescribes a squeeze (0.5 s or more)
 * @param velocityLossPct      fall of the concentric's peak velocity from the set's fastest rep to
 *                             its last two (percent; 0 until three reps)
 * @param concentricSlowingPct change of concentric duration from the first two reps to the last
 *                             two (percent, + slower; 0 until four reps)
 * @param consistencyCvPct     rep-to-rep variation of rep duration (coefficient of variation, percent;
 *                             0 until three reps)
 * @param rangeChangePct       range of motion of the last two reps against the set's typical rep
 *                             (the median of its larger half), percent; 0 until four reps
 */
public record SetAnalysis(String athleteId, String deviceId, int set, String exercise, long startMs, long endMs,
        int reps, int holds, long holdMs, long timeUnderTensionMs, String tempo, double meanScore, int repsOnTempo,
        int pauseReps, int squeezesHeld, double velocityLossPct, double concentricSlowingPct, double consistencyCvPct,
        double rangeChangePct, int swings, int bounces, int partials, int rushedEccentrics) implements TrainingRecord {

    public TrainingExercise.Category category() {
        return TrainingExercise.categoryOf(exercise);
    }
}
