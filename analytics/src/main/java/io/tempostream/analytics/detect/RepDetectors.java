package io.tempostream.analytics.detect;

import io.tempostream.ingest.Placement;

/** The engine for a sensor placement: the job, {@code analyze} and {@code evaluate} all ask here. */
public final class RepDetectors {
    private RepDetectors() {
    }

    public static RepDetector forPlacement(Placement placement, String athleteId, String deviceId) {
        return switch (placement) {
            case WRIST -> new WristRepDetector(athleteId, deviceId);
            case BACK -> new RotationRepDetector(athleteId, deviceId, RotationThresholds.BACK);
        };
    }
}
