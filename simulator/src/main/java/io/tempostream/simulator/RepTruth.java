package io.tempostream.simulator;

/**
 * Ground truth of one simulated rep: when it started and how long each tempo phase lasted. Pulls
 * and raises go concentric, peak hold, eccentric, bottom pause; squat and bench go eccentric,
 * bottom pause, concentric, hold at the top ({@code concentricFirst} false).
 */
public record RepTruth(
        String athleteId,
        String deviceId,
        String exercise,
        boolean concentricFirst,
        int set,
        int rep,
        long startMs,
        long concentricMs,
        long peakHoldMs,
        long eccentricMs,
        long bottomPauseMs,
        double romDeg) {

    public long endMs() {
        return startMs + concentricMs + peakHoldMs + eccentricMs + bottomPauseMs;
    }

    /**
     * Where the way back to the resting end ends, before any pause there: after the eccentric for
     * a pull or raise, after the concentric for a squat or bench. What a rep's live report is timed
     * against.
     */
    public long returnEndMs() {
        return concentricFirst
                ? startMs + concentricMs + peakHoldMs + eccentricMs
                : startMs + eccentricMs + bottomPauseMs + concentricMs;
    }

    public long concentricStartMs() {
        return concentricFirst ? startMs : startMs + eccentricMs + bottomPauseMs;
    }

    public long concentricEndMs() {
        return concentricStartMs() + concentricMs;
    }

    /**
     * The phases' lengths in the order performed: concentric, top hold, eccentric, bottom pause
     * for a rep that starts concentric, else eccentric, bottom pause, concentric, top hold.
     */
    public long[] phaseLengthsInOrderMs() {
        return concentricFirst
                ? new long[] {concentricMs, peakHoldMs, eccentricMs, bottomPauseMs}
                : new long[] {eccentricMs, bottomPauseMs, concentricMs, peakHoldMs};
    }
}
