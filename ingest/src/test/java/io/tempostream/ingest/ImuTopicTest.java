package io.tempostream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImuTopicTest {
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
