package io.tempostream.simulator;

/**
 * Ground truth of one simulated rep: phase boundaries in epoch ms, in the order performed
 * (concentric, peak hold, eccentric, bottom pause).
 */
public record RepTruth(
        String athleteId,
        String deviceId,
        int set,
        int rep,
        long startMs,
        long concentricEndMs,
        long peakHoldEndMs,
        long eccentricEndMs,
        long endMs,
        double romDeg) {

    public long concentricMs() {
        return concentricEndMs - startMs;
    }

    public long peakHoldMs() {
        return peakHoldEndMs - concentricEndMs;
    }

    public long eccentricMs() {
        return eccentricEndMs - peakHoldEndMs;
    }

    public long bottomPauseMs() {
        return endMs - eccentricEndMs;
    }
}
