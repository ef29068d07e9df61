package io.tempostream.analytics.cli;

import static io.tempostream.analytics.TimeAsserts.assertWithinMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tempostream.analytics.RealData;
import io.tempostream.ingest.recording.RecordingCsv;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.simulator.DeviceSession;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SetPlan;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WristRowSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int analyze(String... args) {
        return AnalyzeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void jsonListsEveryRepAndSetOfARecording() throws Exception {
        SimulatedDevice device = WristRowSimulator.simulate(new DeviceSession("a", "w", Placement.WRIST,
                1_764_000_000_000L, 100, 50, 3_000,
                List.of(new SetPlan(6, TempoPrescription.parse("2-1-2-0"), 60, 30_000),
                        new SetPlan(4, TempoPrescription.parse("2-1-2-0"), 60, 5_000)), 0.05, 11));
        Path csv = dir.resolve("session.csv");
        try (Writer writer = Files.newBufferedWriter(csv)) {
            RecordingCsv.write(device.toRecording(), writer, "two sets of rows");
        }

        assertEquals(0, analyze("--csv", csv.toString(), "--output", "json"), err.toString(StandardCharsets.UTF_8));

        JsonNode result = new ObjectMapper().readTree(out.toByteArray());
        assertEquals(10, result.get("reps").size());
        assertEquals(2, result.get("sets").size());
        assertEquals(6, result.get("sets").get(0).get("reps").asInt());
        assertEquals(4, result.get("sets").get(1).get("reps").asInt());
        RepTruth firstTruth = device.reps().get(0);
        JsonNode first = result.get("reps").get(0);
        assertWithinMs(firstTruth.startMs(), first.get("startMs").asLong(), 200, "epoch ms as in the input");
        assertEquals(firstTruth.concentricMs(), first.get("concentricMs").asLong(), 200);
        JsonNode holds = result.get("holds");
        assertEquals(10, holds.size(), "every rep's 1 s squeeze at the top is a hold");
        for (JsonNode hold : holds) {
            assertEquals(1_000, hold.get("durationMs").asLong(), 250);
            assertEquals(false, hold.get("isometric").asBoolean());
        }
    }

    /**
     * The offline twin reports what the job writes: a set of rows whose eccentrics bounce out of
     * the bottom has every rep but the last flagged, with its tempo score and the set's fatigue.
     */
    @Test
    void formFlagsTempoAndFatigueAreReportedAsTheJobWritesThem() throws Exception {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "w", Placement.WRIST, 50, 10, 5_000,
                List.of(new SetScript(Exercise.DUMBBELL_ROW, 8, TempoPrescription.parse("2-1-2-0"), 10_000, 0.4, 0, true,
                        0))), 1_764_000_000_000L, 2);
        Path csv = dir.resolve("bouncing.csv");
        try (Writer writer = Files.newBufferedWriter(csv)) {
            RecordingCsv.write(device.toRecording(), writer, "rows bouncing out of the bottom, slowing down");
        }
        assertEquals(0, analyze("--csv", csv.toString(), "--tempo", "2-1-2-0", "--output", "json"),
                err.toString(StandardCharsets.UTF_8));
        JsonNode result = new ObjectMapper().readTree(out.toByteArray());
        JsonNode reps = result.get("reps");
        assertEquals(8, reps.size());
        for (int i = 0; i < 7; i++) {
            assertTrue(reps.get(i).get("flags").toString().contains("bounce"), "rep " + (i + 1) + ": " + reps.get(i));
            assertEquals("2-1-2-0", reps.get(i).get("tempo").asText());
            assertTrue(reps.get(i).get("tempoScore").asDouble() > 0);
        }
        JsonNode set = result.get("sets").get(0);
        assertTrue(set.get("concentricSlowingPct").asDouble() >= 20, "the concentric slowed by 40 %: " + set);
        assertTrue(set.get("velocityLossPct").asDouble() >= 18, set.toString());
    }

    /**
     * Scapular squeezes held 8 s, seen from the upper back, after a set of rows: each squeeze is a
     * hold numbered among the set's holds, not a rep, in the JSON and in the table's set lines.
     */
    @Test
    void isometricHoldsAreListedApartFromReps() throws Exception {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "back-1", Placement.BACK, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.DUMBBELL_ROW, 6, "2-1-2-0", 30_000),
                        SetScript.of(Exercise.SCAPULAR_SQUEEZE, 4, "1-8-1-2", 10_000))), 1_764_000_000_000L, 0);
        Path csv = dir.resolve("back.csv");
        try (Writer writer = Files.newBufferedWriter(csv)) {
            RecordingCsv.write(device.toRecording(), writer, "rows, then squeezes");
        }

        assertEquals(0, analyze("--csv", csv.toString(), "--placement", "back", "--output", "json"),
                err.toString(StandardCharsets.UTF_8));
        JsonNode result = new ObjectMapper().readTree(out.toByteArray());
        assertEquals(6, result.get("reps").size(), "the rows are the reps");
        assertEquals(1, result.get("sets").size(), "a set of holds has no rep to count");
        assertEquals(6, result.get("sets").get(0).get("reps").asInt());
        int number = 0;
        for (JsonNode hold : result.get("holds")) {
            if (hold.get("isometric").asBoolean()) {
                number++;
                assertEquals(2, hold.get("set").asInt());
                assertTrue(hold.has("hold"), "an isometric hold has its own number: " + hold);
                assertEquals(number, hold.get("hold").asInt(), "holds are numbered apart: " + hold);
                assertTrue(!hold.has("rep"), "an isometric hold names no rep: " + hold);
                assertEquals(8_000, hold.get("durationMs").asLong(), 500);
            }
        }
        assertEquals(4, number, "isometric holds: " + result.get("holds"));

        out.reset();
        assertEquals(0, analyze("--csv", csv.toString(), "--placement", "back"));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("set 1: 6 reps"), table);
        assertTrue(table.contains("set 2: 4 isometric holds"), table);
        assertTrue(!table.contains("set 2: 4 reps"), table);
    }

    /**
     * Without --tempo nothing is judged against a tempo the user never gave (a silent 3-1-3-0
     * flagged every fast rep as rushed); with it, each rep's tempo, score and rushed eccentrics are.
     */
    @Test
    void repsAreJudgedAgainstATempoOnlyWhenOneIsGiven() throws Exception {
        SimulatedDevice device = WristRowSimulator.simulate(new DeviceSession("a", "w", Placement.WRIST,
                1_764_000_000_000L, 100, 50, 3_000,
                List.of(new SetPlan(6, TempoPrescription.parse("1-0-1-0"), 60, 5_000)), 0.05, 5));
        Path csv = dir.resolve("fast.csv");
        try (Writer writer = Files.newBufferedWriter(csv)) {
            RecordingCsv.write(device.toRecording(), writer, "fast rows");
        }
        assertEquals(0, analyze("--csv", csv.toString(), "--output", "json"), err.toString(StandardCharsets.UTF_8));
        JsonNode untimed = new ObjectMapper().readTree(out.toByteArray());
        assertEquals(6, untimed.get("reps").size());
        for (JsonNode rep : untimed.get("reps")) {
            assertTrue(!rep.has("tempo") && !rep.has("tempoScore") && !rep.has("onTempo"), rep.toString());
            assertTrue(!rep.get("flags").toString().contains("rushed-eccentric"), rep.toString());
            assertTrue(rep.has("velocityLossPct"), rep.toString());
            // A rep carries the one measure its detector used, never a 0 for the other.
            assertTrue(rep.has("romDeg") != rep.has("travelM"), rep.toString());
        }
        assertTrue(!untimed.get("sets").get(0).has("tempoScore"), untimed.get("sets").toString());

        out.reset();
        assertEquals(0, analyze("--csv", csv.toString(), "--output", "json", "--tempo", "3-1-3-0"));
        JsonNode timed = new ObjectMapper().readTree(out.toByteArray());
        for (JsonNode rep : timed.get("reps")) {
            assertEquals("3-1-3-0", rep.get("tempo").asText());
            assertTrue(rep.get("flags").toString().contains("rushed-eccentric"), "1 s against 3 s: " + rep);
        }

        out.reset();
        assertEquals(0, analyze("--csv", csv.toString()));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(!table.contains("rushed-eccentric") && !table.contains("tempo score"), table);
        assertTrue(table.matches("(?s).*set 1: 6 reps, [0-9.]+ s under tension; velocity loss \\d+ %, concentric"
                + " (slowed \\d+ %|sped up \\d+ %|steady)\n.*"), table);
    }

    /**
     * Each rep says when the live job would have known it, fed sample by sample: face pulls from
     * the upper back are offered at their return and final once the bottom pause is known.
     */
    @Test
    void eachRepSaysWhenTheLiveJobWouldHaveKnownIt() throws Exception {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "back-1", Placement.BACK, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.FACE_PULL, 5, "2-1-2-0", 30_000))), 1_764_000_000_000L, 3);
        Path csv = dir.resolve("face-pulls.csv");
        try (Writer writer = Files.newBufferedWriter(csv)) {
            RecordingCsv.write(device.toRecording(), writer, "face pulls");
        }
        assertEquals(0, analyze("--csv", csv.toString(), "--placement", "back", "--output", "json"),
                err.toString(StandardCharsets.UTF_8));
        JsonNode reps = new ObjectMapper().readTree(out.toByteArray()).get("reps");
        assertEquals(5, reps.size());
        long lastSampleMs = device.toRecording().timestampsMs()[device.toRecording().size() - 1];
        for (JsonNode rep : reps) {
            long end = rep.get("endMs").asLong();
            long reported = rep.get("reportedAtMs").asLong();
            long offered = rep.get("provisionalAtMs").asLong();
            assertTrue(reported >= end && reported <= lastSampleMs, "final when the pause is known: " + rep);
            assertTrue(offered <= reported && offered >= rep.get("startMs").asLong(), "offered before: " + rep);
            RepTruth truth = device.reps().get(rep.get("rep").asInt() - 1);
            assertWithinMs(truth.returnEndMs(), offered, 500, "offered at the return: " + rep);
        }
    }

    @Test
    void concentricTrendIsSaidInWords() {
        assertEquals("concentric slowed 8 %", AnalyzeCommand.concentricTrend(8.2));
        assertEquals("concentric sped up 3 %", AnalyzeCommand.concentricTrend(-3.4));
        assertEquals("concentric steady", AnalyzeCommand.concentricTrend(0.3));
    }

    /** Files that are not what analyze reads get a line a person can act on, in plain words. */
    @Test
    void unreadableFilesAreSaidInPlainWords() throws Exception {
        String stem = "A-row-heavy_MetaWear_2019-01-14T15.04.06.123_C42732BE255C_";
        Path accel = Files.writeString(dir.resolve(stem + "Accelerometer_12.500Hz_1.4.4.csv"),
                "epoch (ms),time (01:00),elapsed (s),x-axis (g),y-axis (g),z-axis (g)\n");
        Path gyro = Files.writeString(dir.resolve(stem + "Gyroscope_25.000Hz_1.4.4.csv"),
                "epoch (ms),time (01:00),elapsed (s),x-axis (deg/s),y-axis (deg/s),z-axis (deg/s)\n");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path binary = Files.write(dir.resolve("binary.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'a', '\n'});
        Path folder = Files.createDirectories(dir.resolve("folder.csv"));
        Path headerOnly = Files.writeString(dir.resolve("header-only.csv"), RecordingCsv.HEADER + "\n");

        assertRefused(empty + ": empty file, expected a MetaWear accelerometer header", "--metawear-accel",
                empty.toString(), "--metawear-gyro", gyro.toString());
        assertRefused(binary + ":1: not a text file (bytes that are not UTF-8)", "--csv", binary.toString());
        assertRefused(binary + ":1: not a text file", "--metawear-accel", binary.toString(), "--metawear-gyro", gyro.toString());
        assertRefused(folder + " is a folder, expected a CSV file", "--csv", folder.toString());
        assertRefused("(this is the gyroscope export: are the two files swapped?)", "--metawear-accel", gyro.toString(),
                "--metawear-gyro", accel.toString());
        // A header and nothing else: the same answer in both formats.
        assertRefused(headerOnly + ": no samples after the header", "--csv", headerOnly.toString());
        assertRefused(accel + ": no samples after the header", "--metawear-accel", accel.toString(),
                "--metawear-gyro", gyro.toString());
    }

    private void assertRefused(String expected, String... args) {
        err.reset();
        assertEquals(2, analyze(args));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains(expected), message);
        assertTrue(!message.contains("null") && !message.contains("Input length") && !message.contains("\tat "), message);
    }

    @Test
    void badFileExitsTwoNamingLineAndColumn() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), RecordingCsv.HEADER + "\n1764000000000,0,0,1,x,0,0\n");
        assertEquals(2, analyze("--csv", csv.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("bad.csv:2: column gx_dps must be a finite number, got 'x'"), message);
        assertTrue(!message.contains("\tat "), "no stack trace: " + message);
    }

    @Test
    void badFlagsExitTwo() {
        assertEquals(2, analyze("--csv", "x.csv", "--metawear-accel", "a.csv"));
        assertEquals(2, analyze("--csv", dir.resolve("missing.csv").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, analyze("--exercise", "curl", "--csv", "x.csv"));
        assertEquals(2, analyze("--tempo", "fast", "--csv", "x.csv"));
    }

    @Test
    void readsAMetaWearExportPair() throws Exception {
        Path raw = RealData.metawearManifest().resolveSibling("raw");
        String stem = "A-row-heavy_MetaWear_2019-01-14T15.04.06.123_C42732BE255C_";
        assertEquals(0, analyze("--metawear-accel", raw.resolve(stem + "Accelerometer_12.500Hz_1.4.4.csv").toString(),
                "--metawear-gyro", raw.resolve(stem + "Gyroscope_25.000Hz_1.4.4.csv").toString(), "--output", "json"),
                err.toString(StandardCharsets.UTF_8));
        JsonNode result = new ObjectMapper().readTree(out.toByteArray());
        assertTrue(result.has("reps") && result.has("sets"), result.toString());
        assertTrue(result.get("reps").size() > 0, result.toString());
        for (JsonNode rep : result.get("reps")) {
            // Heavy rows seen from the wrist are measured by travel: no range in degrees, not 0.
            assertTrue(rep.get("travelM").asDouble() > 0 && !rep.has("romDeg"), rep.toString());
        }
    }

    /**
     * Issue 22: a report that cannot be made says so in one line and leaves no file, not even half
     * of one: an empty recording, a recording without reps, a folder that is not there, a folder
     * given as the file. A report that can be made is written whole and readable by others.
     */
    @Test
    void aReportIsWrittenWholeOrNotAtAllWithOneClearLine() throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "timestamp_ms,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n");
        Path still = dir.resolve("still.csv");
        // 30 s of a wrist at rest, with sensor noise.
        java.util.Random noise = new java.util.Random(1);
        StringBuilder rows = new StringBuilder("timestamp_ms,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n");
        for (int i = 0; i < 1_500; i++) {
            rows.append(String.format(java.util.Locale.ROOT, "%d,%.4f,%.4f,%.4f,%.3f,%.3f,%.3f%n", 1_764_000_000_000L + 20L * i,
                    0.01 * noise.nextGaussian(), 0.01 * noise.nextGaussian(), 1 + 0.01 * noise.nextGaussian(),
                    0.3 * noise.nextGaussian(), 0.3 * noise.nextGaussian(), 0.3 * noise.nextGaussian()));
        }
        Files.writeString(still, rows);
        Path set = dir.resolve("set.csv");
        try (Writer writer = Files.newBufferedWriter(set)) {
            RecordingCsv.write(ExerciseSimulator.simulate(new SessionScript("a", "w", Placement.BACK, 50, 10, 5_000,
                    List.of(SetScript.of(Exercise.FACE_PULL, 6, "2-1-2-0", 5_000))), 1_764_000_000_000L, 1).toRecording(), writer, "");
        }
        Path report = dir.resolve("out").resolve("report.html");
        Files.createDirectories(report.getParent());
        String[][] refused = {
            {"--csv", empty.toString(), "--report", report.toString()},
            {"--csv", still.toString(), "--report", report.toString()},
            {"--csv", set.toString(), "--placement", "back", "--report", dir.resolve("nowhere").resolve("report.html").toString()},
            {"--csv", set.toString(), "--placement", "back", "--report", report.getParent().toString()},
        };
        String[] says = {"empty.csv: no samples after the header", "no reps found in the recording, so no report was written",
            "--report: no folder", "--report must name a file"};
        for (int k = 0; k < refused.length; k++) {
            err.reset();
            assertEquals(2, analyze(refused[k]), String.join(" ", refused[k]));
            String line = err.toString(StandardCharsets.UTF_8);
            assertTrue(line.contains(says[k]) && line.strip().lines().count() == 1 && !line.contains("Exception"), "one clear line: " + line);
            try (var files = Files.list(report.getParent())) {
                assertEquals(List.of(), files.toList(), "no file, whole or half, after: " + line);
            }
        }
        err.reset();
        assertEquals(0, analyze("--csv", set.toString(), "--placement", "back", "--tempo", "2-1-2-0", "--report", report.toString()),
                err.toString(StandardCharsets.UTF_8));
        try (var files = Files.list(report.getParent())) {
            assertEquals(List.of(report), files.toList(), "the report and nothing beside it");
        }
        String html = Files.readString(report);
        assertTrue(html.contains("Chart.js v4.6.1") && html.trim().endsWith("</html>"), "whole, with its chart library inside");
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "nothing to fetch from elsewhere");
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(report),
                "readable by whoever it is given to");
    }
}
