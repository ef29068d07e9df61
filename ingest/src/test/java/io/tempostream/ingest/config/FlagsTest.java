package io.tempostream.ingest.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagsTest {
    @TempDir
    Path dir;

    private static Flags parse(String... args) {
        return Flags.parse(args, Set.of("record-dir"), Set.of());
    }

    @Test
    void anOutputFolderIsMadeWhenMissing() {
        Path wanted = dir.resolve("recordings/today");
        assertEquals(Optional.of(wanted), parse("--record-dir", wanted.toString()).outputDirectory("record-dir"));
        assertTrue(Files.isDirectory(wanted));
        assertEquals(Optional.empty(), parse().outputDirectory("record-dir"));
    }

    @Test
    void aFileWhereAFolderIsWantedIsRefusedNamingTheFlagAndThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--record-dir", file.toString()).outputDirectory("record-dir"));
        assertEquals("--record-dir must name a folder, but '" + file + "' is a file", e.getMessage());
        IllegalArgumentException below = assertThrows(IllegalArgumentException.class,
                () -> parse("--record-dir", file.resolve("sub").toString()).outputDirectory("record-dir"));
        assertEquals("--record-dir '" + file.resolve("sub") + "': " + file + " is a file, not a folder", below.getMessage());
    }

    @Test
    void aSwitchGivenAValueIsRefusedNamingTheSwitchAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Flags.parse(new String[] {"--selected=yes"}, Set.of(), Set.of("selected")));
        assertEquals("--selected takes no value, got 'yes'", e.getMessage());
        assertEquals("unknown flag --selectd",
                assertThrows(IllegalArgumentException.class, () -> Flags.parse(new String[] {"--selectd"}, Set.of(),
                        Set.of("selected"))).getMessage());
    }
}
