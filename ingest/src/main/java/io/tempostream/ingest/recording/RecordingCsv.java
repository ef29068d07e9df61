package io.tempostream.ingest.recording;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The project's recording CSV: header exactly {@code timestamp_ms,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps},
 * lines starting with {@code #} are comments, timestamps in epoch ms and non-decreasing.
 */
public final class RecordingCsv {
    public static final String HEADER = "timestamp_ms,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps";
    private static final String[] COLUMNS = HEADER.split(",");

    private RecordingCsv() {
    }

    public static Recording read(Path file) throws IOException, RecordingFormatException {
        String name = file.toString();
        long[] t = new long[1024];
        float[][] c = new float[6][1024];
        int n = 0;
        boolean headerSeen = false;
        try (CsvLines in = CsvLines.open(file)) {
            String line;
            while ((line = in.next()) != null) {
                int lineNo = in.lineNumber();
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (!headerSeen) {
                    if (!line.strip().equals(HEADER)) {
                        throw new RecordingFormatException(name + ":" + lineNo + ": header must be exactly '" + HEADER
                                + "', got '" + line + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != COLUMNS.length) {
                    throw new RecordingFormatException(name + ":" + lineNo + ": expected " + COLUMNS.length
                            + " columns, got " + cells.length);
                }
                if (n == t.length) {
                    t = Arrays.copyOf(t, n * 2);
                    for (int k = 0; k < 6; k++) {
                        c[k] = Arrays.copyOf(c[k], n * 2);
                    }
                }
                try {
                    t[n] = Long.parseLong(cells[0].strip());
                } catch (NumberFormatException e) {
                    throw RecordingFormatException.at(name, lineNo, COLUMNS[0], cells[0], "must be whole epoch milliseconds");
                }
                if (n > 0 && t[n] < t[n - 1]) {
                    throw RecordingFormatException.at(name, lineNo, COLUMNS[0], cells[0],
                            "must not go back in time (previous " + t[n - 1] + ")");
                }
                for (int k = 0; k < 6; k++) {
                    c[k][n] = parseFinite(name, lineNo, COLUMNS[k + 1], cells[k + 1]);
                }
                n++;
            }
        }
        if (!headerSeen) {
            throw new RecordingFormatException(name + ": empty file, expected header '" + HEADER + "'");
        }
        if (n == 0) {
            throw noSamples(name);
        }
        return new Recording(Arrays.copyOf(t, n), Arrays.copyOf(c[0], n), Arrays.copyOf(c[1], n),
                Arrays.copyOf(c[2], n), Arrays.copyOf(c[3], n), Arrays.copyOf(c[4], n), Arrays.copyOf(c[5], n));
    }

    public static void write(Recording recording, Writer writer, String comment) {
        PrintWriter out = new PrintWriter(writer);
        if (comment != null && !comment.isEmpty()) {
            comment.lines().forEach(l -> out.println("# " + l));
        }
        out.println(HEADER);
        for (int i = 0; i < recording.size(); i++) {
            out.printf(Locale.ROOT, "%d,%.5f,%.5f,%.5f,%.4f,%.4f,%.4f%n", recording.timestampsMs()[i],
                    recording.ax()[i], recording.ay()[i], recording.az()[i],
                    recording.gx()[i], recording.gy()[i], recording.gz()[i]);
        }
        out.flush();
    }

    /** A header and nothing after it: said the same way for both formats. */
    static RecordingFormatException noSamples(String file) {
        return new RecordingFormatException(file + ": no samples after the header");
    }

    static float parseFinite(String file, int line, String column, String cell) throws RecordingFormatException {
        try {
            float value = Float.parseFloat(cell.strip());
            if (Float.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as a non-finite number
        }
        throw RecordingFormatException.at(file, line, column, cell, "must be a finite number");
    }
}
