package io.tempostream.analytics.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.simulator.SimulatedDevice;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs the phone page in headless Chromium (deploy/phone/test/browser-set.mjs, puppeteer-core) and
 * returns what it showed. Needs node, Chromium and the script's npm packages (.ci/run installs
 * them); without them a test is skipped, except under CI, where it fails.
 */
public final class PhoneInBrowser {
    public static final Path PHONE = Path.of("..", "deploy", "phone").toAbsolutePath().normalize();
    private static final Path SCRIPT = PHONE.resolve("test").resolve("browser-set.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PhoneInBrowser() {
    }

    public static void requireBrowser() {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        boolean ready = new File(chromium).canExecute() && PHONE.resolve("test/node_modules/puppeteer-core").toFile().isDirectory()
                && onPath("node");
        if (!ready && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("the phone page's browser tests need node, " + chromium
                    + " and `npm ci` in deploy/phone/test (.ci/run installs them)");
        }
        assumeTrue(ready, "skipped: needs node, " + chromium + " and `npm ci --prefix deploy/phone/test`");
    }

    /** Runs the script with {@code args} (its flags, without --out) and returns its result; its log in target/{@code name}.log. */
    public static JsonNode run(String name, String... args) throws Exception {
        Path out = Files.createTempFile(name, ".json");
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString(), "--out", out.toString()));
        command.addAll(List.of(args));
        Process browser = new ProcessBuilder(command)
                .directory(SCRIPT.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile())
                .start();
        assertTrue(browser.waitFor(5, TimeUnit.MINUTES), "the browser run ended within 5 minutes");
        assertEquals(0, browser.exitValue(), "browser-set.mjs: see target/" + name + ".log");
        return JSON.readTree(out.toFile());
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
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
