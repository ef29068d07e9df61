package io.tempostream.analytics.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tempostream.analytics.detect.ExerciseHint;
import io.tempostream.analytics.detect.LiveReplay;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.SetSummary;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.analytics.report.SessionReport;
import io.tempostream.analytics.training.AnalysedRep;
import io.tempostream.analytics.training.AthleteProfile;
import io.tempostream.analytics.training.AthleteTraining;
import io.tempostream.analytics.training.FormFlags;
import io.tempostream.analytics.training.SetAnalysis;
import io.tempostream.analytics.training.TrainingRecord;
import io.tempostream.ingest.recording.MetaWearCsv;
import io.tempostream.ingest.recording.Recording;
import io.tempostream.ingest.recording.RecordingCsv;
import io.tempostream.ingest.recording.RecordingFormatException;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.config.Flags;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;

/** {@code tempostream analyze}: the offline twin of the job, same engine, one recording in, reps out. */
final class AnalyzeCommand {
    static final String USAGE = """
            Usage: tempostream analyze (--csv FILE | --metawear-accel FILE --metawear-gyro FILE) [flags]
              Counts reps and times their phases in a recording, with the same engine as the Flink job.

              --csv FILE             recording CSV: timestamp_ms,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps
              --metawear-accel FILE  MetaWear accelerometer export (with --metawear-gyro)
              --metawear-gyro FILE   MetaWear gyroscope export
              --placement P          wrist or back (default wrist): where the sensor was worn
              --exercise NAME        optional hint (row, cable-row, face-pull, y-raise, pendlay-row,
                                     scapular-squeeze, bench, squat, ohp, dead; or as in session
                                     scripts: dumbbell-row, seated-cable-row, prone-y-raise, ...):
                                     a wrist sensor then follows only the signal that exercise moves
              --tempo C-H-E-P        the prescribed tempo: each rep's deviation, tempo score and the
                                     rushed-eccentric flag, as the job writes them; without it, no
                                     rep is judged against a tempo (velocity loss and the other
                                     form flags are shown either way)
              --output table|json    default table
              --report FILE.html     also write the session as one HTML file with charts (each rep's
                                     phases against the tempo, tempo score and velocity loss, the
                                     signal with each rep marked, the form flags); it needs no
                                     server or network, so it can be mailed to a coach

            Examples: tempostream analyze --csv session.csv --tempo 3-1-3-0 --output json
                      tempostream analyze --csv session.csv --tempo 3-1-3-0 --report session.html
            """;
    /** Holds shorter than this are the turn at the top of a rep, not a squeeze. */
    static final long MIN_REPORTED_HOLD_MS = 500;

    private AnalyzeCommand() {
    }

