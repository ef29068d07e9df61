package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * `demo --phone` refuses what it cannot use before it starts anything, naming the flag and its
 * value; the simulated demo refuses the phone's flags without --phone.
 */
class PhoneDemoFlagsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--phone-host foo_bar! | --phone-host must be this machine's IPv4 address or host name (letters, digits, hyphens and dots), got 'foo_bar!'",
        "--phone-port 70000 | --phone-port must be between 0 and 65535, got '70000'",
        "--speed 5 | --phone runs no simulator, so --speed means nothing with it; leave it out",
        "--mqtt-url tcp://127.0.0.1:1 | --phone needs the demo's own broker (the page's WebSocket goes to it); leave out --mqtt-url, or serve deploy/phone beside your broker (docs/operations.md, \"The phone page\")",
    })
    void refusesWhatItCannotUse(String flags, String message) {
        String[] args = ("--phone " + flags).split(" ");
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DemoCommand.run(args, out));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void thePhonesFlagsGoWithThePhone() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DemoCommand.run(new String[] {"--minutes", "5"}, out));
        assertEquals("--minutes goes with --phone, which is not given", refused.getMessage());
    }
}
