package io.tempostream.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A simulated rep's phases in the order the athlete performs them. */
class RepTruthTest {
    @Test
    void aPullGoesConcentricFirstAndASquatEccentricFirst() {
        RepTruth row = new RepTruth("a", "d", "dumbbell-row", true, 1, 1, 1_000, 3_000, 1_000, 2_500, 500, 0);
        RepTruth squat = new RepTruth("a", "d", "squat", false, 1, 1, 1_000, 3_000, 1_000, 2_500, 500, 0);

        assertArrayEquals(new long[] {3_000, 1_000, 2_500, 500}, row.phaseLengthsInOrderMs());
        assertArrayEquals(new long[] {2_500, 500, 3_000, 1_000}, squat.phaseLengthsInOrderMs());
        assertEquals(squat.concentricStartMs(), squat.startMs() + squat.phaseLengthsInOrderMs()[0] + squat.phaseLengthsInOrderMs()[1]);
    }
}
