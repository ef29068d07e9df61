package io.tempostream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TempoPrescriptionTest {
    @Test
    void parsesStandardNotationInSeconds() {
        TempoPrescription tempo = TempoPrescription.parse("3-1-3-0");
        assertEquals(new TempoPrescription(3000, 1000, 3000, 0), tempo);
        assertEquals(7000, tempo.repDurationMs());
        assertEquals("3-1-3-0", tempo.toString());
        assertEquals(new TempoPrescription(2500, 0, 2000, 500), TempoPrescription.parse("2.5-0-2-0.5"));
    }

    @Test
    void rejectsMalformedTempoNamingIt() {
        for (String bad : new String[] {"3-1-3", "3-1-3-0-1", "a-1-3-0", "-1-1-3-0", "0-1-3-0", "3-1-99-0", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TempoPrescription.parse(bad));
            assertTrue(e.getMessage().contains("tempo") || e.getMessage().contains("concentric"), e.getMessage());
        }
    }
}
