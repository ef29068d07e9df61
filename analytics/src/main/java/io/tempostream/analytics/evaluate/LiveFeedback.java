package io.tempostream.analytics.evaluate;

import io.tempostream.analytics.detect.Rep;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When the athlete first hears of a rep: its provisional report (the moment its eccentric ends,
 * {@link RepDetector#pendingRep()}) or else its final one, in sensor time from the rep's return,
 * every rep of the set including its last. And how often a provisional rep is offered that no
 * final rep confirms, on simulated sets and on the real recordings, rest included: such a rep
 * would stay on the live screen.
 */
final class LiveFeedback {
    /** What one pass of a detector over a recording reported, and when (sensor time). */
    private record Reports(List<Rep> finals, List<Long> finalAtMs, Map<Long, Long> offeredAtMs) {
        int unconfirmed() {
            return (int) offeredAtMs.keySet().stream().filter(start -> finals.stream().noneMatch(f -> f.startMs() == start))
                    .count();
        }
    }

    private LiveFeedback() {
    }

    static void runSimulated(int seeds, PrintStream out) {
        out.printf(Locale.ROOT, "%n## Live feedback (sensor time from a rep's return to its first report, provisional or"
                + " final; 50 Hz, 8 reps, no hint)%n%n"
                + "| exercise | tempo | sensor | reps | median (s) | 95th percentile (s) | set's last rep: median (s) |"
                + " offered, not confirmed |%n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |%n");
        for (ReportLatency.Cell cell : ReportLatency.CELLS) {
            List<Double> all = new ArrayList<>();
            List<Double> last = new ArrayList<>();
            int unconfirmed = 0;
            for (int seed = 0; seed < seeds; seed++) {
                SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("sim", "s", cell.placement(), 50, 10,
                        5_000, List.of(SetScript.of(cell.exercise(), 8, cell.tempo(), 90_000))), 1_764_000_000_000L, seed);
                Reports reports = feed(RepDetectors.forPlacement(cell.placement(), "sim", "s"), device.toRecording());
                unconfirmed += reports.unconfirmed();
                List<RepTruth> truth = device.reps();
                if (reports.finals().size() != truth.size()) {
                    continue; // miscounted: which report belongs to which rep is not known
                }
                for (int k = 0; k < truth.size(); k++) {
                    long finalAt = reports.finalAtMs().get(k);
                    long firstAt = Math.min(finalAt,
                            reports.offeredAtMs().getOrDefault(reports.finals().get(k).startMs(), Long.MAX_VALUE));
                    double seconds = (firstAt - ReportLatency.returnEndMs(truth.get(k))) / 1000.0;
                    all.add(seconds);
                    if (k == truth.size() - 1) {
                        last.add(seconds);
                    }
                }
            }
            out.printf(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %d |%n", cell.exercise().scriptName(), cell.tempo(),
                    cell.placement().name().toLowerCase(Locale.ROOT), all.size(), ReportLatency.quantile(all, 0.5),
                    ReportLatency.quantile(all, 0.95), ReportLatency.quantile(last, 0.5), unconfirmed);
        }
    }

    /** Provisional reps offered on the real recordings, and how many no final rep confirmed. */
    static void runRecordings(List<ManifestSet> sets, PrintStream out) throws IOException, RecordingFormatException {
        int offered = 0;
        int unconfirmed = 0;
        int restOffered = 0;
        for (ManifestSet set : sets) {
            Recording recording = MetaWearCsv.read(set.accelerometer(), set.gyroscope());
            Reports reports = feed(new WristRepDetector(set.participant(), "metawear"), recording);
            offered += reports.offeredAtMs().size();
            unconfirmed += reports.unconfirmed();
            restOffered += "rest".equals(set.exercise()) ? reports.offeredAtMs().size() : 0;
        }
        out.printf(Locale.ROOT, "%nProvisional reps on the %d real recordings (no hint): %d offered, %d not confirmed by a"
                + " final rep; %d offered in rest recordings.%n", sets.size(), offered, unconfirmed, restOffered);
    }

    private static Reports feed(RepDetector detector, Recording r) {
        List<Rep> finals = new ArrayList<>();
        List<Long> finalAt = new ArrayList<>();
        Map<Long, Long> offeredAt = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            long now = r.timestampsMs()[i];
            detector.accept(now, r.ax()[i], r.ay()[i], r.az()[i], r.gx()[i], r.gy()[i], r.gz()[i], rep -> {
                finals.add(rep);
                finalAt.add(now);
            });
            Rep pending = detector.pendingRep();
            if (pending != null) {
                offeredAt.putIfAbsent(pending.startMs(), now);
            }
        }
        if (r.size() > 0) {
            long end = r.timestampsMs()[r.size() - 1] + 60_000;
            detector.advanceTo(end, rep -> {
                finals.add(rep);
                finalAt.add(end);
            });
        }
        return new Reports(finals, finalAt, offeredAt);
    }
}
