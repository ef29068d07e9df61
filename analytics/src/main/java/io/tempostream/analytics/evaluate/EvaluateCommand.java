package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.ExerciseHint;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.analytics.detect.WristRepDetector;
import io.tempostream.ingest.recording.MetaWearCsv;
import io.tempostream.ingest.recording.Recording;
import io.tempostream.ingest.recording.RecordingFormatException;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.config.Flags;
import io.tempostream.simulator.DeviceSession;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SetPlan;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WristRowSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tempostream evaluate}: runs the engine over recordings with ground truth and prints
 * per-set results and a summary, as Markdown for docs/accuracy.md.
 */
public final class EvaluateCommand {
    public static final String USAGE = """
            Usage: tempostream evaluate [--manifest FILE] [--simulated-seeds N]
              Measures rep-count and phase accuracy against ground truth:
              real MetaWear sets (manifest.csv: exercise and true count) and simulated rows.

              --manifest FILE        default ../shared/data/metawear-barbell/manifest.csv beside the project
                                     (its visible-reps.csv, if there, gives the reps each recording holds)
              --simulated-seeds N    simulated sets per rate and tempo (default 10)
            """;
    static final String[] SIM_TEMPOS = {"3-1-3-0", "2-1-2-1", "1-0-1-0", "3-2-3-0.5", "2-0-2-0"};
    static final double[] SIM_RATES = {50, 100};

