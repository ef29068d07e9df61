package io.tempostream.analytics.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.detect.Rep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A provisional rep (its bottom pause not yet known) is analysed and passed on for live feedback,
 * but only its final self counts: the set's figures are those of the final reps alone.
 */
class ProvisionalRepAnalysisTest {
    private static final long T0 = 1_764_000_000_000L;
    private static final AthleteProfile PROFILE = AthleteProfiles.none().forAthlete("a");

    private static List<Rep> finals() {
        List<Rep> reps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long start = T0 + i * 7_500L;
            long pause = 500;
            reps.add(new Rep("a", "back", 1, i + 1, start, start + 7_000 + pause, 3_000 - 50L * i, 1_000, 3_000, pause,
                    60 - i, 0, 80 - 3 * i, 3.1, 3.2, ""));
        }
        return reps;
    }

    private static Rep provisionalOf(Rep f) {
        return new Rep(f.athleteId(), f.deviceId(), f.set(), f.rep(), f.startMs(), f.endMs() - f.bottomPauseMs(),
                f.concentricMs(), f.peakHoldMs(), f.eccentricMs(), 0, f.romDeg(), f.travelM(), f.peakVelocity(),
                f.concentricJolt(), f.eccentricJolt(), "", true);
    }

    @Test
    void aSetsFiguresAreThoseOfItsFinalRepsAlone() {
        List<TrainingRecord> finalsOnly = new ArrayList<>();
        AthleteTraining plain = new AthleteTraining();
        finals().forEach(r -> plain.accept(r, PROFILE, finalsOnly::add));

        List<TrainingRecord> withProvisional = new ArrayList<>();
        AthleteTraining live = new AthleteTraining();
        for (Rep f : finals()) {
            live.accept(provisionalOf(f), PROFILE, withProvisional::add);
            live.accept(f, PROFILE, withProvisional::add);
        }

        List<AnalysedRep> shown = SimulatedSets.reps(withProvisional);
        assertEquals(12, shown.size(), "each rep shown twice: provisional, then final");
        for (int i = 0; i < 6; i++) {
            assertTrue(shown.get(2 * i).rep().provisional(), "rep " + (i + 1) + " first provisional");
            assertFalse(shown.get(2 * i + 1).rep().provisional(), "then final");
            assertEquals(shown.get(2 * i).rep().startMs(), shown.get(2 * i + 1).rep().startMs());
        }
        assertEquals(SimulatedSets.reps(finalsOnly), shown.stream().filter(a -> !a.rep().provisional()).toList(),
                "the final reps' analysis is that of a run without provisional reps");
        assertEquals(SimulatedSets.sets(finalsOnly), SimulatedSets.sets(withProvisional));
        assertEquals(6, SimulatedSets.sets(withProvisional).get(0).reps());
    }

    @Test
    void aProvisionalRepThatComesAfterItsFinalIsDropped() {
        List<TrainingRecord> out = new ArrayList<>();
        AthleteTraining athlete = new AthleteTraining();
        Rep first = finals().get(0);
        athlete.accept(first, PROFILE, out::add);
        int before = out.size();
        athlete.accept(provisionalOf(first), PROFILE, out::add);
        assertEquals(before, out.size(), "nothing for a rep whose final has been analysed: " + out.subList(before, out.size()));
    }
}
