package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tempostream.analytics.HeadlessChromium;
import io.tempostream.analytics.RealData;
import io.tempostream.analytics.evaluate.ManifestSet;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.recording.RecordingCsv;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `analyze --report` opened as a coach opens an attachment: the file alone in headless Chromium,
 * every request off the machine refused, at a desktop's and a phone's size. The charts drew: a
 * stacked bar of four phases for every rep the analysis found, a shaded span on the signal for
 * each, a card per set, the trend over the reps, a title on every axis, no console error, nothing
 * wider than a phone. For a simulated session and a real MetaWear recording; the screenshots go to
 * target/ (docs/report-*.png are copies).
 */
class SessionReportBrowserIT {
    private static final Path BROWSER = Path.of("src", "test", "browser").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aSimulatedSessionsReportDrawsEveryRepAgainstItsTempo() throws Exception {
        HeadlessChromium.require(BROWSER);
        Path csv = dir.resolve("rows.csv");
        try (Writer writer = Files.newBufferedWriter(csv)) {
            RecordingCsv.write(ExerciseSimulator.simulate(new SessionScript("a", "w", Placement.WRIST, 50, 10, 5_000,
                    List.of(SetScript.of(Exercise.DUMBBELL_ROW, 8, "3-1-3-0", 30_000),
                            new SetScript(Exercise.DUMBBELL_ROW, 8, io.tempostream.ingest.TempoPrescription.parse("2-1-2-0"),
                                    5_000, 0.3, 0, true, 0))), 1_764_000_000_000L, 4).toRecording(), writer,
                    "rows at 3-1-3-0, then a set that bounces and slows");
        }
        JsonNode result = openReport("report-simulated", "--csv", csv.toString(), "--tempo", "3-1-3-0");
        for (String size : List.of("desktop", "phone")) {
            assertEquals(3, result.path(size).path("prescriptionLines").asInt(), size + ": the end of concentric, squeeze and eccentric");
        }
        assertTrue(result.path("desktop").path("flagMarks").asInt() > 0, "the bouncing set's flags are marked: " + result);
    }

    @Test
    void aRealMetaWearRecordingsReportDrawsEveryRep() throws Exception {
        HeadlessChromium.require(BROWSER);
        ManifestSet row = ManifestSet.read(RealData.metawearManifest()).stream().filter(s -> s.exercise().equals("row"))
                .findFirst().orElseThrow();
        JsonNode result = openReport("report-metawear", "--metawear-accel", row.accelerometer().toString(),
                "--metawear-gyro", row.gyroscope().toString(), "--exercise", "row");
        assertEquals(0, result.path("desktop").path("prescriptionLines").asInt(), "no tempo given, no prescription drawn");
    }

    /**
     * Analyses with `analyze --output json` and writes the report from the same flags, opens it,
     * checks what every report must show, and returns what the browser saw.
     */
    private JsonNode openReport(String name, String... analyzeFlags) throws Exception {
        Path report = dir.resolve(name + ".html");
        List<String> withJson = new ArrayList<>(List.of(analyzeFlags));
        withJson.addAll(List.of("--output", "json", "--report", report.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, AnalyzeCommand.run(withJson.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
        JsonNode analysis = new ObjectMapper().readTree(out.toByteArray());
        int reps = analysis.path("reps").size();
        int sets = analysis.path("sets").size();
        assertTrue(reps > 0, name + ": the analysis found reps");

        JsonNode result = HeadlessChromium.run(BROWSER.resolve("open-report.mjs"), name, "--file", report.toString(),
                "--desktop", Path.of("target", name + "-desktop.png").toAbsolutePath().toString(),
                "--phone", Path.of("target", name + "-phone.png").toAbsolutePath().toString());
        assertTrue(result.path("consoleErrors").isEmpty(), "no console errors: " + result.path("consoleErrors"));
        assertTrue(result.path("requests").isEmpty(), "nothing fetched from elsewhere: " + result.path("requests"));
        for (String size : List.of("desktop", "phone")) {
            JsonNode drawn = result.path(size);
            assertEquals(reps, drawn.path("rendered").asInt(), size + ": " + drawn);
            for (JsonNode bars : drawn.path("phaseBars")) {
                assertEquals(reps, bars.asInt(), size + ": a bar of each phase for every rep: " + drawn.path("phaseBars"));
            }
            assertEquals(reps, drawn.path("repSpans").asInt(), size + ": every rep marked on the signal");
            assertEquals(sets, drawn.path("setCards").asInt(), size + ": a card per set");
            for (JsonNode line : drawn.path("trendPoints")) {
                assertEquals(reps, line.asInt(), size + ": the trend has a point for every rep: " + drawn.path("trendPoints"));
            }
            drawn.path("axisTitles").forEach(chart -> chart.forEach(title ->
                    assertFalse(title.asText().isBlank(), size + ": every axis says what it shows: " + drawn.path("axisTitles"))));
            assertFalse(drawn.path("overflowsWidth").asBoolean(), size + ": nothing wider than the screen");
            int flagged = 0;
            for (JsonNode rep : analysis.path("reps")) {
                flagged += rep.path("flags").isEmpty() ? 0 : 1;
            }
            assertEquals(flagged, drawn.path("flagMarks").asInt(), size + ": a mark for every flagged rep");
            // The signal the engine read: the vertical travel when a rep was found by it (rows and
            // barbell lifts from the wrist), beside the angular speed rotation reps are found on.
            boolean byTravel = analysis.path("reps").findValue("travelM") != null;
            assertEquals(byTravel ? "vertical travel (m)" : "acceleration less gravity (g)",
                    drawn.path("axisTitles").path("signal").get(2).asText(), size + ": the right-hand trace");
            assertEquals("angular speed (deg/s)", drawn.path("axisTitles").path("signal").get(1).asText());
        }
        return result;
    }
}
