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
     * With a hint, a wrist sensor's sets are owned only by the detector of the signal that
     * exercise moves; without one, the first convincing one owns each set. A back sensor always
     * follows rotation (scapular retraction, torso lean), which every target exercise moves; a hint
     * tells it which phase comes first. The hint holds from the start; {@link RepDetector#select}
     * changes it from a later time, as the exercise topic does.
     */
    public static RepDetector forPlacement(Placement placement, Optional<ExerciseHint> hint, String athleteId,
            String deviceId) {
        return new RestartingDetector(placement, hint.orElse(null), athleteId, deviceId);
    }
}
