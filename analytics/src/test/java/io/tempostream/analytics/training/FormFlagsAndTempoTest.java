package io.tempostream.analytics.training;

import static io.tempostream.analytics.training.SimulatedSets.analyse;
import static io.tempostream.analytics.training.SimulatedSets.reps;
import static io.tempostream.analytics.training.SimulatedSets.set;
import static io.tempostream.analytics.training.SimulatedSets.sets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each form flag and tempo measure on simulated sets through the real detector: a set performed
 * with the fault must raise it on (nearly) every rep, the same set performed cleanly on none.
 * Wrist and upper back, 50 and 100 Hz, three seeds of 8 reps each.
 */
class FormFlagsAndTempoTest {
    private static final long[] SEEDS = {0, 1, 2};

    private static List<AnalysedRep> performed(Placement placement, double rateHz, Exercise exercise, String tempo,
            String prescribed, double fatigue, int partialFrom, boolean bounce, double swingDeg) {
        java.util.List<AnalysedRep> all = new java.util.ArrayList<>();
        for (long seed : SEEDS) {
            List<TrainingRecord> out = analyse(placement, rateHz, seed, prescribed,
                    List.of(set(exercise, 8, tempo, fatigue, partialFrom, bounce, swingDeg)));
            assertEquals(8, reps(out).size(), "reps of seed " + seed);
            all.addAll(reps(out));
        }
        return all;
    }

    private static long count(List<AnalysedRep> reps, Predicate<AnalysedRep> flagged) {
        return reps.stream().filter(flagged).count();
    }

    @ParameterizedTest(name = "{0} {1} Hz {2}")
    @CsvSource({"WRIST, 50, DUMBBELL_ROW", "WRIST, 100, FACE_PULL", "BACK, 50, DUMBBELL_ROW", "BACK, 100, PRONE_Y_RAISE"})
    void momentumAtTheStartOfThePullIsASwing(Placement placement, double rateHz, Exercise exercise) {
        List<AnalysedRep> swung = performed(placement, rateHz, exercise, "2-1-2-0", "2-1-2-0", 0, 0, false, 8);
        List<AnalysedRep> strict = performed(placement, rateHz, exercise, "2-1-2-0", "2-1-2-0", 0, 0, false, 0);
        assertTrue(count(swung, r -> r.flags().swing()) >= 0.8 * swung.size(), "swings flagged: " + count(swung, r -> r.flags().swing()));
        assertEquals(0, count(strict, r -> r.flags().swing()), "strict reps flagged as swings");
    }

    /** The simulator's last rep of a set never bounces (there is no next rep to bounce into). */
    @ParameterizedTest(name = "{0} {1} Hz {2}")
    @CsvSource({"WRIST, 50, DUMBBELL_ROW", "WRIST, 100, PRONE_Y_RAISE", "BACK, 50, FACE_PULL", "BACK, 100, DUMBBELL_ROW"})
    void anUncontrolledEndOfTheEccentricIsABounce(Placement placement, double rateHz, Exercise exercise) {
        List<AnalysedRep> bounced = performed(placement, rateHz, exercise, "2-1-2-0", "2-1-2-0", 0, 0, true, 0);
        List<AnalysedRep> controlled = performed(placement, rateHz, exercise, "2-1-2-0", "2-1-2-0", 0, 0, false, 0);
        List<AnalysedRep> beforeLast = bounced.stream().filter(r -> r.rep().rep() < 8).toList();
        assertTrue(count(beforeLast, r -> r.flags().bounce()) >= 0.8 * beforeLast.size(),
                "bounces flagged: " + count(beforeLast, r -> r.flags().bounce()) + " of " + beforeLast.size());
        assertEquals(0, count(controlled, r -> r.flags().bounce()), "controlled reps flagged as bounces");
    }

    /** Half-range reps from rep 6: the wrist's travel (rows) and rotation (face pulls) both show it. */
    @ParameterizedTest(name = "{0} {1} Hz {2}")
    @CsvSource({"WRIST, 50, DUMBBELL_ROW", "WRIST, 100, FACE_PULL", "BACK, 100, FACE_PULL"})
    void aRepShortOfTheSetsRangeIsPartial(Placement placement, double rateHz, Exercise exercise) {
        List<AnalysedRep> partial = performed(placement, rateHz, exercise, "2-1-2-0", "2-1-2-0", 0, 6, false, 0);
        List<AnalysedRep> full = performed(placement, rateHz, exercise, "2-1-2-0", "2-1-2-0", 0, 0, false, 0);
        assertEquals(count(partial, r -> r.rep().rep() >= 6), count(partial, r -> r.flags().partial()),
                "reps 6-8 flagged partial, no others");
        assertTrue(partial.stream().filter(r -> r.flags().partial()).allMatch(r -> r.rep().rep() >= 6));
        assertEquals(0, count(full, r -> r.flags().partial()), "full reps flagged partial");
        // The set's range trend: its last two reps against its first two.
        for (long seed : SEEDS) {
            SetAnalysis shrinking = sets(analyse(placement, rateHz, seed, "2-1-2-0",
                    List.of(set(exercise, 8, "2-1-2-0", 0, 6, false, 0)))).get(0);
            SetAnalysis steady = sets(analyse(placement, rateHz, seed, "2-1-2-0",
                    List.of(set(exercise, 8, "2-1-2-0", 0, 0, false, 0)))).get(0);
            assertTrue(shrinking.rangeChangePct() <= -30, "range change " + shrinking.rangeChangePct());
            assertTrue(Math.abs(steady.rangeChangePct()) < 12, "range change of full reps " + steady.rangeChangePct());
            assertEquals(3, shrinking.partials());
        }
    }

