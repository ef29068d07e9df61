package io.tempostream.analytics.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AthleteProfilesTest {
    private static final String FILE = """
            {"defaultTempo": "2-1-2-0",
             "athletes": [
               {"id": "athlete-1", "planStart": "2026-10-05", "zone": "Europe/Amsterdam",
                "tempo": {"default": "3-1-3-0", "face-pull": "2-2-2-0"}},
               {"id": "athlete-2", "tempo": "4-0-4-0"}]}
            """;

    @Test
    void readsPlanZoneAndTempoPerExercise() {
        AthleteProfiles profiles = AthleteProfiles.parse(FILE);
        AthleteProfile one = profiles.forAthlete("athlete-1");
        assertEquals(LocalDate.of(2026, 10, 5), one.planStart());
        assertEquals(ZoneId.of("Europe/Amsterdam"), one.zone());
        assertEquals("2-2-2-0", one.tempoFor("face-pull").toString());
        assertEquals("3-1-3-0", one.tempoFor("dumbbell-row").toString());
        assertEquals("4-0-4-0", profiles.forAthlete("athlete-2").tempoFor("face-pull").toString());
    }

    @Test
    void anAthleteNobodyConfiguredGetsTheDefaults() {
        AthleteProfile stranger = AthleteProfiles.parse(FILE).forAthlete("someone-else");
        assertNull(stranger.planStart());
        assertEquals(ZoneId.of("UTC"), stranger.zone());
        assertEquals("2-1-2-0", stranger.tempoFor("dumbbell-row").toString());
        assertEquals("3-1-3-0", AthleteProfiles.none().forAthlete("x").tempoFor("x").toString());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"athletes\":[{\"id\":\"a b\"}]}|athletes[0].id must match",
        "{\"athletes\":[{\"id\":\"a\",\"planStart\":\"5 Oct\"}]}|athletes[0].planStart must be a date like 2026-10-05, got \"5 Oct\"",
        "{\"athletes\":[{\"id\":\"a\",\"zone\":\"Mars/Olympus\"}]}|athletes[0].zone must be a time zone",
        "{\"athletes\":[{\"id\":\"a\",\"tempo\":{\"face-pull\":\"3-1-3\"}}]}|athletes[0].tempo.face-pull: tempo must be four seconds values",
        "{\"defaultTempo\":\"fast\"}|defaultTempo: tempo must be four seconds values",
        "{\"athletes\":[{\"id\":\"a\"},{\"id\":\"a\"}]}|athletes[1].id 'a' appears twice",
        "{\"athletes\":{}}|athletes must be an array",
        "[1,2]|must be a JSON object",
        "{\"athletes\":[|not valid JSON",
    })
    void aMistakeIsNamedByFieldAndValue(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AthleteProfiles.parse(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
