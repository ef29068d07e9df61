package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.simulator.RepTruth;

/** How far a detected rep's four phase durations are from the truth, in ms. */
final class PhaseErrors {
    private PhaseErrors() {
    }

    /** Absolute errors: concentric, peak hold, eccentric and bottom pause, in that order. */
    static long[] of(Rep detected, RepTruth truth) {
        long[] errors = signed(detected, truth);
        for (int k = 0; k < errors.length; k++) {
            errors[k] = Math.abs(errors[k]);
        }
        return errors;
    }

    /** Detected minus true, in the same order: positive when the engine makes a phase too long. */
    static long[] signed(Rep detected, RepTruth truth) {
        return new long[] {detected.concentricMs() - truth.concentricMs(), detected.peakHoldMs() - truth.peakHoldMs(),
            detected.eccentricMs() - truth.eccentricMs(), detected.bottomPauseMs() - truth.bottomPauseMs()};
    }
}
