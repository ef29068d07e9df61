package io.tempostream.ingest.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingCsvTest {
    @TempDir
    Path dir;

    @Test
    void writtenRecordingReadsBackWithComments() throws Exception {
        Recording original = new Recording(new long[] {1_764_000_000_000L, 1_764_000_000_010L},
                new float[] {0.01f, 0.02f}, new float[] {-0.5f, 0.25f}, new float[] {0.98f, 1.0f},
                new float[] {1.5f, -2.25f}, new float[] {0f, 10f}, new float[] {-100.5f, 3f});
        StringWriter text = new StringWriter();
        RecordingCsv.write(original, text, "simulated row\nseed 42");
        Path file = Files.writeString(dir.resolve("r.csv"), text.toString());

        Recording read = RecordingCsv.read(file);
        assertArrayEquals(original.timestampsMs(), read.timestampsMs());
        assertArrayEquals(original.ay(), read.ay());
        assertArrayEquals(original.gz(), read.gz());
    }

    @Test
    void errorsNameLineColumnAndValue() throws Exception {
        assertError("timestamp_ms,ax,ay\n", ":1: header must be exactly");
        assertError(RecordingCsv.HEADER + "\n1764000000000,0,0,1,0,0,0\n1764000000010,0,abc,1,0,0,0\n",
                ":3: column ay_g must be a finite number, got 'abc'");
        assertError("# comment\n" + RecordingCsv.HEADER + "\n1764000000000,0,0,1,0,0,NaN\n",
                ":3: column gz_dps must be a finite number, got 'NaN'");
        assertError(RecordingCsv.HEADER + "\n1764000000010,0,0,1,0,0,0\n1764000000000,0,0,1,0,0,0\n",
                ":3: column timestamp_ms must not go back in time (previous 1764000000010), got '1764000000000'");
        assertError(RecordingCsv.HEADER + "\n1764000000010,0,0,1,0,0\n", ":2: expected 7 columns, got 6");
        assertError(RecordingCsv.HEADER + "\n17640.5,0,0,1,0,0,0\n", ":2: column timestamp_ms must be whole epoch milliseconds");
        assertError("", "empty file");
    }

    private void assertError(String content, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), content);
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingCsv.read(file));
        assertEquals(true, e.getMessage().contains(expected), "'" + e.getMessage() + "' should contain '" + expected + "'");
    }
}
