package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.training.AnalysedRep;
import io.tempostream.analytics.training.TrainingRecord;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.SetScript;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The evaluate command's form-flag table: each flag on simulated sets performed with the fault
 * and the same sets performed cleanly, wrist and upper back, 50 and 100 Hz, through the engine
 * and the training analytics. A good flag is raised on (nearly) every faulty rep and no clean one.
 */
final class FormFlagEvaluation {
    private static final double[] RATES = {50, 100};
    private static final Exercise[] WRIST = {Exercise.DUMBBELL_ROW, Exercise.FACE_PULL, Exercise.PRONE_Y_RAISE};
    private static final Exercise[] BACK = {Exercise.DUMBBELL_ROW, Exercise.SEATED_CABLE_ROW, Exercise.FACE_PULL,
        Exercise.PRONE_Y_RAISE};

    /**
     * One fault: how the set is performed with it and without it, the athlete's prescription, and
     * which reps of the faulty set should be flagged (the simulator's last rep never bounces).
     */
    private record Fault(String name, String tempo, String cleanTempo, String prescribed, int partialFrom, boolean bounce,
            double swingDeg, Predicate<AnalysedRep> flagged, Predicate<AnalysedRep> shouldBe) {
    }

    private static final List<Fault> FAULTS = List.of(
            new Fault("swing (momentum)", "2-1-2-0", "2-1-2-0", "2-1-2-0", 0, false, 8, r -> r.flags().swing(), r -> true),
            new Fault("swing at 1-0-1-0", "1-0-1-0", "1-0-1-0", "1-0-1-0", 0, false, 8, r -> r.flags().swing(), r -> true),
            new Fault("bounce", "2-1-2-0", "2-1-2-0", "2-1-2-0", 0, true, 0, r -> r.flags().bounce(), r -> r.rep().rep() < 8),
            new Fault("bounce at 1-0-1-0", "1-0-1-0", "1-0-1-0", "1-0-1-0", 0, true, 0, r -> r.flags().bounce(),
                    r -> r.rep().rep() < 8),
            new Fault("partial rep (half range from rep 6)", "2-1-2-0", "2-1-2-0", "2-1-2-0", 6, false, 0,
                    r -> r.flags().partial(), r -> r.rep().rep() >= 6),
            new Fault("rushed eccentric (1 s of a prescribed 3 s)", "3-1-1-0", "3-1-3-0", "3-1-3-0", 0, false, 0,
                    r -> r.flags().rushedEccentric(), r -> true),
            new Fault("squeeze not held (0 s of a prescribed 2 s)", "2-0-2-0", "2-2-2-0", "2-2-2-0", 0, false, 0,
                    r -> Boolean.FALSE.equals(r.compliance().squeezeHeld()), r -> true));

    private FormFlagEvaluation() {
    }

    static void run(int seeds, PrintStream out) {
        out.println("\n## Form flags (simulated sets of 8 reps, 50 and 100 Hz, " + seeds + " seeds each)\n");
        out.println("Each fault performed, then the same sets performed cleanly. \"Faulty reps flagged\" counts the");
        out.println("reps that carry the fault (partial: reps 6–8; bounce: all but the last); \"clean reps flagged\"");
        out.println("counts false alarms. Sets whose reps were not all found are left out, and counted.\n");
        out.println("| fault | sensor | faulty reps flagged | clean reps flagged | sets left out |");
        out.println("| --- | --- | ---: | ---: | ---: |");
        for (Fault fault : FAULTS) {
            for (Placement placement : Placement.values()) {
                int[] faulty = new int[2];
                int[] clean = new int[2];
                int[] leftOut = new int[1];
                for (Exercise exercise : placement == Placement.WRIST ? WRIST : BACK) {
                    if (fault.partialFrom() > 0 && placement == Placement.BACK && exercise != Exercise.FACE_PULL) {
                        continue; // half a 6–8° retraction is under the back detector's smallest phase (4°)
                    }
                    for (double rate : RATES) {
                        for (int seed = 0; seed < seeds; seed++) {
                            count(placement, rate, seed, exercise, fault, fault.tempo(), true, faulty, leftOut);
                            count(placement, rate, seed, exercise, fault, fault.cleanTempo(), false, clean, leftOut);
                        }
                    }
                }
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d |%n", fault.name(), placement.wireName(),
                        share(faulty), share(clean), leftOut[0]);
            }
        }
        out.println("\nPartial reps from the upper back are measured on face pulls only: half of a row's or a");
        out.println("Y-raise's 6–8° of scapular retraction is under the back detector's smallest phase (4°).");
    }

    private static void count(Placement placement, double rate, int seed, Exercise exercise, Fault fault, String tempo,
            boolean faulty, int[] tally, int[] leftOut) {
        SetScript set = new SetScript(exercise, 8, TempoPrescription.parse(tempo), 20_000, 0,
                faulty ? fault.partialFrom() : 0, faulty && fault.bounce(), faulty ? fault.swingDeg() : 0);
        List<TrainingRecord> records = AnalysedSimulation.analyse(placement, rate, seed, fault.prescribed(), List.of(set));
        List<AnalysedRep> reps = records.stream().filter(r -> r instanceof AnalysedRep a && !a.rep().isometric())
                .map(r -> (AnalysedRep) r).toList();
        if (reps.size() != 8) {
            leftOut[0]++;
            return;
        }
        for (AnalysedRep rep : reps) {
            if (!faulty || fault.shouldBe().test(rep)) {
                tally[1]++;
                tally[0] += fault.flagged().test(rep) ? 1 : 0;
            }
        }
    }

    private static String share(int[] tally) {
        return String.format(Locale.ROOT, "%d of %d (%.0f %%)", tally[0], tally[1], tally[1] == 0 ? 0 : 100.0 * tally[0] / tally[1]);
    }
}