    @ParameterizedTest(name = "{0} {1} Hz {2}")
    @CsvSource({"WRIST, 50, DUMBBELL_ROW", "BACK, 100, FACE_PULL"})
    void aOneSecondEccentricPrescribedThreeIsRushed(Placement placement, double rateHz, Exercise exercise) {
        List<AnalysedRep> rushed = performed(placement, rateHz, exercise, "3-1-1-0", "3-1-3-0", 0, 0, false, 0);
        List<AnalysedRep> onTempo = performed(placement, rateHz, exercise, "3-1-3-0", "3-1-3-0", 0, 0, false, 0);
        assertEquals(rushed.size(), count(rushed, r -> r.flags().rushedEccentric()), "rushed eccentrics flagged");
        assertEquals(0, count(onTempo, r -> r.flags().rushedEccentric()), "3 s eccentrics flagged as rushed");
    }

    @ParameterizedTest(name = "{0} {1} Hz {2}")
    @CsvSource({"WRIST, 50, DUMBBELL_ROW", "WRIST, 100, PRONE_Y_RAISE", "BACK, 50, DUMBBELL_ROW"})
    void tempoComplianceScoresThePrescribedTempoAndMarksTheRest(Placement placement, double rateHz, Exercise exercise) {
        List<AnalysedRep> onTempo = performed(placement, rateHz, exercise, "3-1-3-0", "3-1-3-0", 0, 0, false, 0);
        List<AnalysedRep> hurried = performed(placement, rateHz, exercise, "1.5-0-1.5-0", "3-1-3-0", 0, 0, false, 0);
        assertTrue(onTempo.stream().allMatch(r -> r.compliance().onTempo()), "reps off tempo at the prescribed tempo");
        assertTrue(onTempo.stream().mapToDouble(r -> r.compliance().score()).average().orElse(0) >= 85);
        assertTrue(hurried.stream().noneMatch(r -> r.compliance().onTempo()), "hurried reps on tempo");
        assertTrue(hurried.stream().mapToDouble(r -> r.compliance().score()).average().orElse(100) <= 60);
        // 1.5 s where 3 s is prescribed: −1.5 s each way, within the detector's timing error.
        double meanConcentricDeviation = hurried.stream().mapToDouble(r -> r.compliance().concentricDeviationS())
                .average().orElse(0);
        assertEquals(-1.5, meanConcentricDeviation, 0.25);
    }

    /** Pause reps: a 2 s squeeze at peak contraction is held; one skipped is not. */
    @ParameterizedTest(name = "{0} {1} Hz {2}")
    @CsvSource({"WRIST, 50, DUMBBELL_ROW", "WRIST, 100, FACE_PULL", "BACK, 50, DUMBBELL_ROW"})
    void aPauseRepsSqueezeIsHeldOrNot(Placement placement, double rateHz, Exercise exercise) {
        List<AnalysedRep> paused = performed(placement, rateHz, exercise, "2-2-2-0", "2-2-2-0", 0, 0, false, 0);
        List<AnalysedRep> skipped = performed(placement, rateHz, exercise, "2-0-2-0", "2-2-2-0", 0, 0, false, 0);
        assertTrue(count(paused, r -> r.compliance().squeezeHeld()) >= 0.9 * paused.size(),
                "squeezes held: " + count(paused, r -> r.compliance().squeezeHeld()));
        assertEquals(0, count(skipped, r -> r.compliance().squeezeHeld()), "skipped squeezes counted as held");
    }

    /**
     * Fatigue: the concentric 40 % slower by the last rep (the simulator's fatigue) shows as
     * concentric slowing and velocity loss; a fresh set shows neither.
     */
    @ParameterizedTest(name = "{0} {1} Hz {2}")
    @CsvSource({"WRIST, 50, DUMBBELL_ROW", "WRIST, 100, FACE_PULL", "BACK, 50, PRONE_Y_RAISE", "BACK, 100, DUMBBELL_ROW"})
    void aSlowingSetShowsFatigueAndAFreshOneDoesNot(Placement placement, double rateHz, Exercise exercise) {
        for (long seed : SEEDS) {
            SetAnalysis tired = sets(analyse(placement, rateHz, seed, "2-1-2-0",
                    List.of(set(exercise, 8, "2-1-2-0", 0.4, 0, false, 0)))).get(0);
            SetAnalysis fresh = sets(analyse(placement, rateHz, seed, "2-1-2-0",
                    List.of(set(exercise, 8, "2-1-2-0", 0, 0, false, 0)))).get(0);
            assertTrue(tired.concentricSlowingPct() >= 20, "slowing of a tiring set " + tired.concentricSlowingPct());
            assertTrue(tired.velocityLossPct() >= 18, "velocity loss of a tiring set " + tired.velocityLossPct());
            assertTrue(Math.abs(fresh.concentricSlowingPct()) < 12, "slowing of a fresh set " + fresh.concentricSlowingPct());
            assertTrue(fresh.velocityLossPct() < 16, "velocity loss of a fresh set " + fresh.velocityLossPct());
            // Rep-to-rep consistency: the tiring set's reps grow longer, the fresh one's vary by the 5 % jitter.
            assertTrue(tired.consistencyCvPct() > fresh.consistencyCvPct(),
                    "variation " + tired.consistencyCvPct() + " vs " + fresh.consistencyCvPct());
            assertTrue(fresh.consistencyCvPct() < 5, "fresh set's variation " + fresh.consistencyCvPct());
        }
    }
}
