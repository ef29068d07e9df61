package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.LivePhase;
import io.tempostream.analytics.feedback.Feedback;

/**
 * The phase of the rep under way on one device, for the live tempo view: {@code phase} (a
 * {@link io.tempostream.analytics.detect.RepPhase} wire name) since {@code sinceMs}, seen up to
 * {@code atMs} (sensor time), and the time the rep has spent in each phase so far. Reported when a
 * phase starts, once a second while it lasts, and once more, {@code active} false, when the
 * device comes to rest between reps' ends and the next set.
 */
public record PhaseProgress(String athleteId, String deviceId, String phase, long sinceMs, long atMs,
        long concentricMs, long topHoldMs, long eccentricMs, long bottomPauseMs, boolean active) {

    static PhaseProgress of(String athleteId, String deviceId, LivePhase p) {
        return new PhaseProgress(athleteId, deviceId, p.phase().wireName(), p.sinceMs(), p.atMs(), p.concentricMs(),
                p.topHoldMs(), p.eccentricMs(), p.bottomPauseMs(), true);
    }

    /** What the athlete's devices are told of it (their feedback topic). */
    Feedback feedback() {
        return Feedback.ofPhase(athleteId, deviceId, phase, active, sinceMs, atMs,
                new long[] {concentricMs, topHoldMs, eccentricMs, bottomPauseMs});
    }

    long elapsedMs() {
        return Math.max(0, atMs - sinceMs);
    }

    /** The same phase, over. */
    PhaseProgress ended() {
        return new PhaseProgress(athleteId, deviceId, phase, sinceMs, atMs, concentricMs, topHoldMs, eccentricMs,
                bottomPauseMs, false);
    }
}
