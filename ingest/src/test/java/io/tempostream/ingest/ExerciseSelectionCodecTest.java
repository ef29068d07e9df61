package io.tempostream.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExerciseSelectionCodecTest {
    private static final String TOPIC = "tempostream/athlete-1/wrist-1/exercise";

    @Test
    void roundTrips() throws Exception {
        ExerciseSelection selection = new ExerciseSelection("athlete-1", "wrist-1", 1_764_000_000_000L, "dumbbell-row");
        assertEquals(selection, ExerciseSelectionCodec.decode(TOPIC, ExerciseSelectionCodec.encode(selection)));
        assertEquals(TOPIC, selection.device().exerciseTopic());
        assertTrue(ImuTopic.isExerciseTopic(TOPIC));
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        byte[] json = "{\"v\":1,\"t\":1764000000000,\"exercise\":\"face-pull\",\"app\":\"coach-3\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals("face-pull", ExerciseSelectionCodec.decode(TOPIC, json).exercise());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "tempostream/athlete-1/wrist-1/imu|{\"v\":1,\"t\":1764000000000,\"exercise\":\"row\"}|BAD_TOPIC|topic must be tempostream/{athleteId}/{deviceId}/exercise",
        "tempostream/a b/wrist-1/exercise|{\"v\":1,\"t\":1764000000000,\"exercise\":\"row\"}|BAD_TOPIC|athleteId must match",
        TOPIC + "|{\"v\":2,\"t\":1764000000000,\"exercise\":\"row\"}|UNSUPPORTED_VERSION|v must be 1, got 2",
        TOPIC + "|{\"v\":1,\"exercise\":\"row\"}|MISSING_FIELD|t is missing",
        TOPIC + "|{\"v\":1,\"t\":17640000.5,\"exercise\":\"row\"}|BAD_FIELD|t must be a whole number, got 1.76400005E7",
        TOPIC + "|{\"v\":1,\"t\":1000,\"exercise\":\"row\"}|OUT_OF_RANGE|t must be epoch ms between years 2000 and 2100, got 1000",
        TOPIC + "|{\"v\":1,\"t\":1764000000000}|MISSING_FIELD|exercise is missing",
        TOPIC + "|{\"v\":1,\"t\":1764000000000,\"exercise\":\"Dumbbell Row\"}|BAD_FIELD|exercise must be lower-case words joined by '-' (at most 40 characters, e.g. dumbbell-row), got 'Dumbbell Row'",
        TOPIC + "|{\"v\":1,\"t\":1764000000000,\"exercise\":7}|BAD_FIELD|got '7'",
        TOPIC + "|{\"v\":1,|MALFORMED_JSON|payload is not valid JSON",
        TOPIC + "|[1]|MALFORMED_JSON|payload must be a JSON object",
    })
    void refusesWhatBreaksTheFormatNamingFieldAndValue(String topic, String payload, RejectReason reason, String message) {
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                () -> ExerciseSelectionCodec.decode(topic, payload.getBytes(StandardCharsets.UTF_8)));
        assertEquals(reason, e.reason());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void anEmptyPayloadIsRefused() {
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class,
                () -> ExerciseSelectionCodec.decode(TOPIC, new byte[0]));
        assertEquals(RejectReason.EMPTY, e.reason());
    }
}
