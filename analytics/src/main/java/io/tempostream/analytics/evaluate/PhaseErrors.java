package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.simulator.RepTruth;

/** How far a detected rep's four phase durations are from the truth: absolute errors in ms. */
final class PhaseErrors {
    private PhaseErrors() {
    }

    /** Concentric, peak hold, eccentric and bottom pause, in that order. */
    static long[] of(Rep detected, RepTruth truth) {
        return new long[] {Math.abs(detected.concentricMs() - truth.concentricMs()),
            Math.abs(detected.peakHoldMs() - truth.peakHoldMs()), Math.abs(detected.eccentricMs() - truth.eccentricMs()),
            Math.abs(detected.bottomPauseMs() - truth.bottomPauseMs())};
    }
}
