package io.tempostream.ingest.recording;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of a CSV file, numbered, with the mistakes a person makes told in their words: a
 * folder named instead of a file, or a file that is not text (a binary, another encoding). A
 * missing file stays {@link java.nio.file.NoSuchFileException}, which the commands report as such.
 */
final class CsvLines implements AutoCloseable {
    private final String name;
    private final BufferedReader in;
    private int lineNo;

    private CsvLines(String name, BufferedReader in) {
        this.name = name;
        this.in = in;
    }

    static CsvLines open(Path file) throws IOException, RecordingFormatException {
        if (Files.isDirectory(file)) {
            throw new RecordingFormatException(file + " is a folder, expected a CSV file");
        }
        return new CsvLines(file.toString(), Files.newBufferedReader(file)); // UTF-8, refusing bytes that are not
    }

    /** The next line, or null at the end of the file. */
    String next() throws IOException, RecordingFormatException {
        try {
            String line = in.readLine();
            if (line != null) {
                lineNo++;
            }
            return line;
        } catch (CharacterCodingException e) {
            throw new RecordingFormatException(name + ":" + (lineNo + 1) + ": not a text file (bytes that are not UTF-8)"
                    + ", expected a CSV export");
        }
    }

    /** The number of the line {@link #next} returned last (1 for the first). */
    int lineNumber() {
        return lineNo;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
