package io.tempostream.analytics.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tempostream.analytics.detect.VerticalTravel;
import io.tempostream.ingest.recording.Recording;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One recording's analysis as a single HTML file a coach opens anywhere, a phone included: the
 * set summary, each rep's phases against the prescribed tempo, tempo score and velocity loss over
 * the set, the signal with every rep marked and the form flags. Self-contained: Chart.js (from
 * npm, vendored in the jar: report/chart-LICENSE.md) and the data are written into the file, so it
 * needs no server and no network, as an email attachment does.
 */
public final class SessionReport {
    /** The vendored chart library's version (report/chart.umd.min.js). */
    static final String CHART_JS_VERSION = "v4.6.1";
    /** Points of the signal drawn: enough for a screen's width several times over, small for a 90-minute session. */
    static final int SIGNAL_POINTS = 4_000;
    /** The traces are smoothed over this much: sensor noise hides the movement at a page's width. */
    static final long SMOOTHING_MS = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SessionReport() {
    }

    /**
     * What the report is about.
     *
     * @param source    the recording's file name(s)
     * @param placement wrist or back
     * @param exercise  the exercise given to the engine, or null when it found it
     * @param tempo     the prescription, e.g. 3-1-3-0, or null
     */
    public record About(String source, String placement, String exercise, String tempo) {
    }

    /**
     * @param analysisJson the recording's analysis as {@code analyze --output json} prints it
     */
    public static String html(About about, String analysisJson, Recording recording) throws IOException {
        ObjectNode data = MAPPER.createObjectNode();
        long first = recording.timestampsMs()[0];
        long last = recording.timestampsMs()[recording.size() - 1];
        ObjectNode aboutNode = data.putObject("about").put("source", about.source()).put("placement", about.placement())
                .put("firstSampleMs", first).put("durationMs", last - first);
        if (about.exercise() != null) {
            aboutNode.put("exercise", about.exercise());
        }
        if (about.tempo() != null) {
            aboutNode.put("tempo", about.tempo());
        }
        data.set("analysis", MAPPER.readTree(analysisJson));
        data.set("signal", signal(recording, SIGNAL_POINTS));
        // Reps found by vertical travel (rows and barbell lifts from the wrist) are shown on the travel the engine read.
        if (data.path("analysis").path("reps").findValue("travelM") != null) {
            data.set("travel", travel(VerticalTravel.of(recording), first, SIGNAL_POINTS));
        }
        // Inside a <script> element the JSON must not close it: "</" is written "<\/", the same string to JSON.
        String json = MAPPER.writeValueAsString(data).replace("</", "<\\/");
        return resource("session.html")
                .replace("__CHART_JS_VERSION__", CHART_JS_VERSION)
                .replace("__CHART_JS__", resource("chart.umd.min.js"))
                .replace("__REPORT_DATA__", json);
    }

    /**
     * Writes {@code html} to {@code file} whole or not at all: into a temporary file beside it,
     * then moved over it.
     */
    public static void write(Path file, String html) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(dir, "." + file.getFileName() + ".", ".partial");
        try {
            Files.writeString(partial, html, StandardCharsets.UTF_8);
            // A temporary file is the owner's only; a report is for sharing.
            if (Files.getFileStore(partial).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(partial, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * What the sensor felt, smoothed over {@link #SMOOTHING_MS} and thinned to about {@code points}
     * points: the angular speed (the length of the gyroscope's reading) and the acceleration less
     * gravity (the accelerometer's length less 1 g); of each bucket the sample of largest size, so
     * no rep's peak is thinned away.
     */
    static ObjectNode signal(Recording r, int points) {
        int n = r.size();
        double[] rotation = new double[n];
        double[] accel = new double[n];
        for (int i = 0; i < n; i++) {
            rotation[i] = Math.sqrt(r.gx()[i] * r.gx()[i] + r.gy()[i] * r.gy()[i] + r.gz()[i] * r.gz()[i]);
            accel[i] = Math.sqrt(r.ax()[i] * r.ax()[i] + r.ay()[i] * r.ay()[i] + r.az()[i] * r.az()[i]) - 1;
        }
        long first = r.timestampsMs()[0];
        double stepMs = n > 1 ? (r.timestampsMs()[n - 1] - first) / (double) (n - 1) : 1;
        int half = (int) Math.round(SMOOTHING_MS / Math.max(stepMs, 1) / 2);
        rotation = movingAverage(rotation, half);
        accel = movingAverage(accel, half);
        ObjectNode signal = MAPPER.createObjectNode();
        ArrayNode t = signal.putArray("t");
        ArrayNode rotationOut = signal.putArray("rotationDps");
        ArrayNode accelOut = signal.putArray("accelG");
        int bucket = Math.max(1, (int) Math.ceil(n / (double) points));
        for (int from = 0; from < n; from += bucket) {
            int to = Math.min(n, from + bucket);
            double maxRotation = 0;
            double accelAtMax = 0;
            for (int i = from; i < to; i++) {
                maxRotation = Math.max(maxRotation, rotation[i]);
                if (Math.abs(accel[i]) > Math.abs(accelAtMax)) {
                    accelAtMax = accel[i];
                }
            }
            t.add(Math.round((r.timestampsMs()[from] - first) / 10.0) / 100.0);
            rotationOut.add(Math.round(maxRotation * 10) / 10.0);
            accelOut.add(Math.round(accelAtMax * 1000) / 1000.0);
        }
        return signal;
    }

    /** The vertical travel, thinned to about {@code points} points (each bucket's first), in seconds from {@code first}. */
    static ObjectNode travel(VerticalTravel.Trace trace, long first, int points) {
        ObjectNode travel = MAPPER.createObjectNode();
        ArrayNode t = travel.putArray("t");
        ArrayNode m = travel.putArray("travelM");
        int n = trace.timesMs().length;
        int bucket = Math.max(1, (int) Math.ceil(n / (double) points));
        for (int i = 0; i < n; i += bucket) {
            t.add(Math.round((trace.timesMs()[i] - first) / 10.0) / 100.0);
            m.add(Math.round(trace.travelM()[i] * 1000) / 1000.0);
        }
        return travel;
    }

    /** The centred moving average over {@code 2 * half + 1} samples (fewer at the ends). */
    private static double[] movingAverage(double[] x, int half) {
        double[] out = new double[x.length];
        double sum = 0;
        int lo = 0;
        int hi = -1;
        for (int i = 0; i < x.length; i++) {
            while (hi < Math.min(x.length - 1, i + half)) {
                sum += x[++hi];
            }
            while (lo < i - half) {
                sum -= x[lo++];
            }
            out[i] = sum / (hi - lo + 1);
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = SessionReport.class.getResourceAsStream("/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("report/" + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
