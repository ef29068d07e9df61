package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.ExerciseHint;
import io.tempostream.analytics.detect.LiveReplay;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.analytics.detect.WristRepDetector;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.recording.MetaWearCsv;
import io.tempostream.ingest.recording.Recording;
import io.tempostream.ingest.recording.RecordingFormatException;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When the athlete first hears of a rep: its provisional report (the moment its eccentric ends,
 * {@link RepDetector#pendingRep()}) or else its final one, in sensor time from the rep's return,
 * every rep of the set including its last ({@link LiveReplay}, as {@code analyze --output json}
 * gives it per rep). And how often a provisional rep is offered that no final rep confirms, on
 * simulated sets and on the real recordings, rest included: such a rep would stay on the live screen.
 */
final class LiveFeedback {
    static final double[] RATES_HZ = {50, 100};

    private LiveFeedback() {
    }

    static void runSimulated(int seeds, PrintStream out) {
        out.printf(Locale.ROOT, "%n## Live feedback (sensor time from a rep's return to its first report, provisional or"
                + " final; 8 reps followed by 90 s of rest, no hint)%n%n");
        table(seeds, false, out);
        out.printf(Locale.ROOT, "%n### The same sets, the exercise selected 4 s before each set (as the app sends it)%n%n");
        table(seeds, true, out);
    }

    private static void table(int seeds, boolean selected, PrintStream out) {
        out.printf(Locale.ROOT, "| exercise | tempo | sensor | rate | reps | median (s) | 95th percentile (s) | max (s) |"
                + " set's first rep: median (s) | set's last rep: median (s) | offered, not confirmed |%n"
                + "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        for (ReportLatency.Cell cell : ReportLatency.CELLS) {
            for (double rateHz : RATES_HZ) {
                List<Double> all = new ArrayList<>();
                List<Double> first = new ArrayList<>();
                List<Double> last = new ArrayList<>();
                int unconfirmed = 0;
                for (int seed = 0; seed < seeds; seed++) {
                    SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("sim", "s", cell.placement(), rateHz,
                            10, 5_000, List.of(SetScript.of(cell.exercise(), 8, cell.tempo(), 90_000))), 1_764_000_000_000L, seed);
                    LiveReplay.Result result = replay(device, cell.placement(), selected);
                    unconfirmed += result.unconfirmedStartsMs().size();
                    List<RepTruth> truth = device.reps();
                    if (result.reps().size() != truth.size()) {
                        continue; // miscounted: which report belongs to which rep is not known
                    }
                    for (int k = 0; k < truth.size(); k++) {
                        double seconds = secondsAfterReturn(result.reps().get(k), truth.get(k));
                        all.add(seconds);
                        if (k == 0) {
                            first.add(seconds);
                        }
                        if (k == truth.size() - 1) {
                            last.add(seconds);
                        }
                    }
                }
                out.printf(Locale.ROOT, "| %s | %s | %s | %.0f Hz | %d | %s | %s | %s | %s | %s | %d |%n",
                        cell.exercise().scriptName(), cell.tempo(), cell.placement().name().toLowerCase(Locale.ROOT), rateHz,
                        all.size(), ReportLatency.quantile(all, 0.5), ReportLatency.quantile(all, 0.95),
                        ReportLatency.quantile(all, 1.0), ReportLatency.quantile(first, 0.5), ReportLatency.quantile(last, 0.5),
                        unconfirmed);
            }
        }
    }

    /**
     * A simulated device's recording fed sample by sample as the job feeds it, {@code selected}:
     * with the selections the app sends 4 s before each set.
     */
    static LiveReplay.Result replay(SimulatedDevice device, Placement placement, boolean selected) {
        RepDetector detector = RepDetectors.forPlacement(placement, "sim", "s");
        if (selected) {
            device.selections().forEach(detector::select);
        }
        return LiveReplay.replay(detector, device.toRecording());
    }

    /** When the athlete first heard of {@code rep}, in seconds after its true return. */
    static double secondsAfterReturn(LiveReplay.TimedRep rep, RepTruth truth) {
        return (rep.firstKnownAtMs() - truth.returnEndMs()) / 1000.0;
    }

    /**
     * Provisional reps offered on the real recordings, and how many no final rep confirmed; then
     * the same with each recording's exercise selected at its first sample, and each rest
     * recording under every exercise. No rep times are known in these recordings, so a set's
     * first rep is timed against its own final rep's return.
     */
    static void runRecordings(List<ManifestSet> sets, PrintStream out) throws IOException, RecordingFormatException {
        out.printf(Locale.ROOT, "%nProvisional reps on the %d real recordings (no hint): %s%n", sets.size(),
                replayRecordings(sets, false));
        out.printf(Locale.ROOT, "With the exercise selected (each rest recording under each of the %d exercises): %s%n",
                ExerciseHint.values().length, replayRecordings(sets, true));
    }

    /** The recordings replayed as the job feeds them, {@code selected} at their first sample (rest under every exercise). */
    static Offers replayRecordings(List<ManifestSet> sets, boolean selected) throws IOException, RecordingFormatException {
        Offers offers = new Offers();
        for (ManifestSet set : sets) {
            Recording recording = MetaWearCsv.read(set.accelerometer(), set.gyroscope());
            boolean rest = "rest".equals(set.exercise());
            boolean concentricFirst = ExerciseHint.fromCliName(set.exercise()).map(ExerciseHint::concentricFirst).orElse(true);
            if (!selected) {
                offers.add(LiveReplay.replay(new WristRepDetector(set.participant(), "metawear"), recording), rest,
                        concentricFirst);
                continue;
            }
            List<ExerciseHint> hints = rest ? List.of(ExerciseHint.values())
                    : ExerciseHint.fromCliName(set.exercise()).map(List::of).orElse(List.of());
            for (ExerciseHint hint : hints) {
                offers.add(LiveReplay.replay(RepDetectors.forPlacement(Placement.WRIST, Optional.of(hint), set.participant(),
                        "metawear"), recording), rest, concentricFirst);
            }
        }
        return offers;
    }

    /** Offers counted over recordings, and how late each set's first rep was first heard of. */
    static final class Offers {
        int offered;
        int unconfirmed;
        int restOffered;
        int restReps;
        final List<Double> firstRepS = new ArrayList<>();
        /** Every rep's but those known only at the recording's end: the recordings stop as the set does. */
        final List<Double> everyRepS = new ArrayList<>();

        void add(LiveReplay.Result result, boolean rest, boolean concentricFirst) {
            int setOffered = (int) result.reps().stream().filter(t -> t.provisionalAtMs().isPresent()).count()
                    + result.unconfirmedStartsMs().size();
            offered += setOffered;
            unconfirmed += result.unconfirmedStartsMs().size();
            if (rest) {
                restOffered += setOffered;
                restReps += result.reps().size();
            } else if (!result.reps().isEmpty()) {
                firstRepS.add(afterReturnS(result.reps().get(0), concentricFirst));
                for (LiveReplay.TimedRep timed : result.reps()) {
                    if (!timed.atEnd() || timed.provisionalAtMs().isPresent()) {
                        everyRepS.add(afterReturnS(timed, concentricFirst));
                    }
                }
            }
        }

        /** Seconds from the rep's return (its end less the pause at the resting end) to when it was first known. */
        private static double afterReturnS(LiveReplay.TimedRep timed, boolean concentricFirst) {
            Rep rep = timed.rep();
            long restingPauseMs = concentricFirst ? rep.bottomPauseMs() : rep.peakHoldMs();
            return (timed.firstKnownAtMs() - (rep.endMs() - restingPauseMs)) / 1000.0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d offered, %d not confirmed by a final rep; %d offered and %d final reps in"
                    + " rest recordings; a set's first rep heard of %s s (median) and %s s (max) after its return;"
                    + " every rep %s / %s / %s s (median / 95th percentile / max, %d reps; those known only at the"
                    + " recording's end left out).",
                    offered, unconfirmed, restOffered, restReps, ReportLatency.quantile(firstRepS, 0.5),
                    ReportLatency.quantile(firstRepS, 1.0), ReportLatency.quantile(everyRepS, 0.5),
                    ReportLatency.quantile(everyRepS, 0.95), ReportLatency.quantile(everyRepS, 1.0), everyRepS.size());
        }
    }
}
