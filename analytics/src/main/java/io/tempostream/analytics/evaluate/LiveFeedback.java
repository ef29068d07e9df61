package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.LiveReplay;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.analytics.detect.WristRepDetector;
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
                + " final; 8 reps followed by 90 s of rest, no hint)%n%n"
                + "| exercise | tempo | sensor | rate | reps | median (s) | 95th percentile (s) | max (s) |"
                + " set's last rep: median (s) | offered, not confirmed |%n"
                + "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        for (ReportLatency.Cell cell : ReportLatency.CELLS) {
            for (double rateHz : RATES_HZ) {
                List<Double> all = new ArrayList<>();
                List<Double> last = new ArrayList<>();
                int unconfirmed = 0;
                for (int seed = 0; seed < seeds; seed++) {
                    SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("sim", "s", cell.placement(), rateHz,
                            10, 5_000, List.of(SetScript.of(cell.exercise(), 8, cell.tempo(), 90_000))), 1_764_000_000_000L, seed);
                    LiveReplay.Result result = LiveReplay.replay(RepDetectors.forPlacement(cell.placement(), "sim", "s"),
                            device.toRecording());
                    unconfirmed += result.unconfirmedStartsMs().size();
                    List<RepTruth> truth = device.reps();
                    if (result.reps().size() != truth.size()) {
                        continue; // miscounted: which report belongs to which rep is not known
                    }
                    for (int k = 0; k < truth.size(); k++) {
                        double seconds = (result.reps().get(k).firstKnownAtMs() - ReportLatency.returnEndMs(truth.get(k))) / 1000.0;
                        all.add(seconds);
                        if (k == truth.size() - 1) {
                            last.add(seconds);
                        }
                    }
                }
                out.printf(Locale.ROOT, "| %s | %s | %s | %.0f Hz | %d | %s | %s | %s | %s | %d |%n", cell.exercise().scriptName(),
                        cell.tempo(), cell.placement().name().toLowerCase(Locale.ROOT), rateHz, all.size(),
                        ReportLatency.quantile(all, 0.5), ReportLatency.quantile(all, 0.95), ReportLatency.quantile(all, 1.0),
                        ReportLatency.quantile(last, 0.5), unconfirmed);
            }
        }
    }

    /** Provisional reps offered on the real recordings, and how many no final rep confirmed. */
    static void runRecordings(List<ManifestSet> sets, PrintStream out) throws IOException, RecordingFormatException {
        int offered = 0;
        int unconfirmed = 0;
        int restOffered = 0;
        for (ManifestSet set : sets) {
            Recording recording = MetaWearCsv.read(set.accelerometer(), set.gyroscope());
            LiveReplay.Result result = LiveReplay.replay(new WristRepDetector(set.participant(), "metawear"), recording);
            int setOffered = (int) result.reps().stream().filter(t -> t.provisionalAtMs().isPresent()).count()
                    + result.unconfirmedStartsMs().size();
            offered += setOffered;
            unconfirmed += result.unconfirmedStartsMs().size();
            restOffered += "rest".equals(set.exercise()) ? setOffered : 0;
        }
        out.printf(Locale.ROOT, "%nProvisional reps on the %d real recordings (no hint): %d offered, %d not confirmed by a"
                + " final rep; %d offered in rest recordings.%n", sets.size(), offered, unconfirmed, restOffered);
    }
}
