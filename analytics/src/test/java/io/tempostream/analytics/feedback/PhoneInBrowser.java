package io.tempostream.analytics.feedback;

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
 * Runs the phone page in headless Chromium (deploy/phone/test/browser-set.mjs, puppeteer-core) and
 * returns what it showed. Needs node, Chromium and the script's npm packages (.ci/run installs
 * them); without them a test is skipped, except under CI, where it fails.
 */
final class PhoneInBrowser {
    static final Path PHONE = Path.of("..", "deploy", "phone").toAbsolutePath().normalize();
    private static final Path SCRIPT = PHONE.resolve("test").resolve("browser-set.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PhoneInBrowser() {
    }

    static void requireBrowser() {
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
    static JsonNode run(String name, String... args) throws Exception {
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
}
