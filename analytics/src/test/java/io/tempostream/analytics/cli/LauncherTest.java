package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tempostream} launcher's decision to build or not, run on a copy of the script in a
 * project laid out like ours, with {@code mvn} and {@code java} on the PATH replaced by scripts that
 * only write down how they were called (the real build takes a minute and would race the build
 * running this test).
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir")).getParent().resolve("tempostream");
    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path project;
    private Path calls;
    private Path jar;

    @BeforeEach
    void layOutAProjectThatWasBuilt() throws IOException {
        Files.copy(LAUNCHER, project.resolve("tempostream"));
        Path bin = Files.createDirectories(project.resolve("fake-bin"));
        calls = project.resolve("calls.log");
        executable(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                echo "mvn $*" >> "%s"
                for a in "$@"; do case "$a" in -Dmdep.outputFile=*) : > "${a#-Dmdep.outputFile=}" ;; esac; done
                """.formatted(calls));
        executable(bin.resolve("java"), """
                #!/usr/bin/env bash
                echo "java $*" >> "%s"
                """.formatted(calls));
        jar = Files.writeString(project.resolve("some-library.jar"), "");
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path source = project.resolve("analytics/src/main/java/Some.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Some {}");
        Files.writeString(Files.createDirectories(project.resolve("analytics/src/test/java")).resolve("SomeTest.java"), "");
        Files.createDirectories(project.resolve("analytics/target/classes"));
        Files.writeString(project.resolve("analytics/target/runtime-classpath.txt"), jar.toString());
        Files.writeString(project.resolve("analytics/target/test-classpath.txt"), jar.toString());
        for (Path old : List.of(project.resolve("pom.xml"), source, project.resolve("analytics/src/test/java/SomeTest.java"))) {
            Files.setLastModifiedTime(old, FileTime.from(LONG_AGO));
        }
    }

    @Test
    void nothingChangedRunsWithoutBuilding() throws Exception {
        assertEquals(0, launch("demo", "--speed", "20"));
        assertEquals(List.of("java"), calledTools());
    }

    @Test
    void aJarOfTheRecordedClasspathThatIsGoneRebuilds() throws Exception {
        Files.delete(jar); // as after cleaning ~/.m2
        launch("demo");
        assertEquals(List.of("mvn", "java"), calledTools());
    }

    @Test
    void aChangedSourceRebuilds() throws Exception {
        Path source = Files.writeString(project.resolve("analytics/src/main/java/Some.java"), "class Some { int changed; }");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(10)));
        launch("analyze", "--help");
        assertEquals(List.of("mvn", "java"), calledTools());
    }

    @Test
    void benchRunsJmhWithoutBuildingWhenNothingChanged() throws Exception {
        launch("bench", "RepDetectorBenchmark", "-f", "1");
        List<String> lines = Files.readAllLines(calls);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("java ") && lines.get(0).endsWith("org.openjdk.jmh.Main RepDetectorBenchmark -f 1"),
                lines.toString());
    }

    @Test
    void benchHelpPrintsItsFlagsAndRunsNothing() throws Exception {
        Path out = project.resolve("out.txt");
        assertEquals(0, launch(out, "bench", "--help"));
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(printed.contains("Usage: tempostream bench") && printed.contains("-wi N"), printed);
        assertEquals(List.of(), calledTools());
    }

    private int launch(String... args) throws Exception {
        return launch(project.resolve("out.txt"), args);
    }

    private int launch(Path output, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", project.resolve("tempostream").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PATH", project.resolve("fake-bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher ended");
        return process.exitValue();
    }

    private List<String> calledTools() throws IOException {
        if (!Files.exists(calls)) {
            return List.of();
        }
        return Files.readAllLines(calls).stream().map(line -> line.split(" ")[0]).distinct().toList();
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
