package io.tempostream.ingest.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads a MetaWear (MetaMotion) export pair: one accelerometer CSV (g) and one gyroscope CSV
 * (deg/s), each with its own clock ({@code epoch (ms)}, first column; x, y, z in columns 4–6),
 * typically 12.5 Hz and 25 Hz. {@link Resampler} puts both on one clock.
 */
public final class MetaWearCsv {
    private MetaWearCsv() {
    }

    /** One sensor's samples: times and three axes. */
    public record Channel(long[] timestampsMs, float[] x, float[] y, float[] z) {
        public int size() {
            return timestampsMs.length;
        }
    }

    private static final String ACCELEROMETER_UNIT = "(g)";
    private static final String GYROSCOPE_UNIT = "(deg/s)";
    private static final Map<String, String> SENSORS = Map.of(ACCELEROMETER_UNIT, "accelerometer", GYROSCOPE_UNIT, "gyroscope");

    public static Recording read(Path accelerometer, Path gyroscope) throws IOException, RecordingFormatException {
        return Resampler.merge(readChannel(accelerometer, ACCELEROMETER_UNIT), readChannel(gyroscope, GYROSCOPE_UNIT));
    }

    static Channel readChannel(Path file, String unit) throws IOException, RecordingFormatException {
        String name = file.toString();
        long[] t = new long[1024];
        float[][] c = new float[3][1024];
        int n = 0;
        try (CsvLines in = CsvLines.open(file)) {
            String header = in.next();
            String expected = "a MetaWear " + SENSORS.get(unit) + " header 'epoch (ms),…,x-axis " + unit + ",…'";
            if (header == null) {
                throw new RecordingFormatException(name + ": empty file, expected " + expected);
            }
            if (!header.startsWith("epoch (ms),") || !header.contains("x-axis " + unit)) {
                String other = unit.equals(ACCELEROMETER_UNIT) ? GYROSCOPE_UNIT : ACCELEROMETER_UNIT;
                String hint = header.startsWith("epoch (ms),") && header.contains("x-axis " + other)
                        ? " (this is the " + SENSORS.get(other) + " export: are the two files swapped?)" : "";
                throw new RecordingFormatException(name + ":1: expected " + expected + ", got '" + header + "'" + hint);
            }
            String line;
            while ((line = in.next()) != null) {
                int lineNo = in.lineNumber();
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length < 6) {
                    throw new RecordingFormatException(name + ":" + lineNo + ": expected 6 columns, got " + cells.length);
                }
                if (n == t.length) {
                    t = Arrays.copyOf(t, n * 2);
                    for (int k = 0; k < 3; k++) {
                        c[k] = Arrays.copyOf(c[k], n * 2);
                    }
                }
                try {
                    t[n] = Long.parseLong(cells[0].strip());
                } catch (NumberFormatException e) {
                    throw RecordingFormatException.at(name, lineNo, "epoch (ms)", cells[0], "must be whole epoch milliseconds");
                }
                if (n > 0 && t[n] < t[n - 1]) {
                    throw RecordingFormatException.at(name, lineNo, "epoch (ms)", cells[0],
                            "must not go back in time (previous " + t[n - 1] + ")");
                }
                String[] axes = {"x-axis", "y-axis", "z-axis"};
                for (int k = 0; k < 3; k++) {
                    c[k][n] = RecordingCsv.parseFinite(name, lineNo, axes[k] + " " + unit, cells[3 + k]);
                }
                n++;
            }
        }
        if (n == 0) {
            throw RecordingCsv.noSamples(name);
        }
        if (n < 2) {
            throw new RecordingFormatException(name + ": needs at least 2 samples, has " + n);
        }
        return new Channel(Arrays.copyOf(t, n), Arrays.copyOf(c[0], n), Arrays.copyOf(c[1], n), Arrays.copyOf(c[2], n));
    }
}
