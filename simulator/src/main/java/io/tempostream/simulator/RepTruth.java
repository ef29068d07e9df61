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

    public long concentricStartMs() {
        return concentricFirst ? startMs : startMs + eccentricMs + bottomPauseMs;
    }

    public long concentricEndMs() {
        return concentricStartMs() + concentricMs;
    }
}
