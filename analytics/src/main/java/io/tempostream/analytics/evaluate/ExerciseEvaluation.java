package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The evaluate command's table of simulated exercises: every model, wrist and back, with and without the athlete's selection. */
final class ExerciseEvaluation {
    /** A brisk tempo, the prescribed 3-1-3 of the row programme, and pause reps (a 2 s squeeze at the top). */
    static final String[] EXERCISE_TEMPOS = {"2-1-2-0", "3-1-3-0", "2-2-2-0"};
    /** Slow reps that stop for 2 s at the bottom (a dead stop between rows): scored on their own. */
    static final String[] PAUSED_AT_THE_BOTTOM_TEMPOS = {"3-1-3-2"};
    /** Sample rates of the target: a wrist band's 50 Hz and a dev board's 100 Hz. */
    static final int[] RATES_HZ = {50, 100};

    private ExerciseEvaluation() {
    }

    /** Exact sets and phase error over the cells whose placement can see the exercise. */
    record Summary(int sets, int exactSets, double phaseMaeMs) {
    }

    /** The observable cells' totals, without and with the athlete's selection. */
    record Totals(Summary unselected, Summary selected) {
    }

    /**
     * Every exercise model of the simulator, wrist and upper back, 50 and 100 Hz, one set each per
     * seed: exact counts, and the phase-duration error over the reps of the sets counted exactly.
     */
    static Totals run(int seeds, PrintStream out) {
        out.println("\n## Simulated exercises (kinematic models, 50 and 100 Hz, 8 reps, random strap rotation)\n");
        out.println("Phase MAE: mean absolute error of the four phase durations over the reps of exactly counted sets."
                + " \"selected\": the athlete selects the exercise on the exercise topic 4 s before the set, and the"
                + " detector follows it from then on, as the live job does.");
        Totals totals = tempos(EXERCISE_TEMPOS, seeds, out);
        out.println("\n## Simulated exercises paused 2 s at the bottom (the same models, 50 and 100 Hz, 8 reps)");
        tempos(PAUSED_AT_THE_BOTTOM_TEMPOS, seeds, out);
        return totals;
    }

    /** The table of every exercise for each rate and tempo, and the totals over them. */
    private static Totals tempos(String[] tempos, int seeds, PrintStream out) {
        PhaseScore[] totals = {new PhaseScore(), new PhaseScore(), new PhaseScore(), new PhaseScore()};
        for (int rateHz : RATES_HZ) {
            for (String tempo : tempos) {
                evaluateExercises(rateHz, tempo, seeds, out, totals);
            }
        }
        out.printf(Locale.ROOT, "%nAll cells where the placement can see the exercise (not: scapular squeezes and seated cable"
                + " rows from the wrist, bench from the back):%n%n"
                + "- no selection: %s%n- with the athlete's selection: %s%n"
                + "%nEvery cell, those included: no selection %s; selected %s.%n",
                totals[0].summary(), totals[1].summary(), totals[2].summary(), totals[3].summary());
        return new Totals(totals[0].asSummary(), totals[1].asSummary());
    }

    /** Exercises a sensor there does not see: the squeeze barely moves the hand, a cable row moves it level, bench barely turns the back. */
    static boolean observable(Exercise exercise, Placement placement) {
        return placement == Placement.WRIST
                ? exercise != Exercise.SCAPULAR_SQUEEZE && exercise != Exercise.SEATED_CABLE_ROW
                : exercise != Exercise.BENCH;
    }

    private static void evaluateExercises(int rateHz, String tempo, int seeds, PrintStream out, PhaseScore[] totals) {
        out.println("\n### " + rateHz + " Hz, tempo " + tempo + "\n");
        out.println("| exercise | wrist: exact sets | phase MAE (ms) | wrist, selected: exact sets | phase MAE (ms)"
                + " | back: exact sets | phase MAE (ms) | back, selected: exact sets | phase MAE (ms) |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Exercise exercise : Exercise.values()) {
            PhaseScore wrist = new PhaseScore();
            PhaseScore wristSelected = new PhaseScore();
            PhaseScore back = new PhaseScore();
            PhaseScore backSelected = new PhaseScore();
            for (int seed = 0; seed < seeds; seed++) {
                wrist.add(exercise, rateHz, tempo, Placement.WRIST, false, seed);
                wristSelected.add(exercise, rateHz, tempo, Placement.WRIST, true, seed);
                back.add(exercise, rateHz, tempo, Placement.BACK, false, seed);
                backSelected.add(exercise, rateHz, tempo, Placement.BACK, true, seed);
            }
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", exercise.scriptName(), wrist.cells(seeds),
                    wristSelected.cells(seeds), back.cells(seeds), backSelected.cells(seeds));
            boolean wristSees = observable(exercise, Placement.WRIST);
            boolean backSees = observable(exercise, Placement.BACK);
            for (int k = 0; k < 2; k++) {
                PhaseScore w = k == 0 ? wrist : wristSelected;
                PhaseScore b = k == 0 ? back : backSelected;
                totals[2 + k].plus(w).plus(b);
                if (wristSees) {
                    totals[k].plus(w);
                }
                if (backSees) {
                    totals[k].plus(b);
                }
            }
        }
    }

    /** Exact sets and phase errors of one exercise and placement, accumulated over seeds. */
    private static final class PhaseScore {
        int sets;
        int exactSets;
        double errorMs;
        long phases;

        PhaseScore plus(PhaseScore other) {
            sets += other.sets;
            exactSets += other.exactSets;
            errorMs += other.errorMs;
            phases += other.phases;
            return this;
        }

        Summary asSummary() {
            return new Summary(sets, exactSets, errorMs / Math.max(1, phases));
        }

        String summary() {
            return String.format(Locale.ROOT, "exact count on %d of %d sets (%.1f %%), phase MAE %.0f ms", exactSets, sets,
                    100.0 * exactSets / Math.max(1, sets), errorMs / Math.max(1, phases));
        }

        /**
         * @param selected the athlete selects the exercise on the exercise topic 4 s before the set,
         *     and the detector follows it from then on, as in the job
         */
        void add(Exercise exercise, int rateHz, String tempo, Placement placement, boolean selected, int seed) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("sim", "s", placement, rateHz, 10,
                    5_000, List.of(SetScript.of(exercise, 8, tempo, 10_000))), 1_764_000_000_000L, seed);
            RepDetector detector = RepDetectors.forPlacement(placement, "sim", "s");
            if (selected) {
                device.selections().forEach(detector::select);
            }
            List<Rep> reps = detector.detectAll(device.toRecording());
            sets++;
            if (reps.size() != device.reps().size()) {
                return;
            }
            for (int i = 0; i < reps.size(); i++) {
                if (reps.get(i).isometric() != device.reps().get(i).peakHoldMs() >= Rep.ISOMETRIC_HOLD_MS) {
                    return; // a hold counted as a rep, or the other way round
                }
            }
            exactSets++;
            for (int i = 0; i < reps.size(); i++) {
                for (long e : PhaseErrors.of(reps.get(i), device.reps().get(i))) {
                    errorMs += e;
                    phases++;
                }
            }
        }

        String cells(int seeds) {
            return exactSets + " of " + seeds + " | " + (phases == 0 ? "–" : String.format(Locale.ROOT, "%.0f", errorMs / phases));
        }
    }
}