    /** Returns the exit code: 0 done, 2 bad flags or unreadable input. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Flags flags = Flags.parse(args, Set.of("csv", "metawear-accel", "metawear-gyro", "exercise", "tempo", "output",
                    "placement", "report"),
                    Set.of());
            Optional<Path> report = flags.get("report").map(AnalyzeCommand::reportTarget);
            String output = flags.get("output", "table");
            if (!output.equals("table") && !output.equals("json")) {
                throw new IllegalArgumentException("--output must be table or json, got '" + output + "'");
            }
            Optional<ExerciseHint> hint = flags.get("exercise").map(e -> ExerciseHint.fromCliName(e).orElseThrow(() ->
                    new IllegalArgumentException("--exercise must be one of " + ExerciseHint.cliNames() + ", got '" + e + "'")));
            Optional<TempoPrescription> tempo = flags.get("tempo").map(t -> {
                try {
                    return TempoPrescription.parse(t);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--tempo: " + e.getMessage());
                }
            });
            Placement placement = Placement.fromWireName(flags.get("placement", "wrist"));
            Recording recording = read(flags);
            // Fed sample by sample as the job feeds it, so each rep says when it would have been known live.
            List<LiveReplay.TimedRep> timed = LiveReplay.replay(
                    RepDetectors.forPlacement(placement, hint, "offline", "recording"), recording).reps();
            List<Rep> reps = timed.stream().map(LiveReplay.TimedRep::rep).toList();
            List<TrainingRecord> analysed = analyse(reps, tempo.orElse(AthleteProfile.DEFAULT_TEMPO));
            if (output.equals("json")) {
                out.println(json(timed, analysed, tempo.isPresent()));
            } else {
                printTable(reps, tempo, analysed, out);
            }
            if (report.isPresent()) {
                return writeReport(report.get(), flags, placement, tempo, timed, analysed, recording, err);
            }
            return 0;
        } catch (IllegalArgumentException | RecordingFormatException e) {
            err.println("tempostream analyze: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("tempostream analyze: no such file: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("tempostream analyze: cannot read input: " + e.getMessage());
            return 2;
        }
    }

    /** Where the report goes, checked before any work: a folder that is there, and not a folder itself. */
    private static Path reportTarget(String name) {
        Path file = Path.of(name);
        Path folder = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--report must name a file, and " + name + " is a folder");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--report: no folder " + folder + " to write " + file.getFileName() + " in");
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException("--report: cannot write in " + folder);
        }
        return file;
    }

    /** The HTML report, whole or not at all; a recording without reps has nothing to show. */
    private static int writeReport(Path file, Flags flags, Placement placement, Optional<TempoPrescription> tempo,
            List<LiveReplay.TimedRep> timed, List<TrainingRecord> analysed, Recording recording, PrintStream err) {
        if (timed.isEmpty()) {
            err.println("tempostream analyze: no reps found in the recording, so no report was written");
            return 2;
        }
        String source = flags.get("csv").map(c -> Path.of(c).getFileName().toString())
                .orElseGet(() -> Path.of(flags.get("metawear-accel").orElseThrow()).getFileName() + " + "
                        + Path.of(flags.get("metawear-gyro").orElseThrow()).getFileName());
        try {
            String html = SessionReport.html(new SessionReport.About(source, placement.wireName(),
                    flags.get("exercise").orElse(null), tempo.map(TempoPrescription::toString).orElse(null)),
                    json(timed, analysed, tempo.isPresent()), recording);
            SessionReport.write(file, html);
        } catch (IOException e) {
            err.println("tempostream analyze: cannot write the report to " + file + ": " + e.getMessage());
            return 2;
        }
        err.println("tempostream analyze: report written to " + file);
        return 0;
    }

    static Recording read(Flags flags) throws IOException, RecordingFormatException {
        Optional<String> csv = flags.get("csv");
        Optional<String> accel = flags.get("metawear-accel");
        Optional<String> gyro = flags.get("metawear-gyro");
        if (csv.isPresent() == (accel.isPresent() || gyro.isPresent())) {
            throw new IllegalArgumentException("give either --csv FILE or --metawear-accel FILE --metawear-gyro FILE");
        }
        if (csv.isPresent()) {
            return RecordingCsv.read(Path.of(csv.get()));
        }
        if (accel.isEmpty() || gyro.isEmpty()) {
            throw new IllegalArgumentException("--metawear-accel and --metawear-gyro go together");
        }
        return MetaWearCsv.read(Path.of(accel.get()), Path.of(gyro.get()));
    }

    /** The job's training analytics over the reps: tempo, form and fatigue against {@code tempo}. */
    static List<TrainingRecord> analyse(List<Rep> reps, TempoPrescription tempo) {
        AthleteProfile profile = new AthleteProfile("offline", null, ZoneId.of("UTC"), tempo, Map.of());
        AthleteTraining training = new AthleteTraining();
        List<TrainingRecord> out = new ArrayList<>();
        reps.forEach(r -> training.accept(r, profile, out::add));
        return out;
    }

    private static Map<String, AnalysedRep> analysedByRep(List<TrainingRecord> analysed) {
        Map<String, AnalysedRep> byRep = new HashMap<>();
        analysed.stream().filter(r -> r instanceof AnalysedRep).map(r -> (AnalysedRep) r)
                .forEach(a -> byRep.put(a.rep().set() + "/" + a.rep().rep() + "/" + a.rep().isometric(), a));
        return byRep;
    }

    /** Each set's last figures. */
    private static Map<Integer, SetAnalysis> setsByNumber(List<TrainingRecord> analysed) {
        Map<Integer, SetAnalysis> bySet = new TreeMap<>();
        analysed.stream().filter(r -> r instanceof SetAnalysis).map(r -> (SetAnalysis) r).forEach(s -> bySet.put(s.set(), s));
        return bySet;
    }

    /**
     * The form flags in words; rushing the eccentric is judged against a tempo, so only when the
     * user gave one (the analytics need some tempo to run, but the user never asked for this one).
     */
    private static List<String> flagNames(FormFlags f, boolean tempoGiven) {
        List<String> names = new ArrayList<>();
        if (f.swing()) {
            names.add("swing");
        }
        if (f.bounce()) {
            names.add("bounce");
        }
        if (f.partial()) {
            names.add("partial");
        }
        if (f.rushedEccentric() && tempoGiven) {
            names.add("rushed-eccentric");
        }
        return names;
    }

    /**
     * @param tempoGiven whether the user gave {@code --tempo}: without it nothing is judged against
     *     a tempo (no tempo, score, on-tempo, squeeze held or rushed eccentric)
     */
    static String json(List<LiveReplay.TimedRep> timed, List<TrainingRecord> analysed, boolean tempoGiven) {
        List<Rep> reps = timed.stream().map(LiveReplay.TimedRep::rep).toList();
        Map<String, AnalysedRep> byRep = analysedByRep(analysed);
        Map<Integer, SetAnalysis> bySet = setsByNumber(analysed);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode repNodes = root.putArray("reps");
        for (LiveReplay.TimedRep t : timed.stream().filter(t -> !t.rep().isometric()).toList()) {
            Rep r = t.rep();
            repNodes.addObject().put("set", r.set()).put("rep", r.rep()).put("startMs", r.startMs()).put("endMs", r.endMs())
                    .put("concentricMs", r.concentricMs()).put("peakHoldMs", r.peakHoldMs())
                    .put("eccentricMs", r.eccentricMs()).put("bottomPauseMs", r.bottomPauseMs());
            ObjectNode node = (ObjectNode) repNodes.get(repNodes.size() - 1);
            // When the live job would have known it: the sample it came out on (absent when only
            // the recording's end closed it), and the one it was first offered on, provisional.
            if (!t.atEnd()) {
                node.put("reportedAtMs", t.reportedAtMs());
            }
            t.provisionalAtMs().ifPresent(at -> node.put("provisionalAtMs", at));
            // A rep carries the measure its detector used: degrees of rotation or metres of travel.
            if (r.romDeg() > 0) {
                node.put("romDeg", Math.round(r.romDeg() * 10) / 10.0);
            }
            if (r.travelM() > 0) {
                node.put("travelM", Math.round(r.travelM() * 1000) / 1000.0);
            }
            AnalysedRep a = byRep.get(r.set() + "/" + r.rep() + "/false");
            if (a != null) {
                if (tempoGiven) {
                    node.put("tempo", a.tempo().toString()).put("tempoScore", Math.round(a.compliance().score() * 10) / 10.0)
                            .put("onTempo", a.compliance().onTempo());
                    if (a.compliance().squeezeHeld() != null) {
                        node.put("squeezeHeld", a.compliance().squeezeHeld());
                    }
                }
                node.put("velocityLossPct", Math.round(a.velocityLossPct() * 10) / 10.0);
                ArrayNode flags = node.putArray("flags");
                flagNames(a.flags(), tempoGiven).forEach(flags::add);
            }
        }
        ArrayNode setNodes = root.putArray("sets");
        for (SetSummary s : SetSummary.of(reps.stream().filter(r -> !r.isometric()).toList())) {
            ObjectNode node = setNodes.addObject().put("set", s.set()).put("reps", s.reps()).put("startMs", s.startMs())
                    .put("endMs", s.endMs()).put("timeUnderTensionMs", s.timeUnderTensionMs());
            SetAnalysis a = bySet.get(s.set());
            if (a != null) {
                if (tempoGiven) {
                    node.put("tempoScore", Math.round(a.meanScore() * 10) / 10.0);
                }
                node.put("velocityLossPct", Math.round(a.velocityLossPct() * 10) / 10.0)
                        .put("concentricSlowingPct", Math.round(a.concentricSlowingPct() * 10) / 10.0)
                        .put("consistencyCvPct", Math.round(a.consistencyCvPct() * 10) / 10.0);
            }
        }
        // Every hold of at least half a second: the squeeze of a pause rep (which names its rep), or
        // an isometric hold (numbered among the set's holds).
        ArrayNode holdNodes = root.putArray("holds");
        for (Rep r : reps) {
            if (r.peakHoldMs() >= MIN_REPORTED_HOLD_MS) {
                ObjectNode hold = holdNodes.addObject().put("set", r.set()).put(r.isometric() ? "hold" : "rep", r.rep());
                hold.put("startMs", r.peakHoldStartMs()).put("endMs", r.peakHoldStartMs() + r.peakHoldMs())
                        .put("durationMs", r.peakHoldMs()).put("isometric", r.isometric());
            }
        }
        return root.toString();
    }

    private static void printTable(List<Rep> reps, Optional<TempoPrescription> tempo, List<TrainingRecord> analysed,
            PrintStream out) {
        Map<String, AnalysedRep> byRep = analysedByRep(analysed);
        Map<Integer, SetAnalysis> bySet = setsByNumber(analysed);
        out.println("set  rep  concentric  hold   eccentric  pause   range" + (tempo.isPresent() ? "        vs " + tempo.get() : "")
                + "   flags");
        for (Rep r : reps) {
            if (r.isometric()) {
                out.printf(Locale.ROOT, "%3d  hold %d: %.1f s (isometric)%n", r.set(), r.rep(), r.peakHoldMs() / 1000.0);
                continue;
            }
            AnalysedRep a = byRep.get(r.set() + "/" + r.rep() + "/false");
            out.printf(Locale.ROOT, "%3d  %3d  %8.1f s %5.1f s %7.1f s %5.1f s   %-12s%s   %s%n", r.set(), r.rep(),
                    r.concentricMs() / 1000.0, r.peakHoldMs() / 1000.0, r.eccentricMs() / 1000.0,
                    r.bottomPauseMs() / 1000.0, io.tempostream.analytics.job.RepLine.range(r),
                    tempo.map(t -> deviation(r, t)).orElse(""),
                    a == null ? "" : String.join(",", flagNames(a.flags(), tempo.isPresent())));
        }
        for (SetSummary s : SetSummary.of(reps.stream().filter(r -> !r.isometric()).toList())) {
            SetAnalysis a = bySet.get(s.set());
            String judged = a == null ? ""
                    : (tempo.isPresent() ? String.format(Locale.ROOT, "; tempo score %.0f", a.meanScore()) : "")
                    + String.format(Locale.ROOT, "; velocity loss %.0f %%, %s", a.velocityLossPct(),
                            concentricTrend(a.concentricSlowingPct()));
            out.printf(Locale.ROOT, "set %d: %d reps, %.1f s under tension%s%n", s.set(), s.reps(),
                    s.timeUnderTensionMs() / 1000.0, judged);
        }
        for (SetSummary s : SetSummary.of(reps.stream().filter(Rep::isometric).toList())) {
            out.printf(Locale.ROOT, "set %d: %d isometric hold%s, %.1f s under tension%n", s.set(), s.reps(),
                    s.reps() == 1 ? "" : "s", s.timeUnderTensionMs() / 1000.0);
        }
        if (reps.isEmpty()) {
            out.println("no reps found");
        }
    }

    /** How the set's concentrics changed from first to last, as a coach says it. */
    static String concentricTrend(double slowingPct) {
        long pct = Math.round(slowingPct);
        if (pct == 0) {
            return "concentric steady";
        }
        return pct > 0 ? "concentric slowed " + pct + " %" : "concentric sped up " + -pct + " %";
    }

    private static String deviation(Rep r, TempoPrescription t) {
        return String.format(Locale.ROOT, "   %+.1f/%+.1f/%+.1f/%+.1f s", (r.concentricMs() - t.concentricMs()) / 1000.0,
                (r.peakHoldMs() - t.peakHoldMs()) / 1000.0, (r.eccentricMs() - t.eccentricMs()) / 1000.0,
                (r.bottomPauseMs() - t.bottomPauseMs()) / 1000.0);
    }
}
