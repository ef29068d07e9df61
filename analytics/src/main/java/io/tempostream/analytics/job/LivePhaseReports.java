package io.tempostream.analytics.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How often the job writes the phase of each rep under way ({@code live_phase}, {@code run
 * --live-phases}): every second while a phase lasts, so the live view counts it up; only when a
 * phase starts (about half the points; the count stands still in between); or not at all, for
 * an InfluxDB short of room (docs/operations.md).
 */
public enum LivePhaseReports {
    EVERY_SECOND("every-second", 1_000),
    CHANGES("changes", Long.MAX_VALUE),
    OFF("off", -1);

    private final String cliName;
    private final long everyMs;

    LivePhaseReports(String cliName, long everyMs) {
        this.cliName = cliName;
        this.everyMs = everyMs;
    }

    public String cliName() {
        return cliName;
    }

    /** How long a phase may last between two reports of it; negative when phases are not reported. */
    long everyMs() {
        return everyMs;
    }

    static LivePhaseReports fromCliName(String name) {
        return Arrays.stream(values()).filter(r -> r.cliName.equals(name.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--live-phases must be "
                        + Arrays.stream(values()).map(LivePhaseReports::cliName).collect(Collectors.joining(", "))
                        + ", got '" + name + "'"));
    }
}
