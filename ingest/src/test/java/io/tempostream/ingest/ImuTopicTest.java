package io.tempostream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImuTopicTest {
    /** A device chooses its topic: what reaches a log line must not forge lines or steer a terminal. */
    @Test
    void whatAClientSentIsLoggedEscapedAndShort() {
        String hostile = "tempostream/a/b\n12:00:00 WARN forged line\r\u001b[31mred\u009b2J\u202eevil\u2028";
        String printed = ImuTopic.abbreviate(hostile);
        assertEquals("tempostream/a/b\\n12:00:00 WARN forged line\\r\\u001b[31mred\\u009b2J\\u202eevil\\u2028", printed);
        assertTrue(printed.chars().allMatch(c -> c >= 0x20 && c < 0x7f), printed);
        String longTopic = "tempostream/" + "x".repeat(200) + "\n/imu";
        String cut = ImuTopic.abbreviate(longTopic);
        assertEquals(81, cut.length(), "80 characters and an ellipsis: " + cut);
        assertFalse(cut.contains("\n"), cut);
    }

    @Test
    void idsAreOneToSixtyFourAsciiLettersDigitsUnderscoresOrHyphens() {
        for (String id : new String[] {"a", "Z", "0", "_", "-", "athlete-7_wrist", "x".repeat(64),
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"}) {
            assertTrue(ImuTopic.isValidId(id), id);
        }
        for (String id : new String[] {null, "", "x".repeat(65), "a b", "a/b", "a+b", "a#", "é", "\u0663", "a.b", "a\u0000",
                "@", "[", "`", "{", ":", "/"}) {
            assertFalse(ImuTopic.isValidId(id), String.valueOf(id));
        }
    }

    @Test
    void parseNamesTheBadPartAndKeepsTheGoodOnes() throws InvalidPayloadException {
        assertEquals(new ImuTopic("athlete-7", "wrist"), ImuTopic.parse("tempostream/athlete-7/wrist/imu"));
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                () -> ImuTopic.parse("tempostream/" + "a".repeat(65) + "/wrist/imu"));
        assertTrue(e.getMessage().contains("athleteId"), e.getMessage());
        IllegalArgumentException constructed = assertThrows(IllegalArgumentException.class, () -> new ImuTopic("ok", "dev ice"));
        assertTrue(constructed.getMessage().contains("deviceId") && constructed.getMessage().contains("dev ice"),
                constructed.getMessage());
    }
}