    private EvaluateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Flags flags = Flags.parse(args, Set.of("manifest", "simulated-seeds"), Set.of());
            Path manifest = flags.get("manifest").map(Path::of)
                    .orElseGet(() -> SharedData.metawearManifest(SharedData.projectHome()));
            int seeds = flags.getInt("simulated-seeds", 10, 1, 1000);
            out.println("# Rep detection accuracy\n");
            out.println("Command: `./tempostream evaluate" + (args.length > 0 ? " " + String.join(" ", args) : "") + "`\n");
            if (Files.exists(manifest)) {
                List<ManifestSet> sets = ManifestSet.read(manifest);
                evaluateRecordings(sets, out);
                LiveFeedback.runRecordings(sets, out);
            } else {
                out.println("Real recordings: skipped, no manifest at " + manifest.toAbsolutePath().normalize()
                        + " (the MetaWear data set lives in ../shared beside the project's checkout; --manifest names"
                        + " another)\n");
            }
            evaluateSimulated(seeds, out);
            ExerciseEvaluation.run(seeds, out);
            evaluateHolds(seeds, out);
            FormFlagEvaluation.run(seeds, out);
            SpeedCurveEvaluation.run(seeds, out);
            ReportLatency.run(seeds, out);
            LiveFeedback.runSimulated(seeds, out);
            SessionFeedback.run(seeds, out);
            SessionFeedback.runOtherSensors(seeds, out);
            LivePhaseAgreement.run(seeds, out);
            ExerciseChanges.run(seeds, out);
            SwitchedOnLate.run(seeds, out);
            LostMessages.run(seeds, out);
            SlowSets.run(seeds, out);
            OtherTempos.run(seeds, out);
            FastSets.run(seeds, out);
            return 0;
        } catch (IllegalArgumentException | RecordingFormatException | IOException e) {
            err.println("tempostream evaluate: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Counts over the counted sets, scored against the reps their data hold: exact without and
     * with the manifest's exercise as a hint, and within one rep; exact against the protocol's count
     * beside it; and rest recordings that stayed at zero reps (rest is never hinted).
     */
    public record RecordingScore(int counted, int exact, int exactWithHint, int withinOne, int exactProtocol,
            int exactProtocolWithHint, int rest, int restWithoutReps, int restRepsWhenHinted) {
    }

    public static RecordingScore evaluateRecordings(List<ManifestSet> sets, PrintStream out)
            throws IOException, RecordingFormatException {
        out.println("## Real wrist recordings (MetaWear, accelerometer 12.5 Hz, gyroscope 25 Hz)\n");
        out.println("\"in data\" is the number of complete reps the recording holds: the protocol's count, or fewer where"
                + " the recording started late, stopped early or lost samples (visible-reps.csv, counted by eye);"
                + " \"exact\" is scored against it. \"hinted\" runs the same recording with the manifest's exercise as"
                + " `--exercise`; \"length\" is first to last sample.\n");
        out.println("| set | exercise | length (s) | protocol reps | in data | detected, no hint | exact | detected, hinted | exact |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: | :---: | ---: | :---: |");
        int counted = 0;
        int exact = 0;
        int exactHinted = 0;
        int withinOne = 0;
        int exactProtocol = 0;
        int exactProtocolHinted = 0;
        int rest = 0;
        int restClean = 0;
        int absError = 0;
        int restRepsHinted = 0;
        for (ManifestSet set : sets) {
            Recording recording = MetaWearCsv.read(set.accelerometer(), set.gyroscope());
            List<Rep> found = new WristRepDetector(set.participant(), "metawear").detectAll(recording);
            int detected = repCount(found);
            Optional<ExerciseHint> hint = ExerciseHint.fromCliName(set.exercise());
            int hinted = hint.isPresent()
                    ? repCount(RepDetectors.forPlacement(Placement.WRIST, hint, set.participant(), "metawear").detectAll(recording))
                    : detected;
            String hintedCell = hint.isPresent() ? Integer.toString(hinted) : "–";
            long[] t = recording.timestampsMs();
            double lengthS = t.length == 0 ? 0 : (t[t.length - 1] - t[0]) / 1000.0;
            if (set.repsInData().isEmpty()) {
                out.printf(Locale.ROOT, "| %s | %s (%s) | %.1f | unknown | unknown | %d | | %s | |%n", set.setId(),
                        set.exercise(), set.category(), lengthS, detected, hintedCell);
                continue;
            }
            int inData = set.repsInData().getAsInt();
            int protocol = set.protocolReps().orElse(inData);
            boolean ok = detected == inData;
            boolean hintedOk = hinted == inData;
            if ("rest".equals(set.exercise())) {
                rest++;
                restClean += found.isEmpty() ? 1 : 0; // no rep and no hold either
                // Resting while the app still names the last exercise: no hint may conjure reps.
                for (ExerciseHint anyHint : ExerciseHint.values()) {
                    restRepsHinted += RepDetectors.forPlacement(Placement.WRIST, Optional.of(anyHint), set.participant(),
                            "metawear").detectAll(recording).size();
                }
            } else {
                counted++;
                exact += ok ? 1 : 0;
                exactHinted += hintedOk ? 1 : 0;
                withinOne += Math.abs(detected - inData) <= 1 ? 1 : 0;
                exactProtocol += detected == protocol ? 1 : 0;
                exactProtocolHinted += hinted == protocol ? 1 : 0;
                absError += Math.abs(detected - inData);
            }
            out.printf(Locale.ROOT, "| %s | %s | %.1f | %d | %s | %d | %s | %s | %s |%n", set.setId(), set.exercise(), lengthS,
                    protocol, inData == protocol ? Integer.toString(inData) : "**" + inData + "**", detected, ok ? "✓" : "✗",
                    hintedCell, hint.isEmpty() ? "" : hintedOk ? "✓" : "✗");
        }
        out.printf(Locale.ROOT, "%nAgainst the reps in the data, no hint: exact count on %d of %d counted sets (%.1f %%),"
                + " within one rep on %d of %d, mean absolute count error %.2f reps; rest recordings with no rep and no hold:"
                + " %d of %d.%n", exact, counted, percent(exact, counted), withinOne, counted,
                (double) absError / Math.max(1, counted), restClean, rest);
        out.printf(Locale.ROOT, "With the exercise as a hint: exact count on %d of %d counted sets (%.1f %%);"
                + " rest recordings run with each of the %d hints: %d reps and holds in total.%n",
                exactHinted, counted, percent(exactHinted, counted), ExerciseHint.values().length, restRepsHinted);
        out.printf(Locale.ROOT, "Against the protocol's count instead (sets whose recording holds fewer reps count as"
                + " misses): exact on %d of %d (%.1f %%) without a hint, %d of %d with one.%n%n", exactProtocol, counted,
                percent(exactProtocol, counted), exactProtocolHinted, counted);
        return new RecordingScore(counted, exact, exactHinted, withinOne, exactProtocol, exactProtocolHinted, rest, restClean,
                restRepsHinted);
    }

    private static double percent(int part, int whole) {
        return 100.0 * part / Math.max(1, whole);
    }

    /**
     * Holds of at least 0.5 s: the peak squeezes of pause reps (pendulum rows at every tempo that
     * has one, wrist) and scapular squeezes held 8 s (upper back).
     */
    static HoldMatching.Score evaluateHolds(int seeds, PrintStream out) {
        HoldMatching.Score total = new HoldMatching.Score(0, 0, 0);
        for (int seed = 0; seed < seeds; seed++) {
            for (String tempo : SIM_TEMPOS) {
                SimulatedDevice device = WristRowSimulator.simulate(new DeviceSession("sim", "wrist", Placement.WRIST,
                        1_764_000_000_000L, 100, 10, 3_000, List.of(new SetPlan(8, TempoPrescription.parse(tempo), 65, 5_000)),
                        0.05, 7_000L + seed));
                total = total.plus(holdScore(device, RepDetectors.forPlacement(Placement.WRIST, "sim", "wrist")));
            }
            SimulatedDevice squeezes = ExerciseSimulator.simulate(new SessionScript("sim", "back", Placement.BACK, 50, 10,
                    5_000, List.of(SetScript.of(Exercise.SCAPULAR_SQUEEZE, 5, "1-8-1-2", 10_000))), 1_764_000_000_000L, seed);
            total = total.plus(holdScore(squeezes, RepDetectors.forPlacement(Placement.BACK, "sim", "back")));
        }
        out.printf(Locale.ROOT, "%n## Holds of at least 0.5 s (pause-rep squeezes, wrist; 8 s scapular squeezes, back)%n%n"
                + "%d true holds: %d found, %d spurious, %d missed; precision %.3f, recall %.3f, F1 %.3f.%n",
                total.matched() + total.missed(), total.matched(), total.spurious(), total.missed(),
                total.precision(), total.recall(), total.f1());
        return total;
    }

    private static HoldMatching.Score holdScore(SimulatedDevice device, io.tempostream.analytics.detect.RepDetector detector) {
        List<HoldMatching.Span> truth = device.reps().stream().filter(r -> r.peakHoldMs() >= 500)
                .map(r -> new HoldMatching.Span(r.concentricEndMs(), r.concentricEndMs() + r.peakHoldMs())).toList();
        List<HoldMatching.Span> found = detector.detectAll(device.toRecording()).stream().filter(r -> r.peakHoldMs() >= 500)
                .map(r -> new HoldMatching.Span(r.peakHoldStartMs(), r.peakHoldStartMs() + r.peakHoldMs())).toList();
        return HoldMatching.score(found, truth);
    }

    /** Reps, not isometric holds: a manifest's count is of reps. */
    static int repCount(List<Rep> found) {
        return (int) found.stream().filter(r -> !r.isometric()).count();
    }

    static void evaluateSimulated(int seeds, PrintStream out) {
        out.println("## Simulated wrist rows (random mounting rotation, sensor noise and bias, 5 % tempo jitter)\n");
        out.println("| rate | tempo | sets | exact count | phase MAE (ms) | worst phase error (ms) |");
        out.println("| ---: | --- | ---: | ---: | ---: | ---: |");
        int allSets = 0;
        int allExact = 0;
        double allError = 0;
        long allPhases = 0;
        for (double rate : SIM_RATES) {
            for (String tempo : SIM_TEMPOS) {
                int exact = 0;
                double error = 0;
                long phases = 0;
                long worst = 0;
                for (int seed = 0; seed < seeds; seed++) {
                    SimulatedDevice device = WristRowSimulator.simulate(new DeviceSession("sim", "wrist", Placement.WRIST,
                            1_764_000_000_000L, rate, 10, 3_000,
                            List.of(new SetPlan(8 + seed % 5, TempoPrescription.parse(tempo), 50 + 5 * (seed % 7), 5_000)),
                            0.05, 1000L * seed + (long) rate));
                    List<Rep> reps = new ArrayList<>();
                    WristRepDetector detector = new WristRepDetector("sim", "wrist");
                    device.batches().forEach(b -> detector.accept(b, reps::add));
                    detector.advanceTo(detector.lastSampleMs() + 60_000, reps::add);
                    if (reps.size() == device.reps().size()) {
                        exact++;
                        for (int i = 0; i < reps.size(); i++) {
                            for (long e : PhaseErrors.of(reps.get(i), device.reps().get(i))) {
                                error += e;
                                worst = Math.max(worst, e);
                                phases++;
                            }
                        }
                    }
                }
                out.printf(Locale.ROOT, "| %.0f Hz | %s | %d | %d | %.0f | %d |%n", rate, tempo, seeds, exact,
                        error / Math.max(1, phases), worst);
                allSets += seeds;
                allExact += exact;
                allError += error;
                allPhases += phases;
            }
        }
        out.printf(Locale.ROOT, "%nSimulated: exact count on %d of %d sets (%.1f %%), phase mean absolute error %.0f ms.%n",
                allExact, allSets, 100.0 * allExact / allSets, allError / Math.max(1, allPhases));
    }
}
