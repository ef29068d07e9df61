package io.tempostream.analytics.detect;

/**
 * An engine that can be told, between samples, which exercise the athlete is doing now: what
 * the exercise topic says in the job, and what {@code analyze --exercise} says for a whole recording.
 */
interface ExerciseEngine extends RepDetector {
    /** From the next sample on, the athlete does {@code hint}'s exercise; null for one the engine does not know. */
    void follow(ExerciseHint hint);
}
