package io.tempostream.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a node script that drives headless Chromium through puppeteer-core (the browser tests of the
 * phone page and of the session report) and returns the JSON it writes. Needs node, Chromium and
 * the script's npm packages (.ci/run installs them); without them a test is skipped, except under
 * CI, where it fails.
 */
public final class HeadlessChromium {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HeadlessChromium() {
    }

    /** Skips the test (fails it under CI) unless node, Chromium and {@code packageDir}'s npm packages are there. */
    public static void require(Path packageDir) {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        boolean ready = new File(chromium).canExecute() && packageDir.resolve("node_modules/puppeteer-core").toFile().isDirectory()
                && onPath("node");
        if (!ready && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("the browser tests need node, " + chromium + " and `npm ci` in " + packageDir
                    + " (.ci/run installs them)");
        }
        assumeTrue(ready, "skipped: needs node, " + chromium + " and `npm ci --prefix " + packageDir + "`");
    }

    /**
     * Runs {@code script} with {@code args} (its flags, without --out) and returns what it wrote to
     * --out; its log in target/{@code name}.log.
     */
    public static JsonNode run(Path script, String name, String... args) throws Exception {
        Path out = Files.createTempFile(name, ".json");
        List<String> command = new ArrayList<>(List.of("node", script.toString(), "--out", out.toString()));
        command.addAll(List.of(args));
        Process browser = new ProcessBuilder(command)
                .directory(script.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile())
                .start();
        assertTrue(browser.waitFor(5, TimeUnit.MINUTES), "the browser run ended within 5 minutes");
        assertEquals(0, browser.exitValue(), script.getFileName() + ": see target/" + name + ".log");
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
}
