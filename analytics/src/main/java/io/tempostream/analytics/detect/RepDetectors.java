package io.tempostream.analytics.detect;

import io.tempostream.ingest.Placement;
import java.util.Optional;

/** The engine for a sensor placement: the job, {@code analyze} and {@code evaluate} all ask here. */
public final class RepDetectors {
    private RepDetectors() {
    }

    public static RepDetector forPlacement(Placement placement, String athleteId, String deviceId) {
        return forPlacement(placement, Optional.empty(), athleteId, deviceId);
    }

    /**
     * With a hint, a wrist sensor follows only the signal that exercise moves; without one, both
     * detectors watch and the first convincing one owns each set. A back sensor always follows
     * rotation (scapular retraction, torso lean), which every target exercise moves; a hint tells
     * it which phase comes first.
     */
    public static RepDetector forPlacement(Placement placement, Optional<ExerciseHint> hint, String athleteId,
            String deviceId) {
        if (placement == Placement.BACK) {
            return new RotationRepDetector(athleteId, deviceId, RotationThresholds.BACK,
                    hint.map(ExerciseHint::concentricFirst).orElse(true));
        }
        return hint.map(h -> new WristRepDetector(athleteId, deviceId, h.wristSignal(), h.farEndDirection()))
                .orElseGet(() -> new WristRepDetector(athleteId, deviceId));
    }
}
