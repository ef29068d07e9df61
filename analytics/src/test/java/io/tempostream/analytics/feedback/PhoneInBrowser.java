package io.tempostream.analytics.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.tempostream.analytics.HeadlessChromium;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.simulator.SimulatedDevice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the phone page in headless Chromium (deploy/phone/test/browser-set.mjs, puppeteer-core,
 * through {@link HeadlessChromium}) and returns what it showed.
 */
public final class PhoneInBrowser {
    public static final Path PHONE = Path.of("..", "deploy", "phone").toAbsolutePath().normalize();
    private static final Path SCRIPT = PHONE.resolve("test").resolve("browser-set.mjs");

    private PhoneInBrowser() {
    }

    public static void requireBrowser() {
        HeadlessChromium.require(SCRIPT.getParent());
    }

    /** Runs browser-set.mjs with {@code args} (its flags, without --out) and returns its result; its log in target/{@code name}.log. */
    public static JsonNode run(String name, String... args) throws Exception {
        return HeadlessChromium.run(SCRIPT, name, args);
    }

    /**
     * The page sent the set and the job took in at least every sample it sent, by the job's own
     * intake counts in {@code database}'s health measurement. "Sent the set": three quarters of the
     * readings fed, at least; a sensor read at its own rate misses some of the emulated readings,
     * more so on a busy machine (the Generic Sensor API sent 3 934 of about 4 400 in one CI run).
     */
    public static void assertJobTookInEverySampleSent(JsonNode result, String database) {
        long sent = result.path("sent").asLong();
        long fed = result.path("fed").asLong();
        java.util.List<java.util.Map<String, Object>> taken = io.tempostream.analytics.TestServices.query(database,
                "SELECT sum(\"samples\") FROM \"health\" WHERE \"stage\" = 'ingest'");
        long takenIn = ((Number) taken.get(0).get("sum")).longValue();
        org.junit.jupiter.api.Assertions.assertTrue(fed > 4_000 && sent >= fed * 3 / 4,
                "the page sent the set: " + sent + " samples of the " + fed + " readings fed");
        org.junit.jupiter.api.Assertions.assertTrue(takenIn >= sent,
                "the job took in every sample the page sent: " + takenIn + " of " + sent);
    }

    /**
     * A set of 8 dumbbell rows at 3-1-3-0 felt by a phone between the shoulder blades at 60 Hz
     * (rows from the back are found by rotation, which also reports the phase under way), as the
     * file browser-set.mjs plays: every phone test's set, each with its own seed.
     */
    public static Path rowsFromTheBack(String athlete, long seed) throws java.io.IOException {
        Path samples = java.nio.file.Files.createTempFile("phone-set", ".json");
        java.nio.file.Files.writeString(samples, samplesJson(io.tempostream.simulator.ExerciseSimulator.simulate(
                new io.tempostream.simulator.SessionScript(athlete, "phone", io.tempostream.ingest.Placement.BACK, 60, 10, 5_000,
                        List.of(io.tempostream.simulator.SetScript.of(io.tempostream.simulator.Exercise.DUMBBELL_ROW, 8, "3-1-3-0",
                                12_000))), 1_764_000_000_000L, seed)));
        return samples;
    }

    /** The set's samples with times from 0: what the browser's sensors are made to read. */
    public static String samplesJson(SimulatedDevice device) {
        List<String> rows = new ArrayList<>();
        long first = device.batches().get(0).timestampsMs()[0];
        for (ImuBatch b : device.batches()) {
            for (int i = 0; i < b.size(); i++) {
                rows.add(String.format(Locale.ROOT, "[%d,%.5f,%.5f,%.5f,%.4f,%.4f,%.4f]", b.timestampsMs()[i] - first,
                        b.accelXG()[i], b.accelYG()[i], b.accelZG()[i], b.gyroXDps()[i], b.gyroYDps()[i], b.gyroZDps()[i]));
            }
        }
        return "{\"samples\":[" + String.join(",", rows) + "]}";
    }
}
