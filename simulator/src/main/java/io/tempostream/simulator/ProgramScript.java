package io.tempostream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.Placement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Weeks of training for one athlete and sensor: session scripts on given days of a plan
 * (examples in simulator/programs/).
 * <pre>{@code
 * {"athlete": "athlete-1", "device": "back-1", "placement": "back", "rateHz": 50, "batch": 25,
 *  "planStart": "2026-10-05", "zone": "UTC",
 *  "sessions": [{"day": 0, "at": "18:00", "script": "../sessions/week1-activation.json"},
 *               {"day": 3, "at": "18:00", "script": "../sessions/week1-activation.json"}]}
 * }</pre>
 * {@code day} counts from the plan's first day (0); scripts are found beside the program file.
 * The program's athlete, device, placement, rate and batch size replace the scripts' own.
 */
public record ProgramScript(String athleteId, String deviceId, Placement placement, double sampleRateHz, int batchSize,
        LocalDate planStart, ZoneId zone, List<ScheduledSession> sessions) {

    /** One session of the program: its script, started at {@code startMs}. */
    public record ScheduledSession(long startMs, SessionScript script) {
    }

    public ProgramScript {
        new ImuTopic(athleteId, deviceId);
        sessions = List.copyOf(sessions);
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).startMs() <= sessions.get(i - 1).startMs()) {
                throw new IllegalArgumentException("sessions[" + i + "] must start after sessions[" + (i - 1) + "]");
            }
        }
    }

    public static ProgramScript read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such program: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        try {
            return parse(root, file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    static ProgramScript parse(JsonNode root, Path dir) throws IOException {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a program is a JSON object");
        }
        String athlete = root.path("athlete").asText("athlete-1");
        String device = root.path("device").asText("back-1");
        Placement placement = Placement.fromWireName(root.path("placement").asText("back"));
        double rate = root.path("rateHz").asDouble(50);
        int batch = root.path("batch").asInt(25);
        LocalDate planStart;
        ZoneId zone;
        try {
            planStart = LocalDate.parse(root.path("planStart").asText(""));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("planStart must be a date like 2026-10-05, got " + root.path("planStart"));
        }
        try {
            zone = ZoneId.of(root.path("zone").asText("UTC"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone must be a time zone like Europe/Amsterdam, got " + root.path("zone"));
        }
        JsonNode sessions = root.path("sessions");
        if (!sessions.isArray() || sessions.isEmpty()) {
            throw new IllegalArgumentException("sessions must be an array of at least one session");
        }
        List<ScheduledSession> scheduled = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            JsonNode s = sessions.get(i);
            String where = "sessions[" + i + "]";
            if (!s.path("day").canConvertToInt() || s.path("day").asInt() < 0) {
                throw new IllegalArgumentException(where + ".day must be a whole number of days ≥ 0, got " + s.path("day"));
            }
            LocalTime at;
            try {
                at = LocalTime.parse(s.path("at").asText("18:00"));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(where + ".at must be a time like 18:00, got " + s.path("at"));
            }
            if (!s.path("script").isTextual()) {
                throw new IllegalArgumentException(where + ".script must name a session script, got " + s.path("script"));
            }
            SessionScript script = SessionScript.read(dir.resolve(s.path("script").asText()));
            script = new SessionScript(athlete, device, placement, rate, batch, script.leadInMs(), script.sets());
            long startMs = planStart.plusDays(s.path("day").asInt()).atTime(at).atZone(zone).toInstant().toEpochMilli();
            scheduled.add(new ScheduledSession(startMs, script));
        }
        return new ProgramScript(athlete, device, placement, rate, batch, planStart, zone, scheduled);
    }

    /** The same program for another athlete (tests keep their athletes apart). */
    public ProgramScript forAthlete(String athlete) {
        List<ScheduledSession> renamed = sessions.stream().map(s -> new ScheduledSession(s.startMs(),
                new SessionScript(athlete, deviceId, placement, sampleRateHz, batchSize, s.script().leadInMs(),
                        s.script().sets()))).toList();
        return new ProgramScript(athlete, deviceId, placement, sampleRateHz, batchSize, planStart, zone, renamed);
    }

    /** Sessions {@code from} (inclusive) to {@code to} (exclusive) only. */
    public ProgramScript sessions(int from, int to) {
        return new ProgramScript(athleteId, deviceId, placement, sampleRateHz, batchSize, planStart, zone,
                sessions.subList(from, to));
    }

    /**
     * The whole program as one device: every session's samples, reps (sets numbered on through the
     * program) and exercise selections, in time order.
     */
    public SimulatedDevice simulate(long seed) {
        List<ImuBatch> batches = new ArrayList<>();
        List<RepTruth> reps = new ArrayList<>();
        List<ExerciseSelection> selections = new ArrayList<>();
        int setsBefore = 0;
        long sequence = 0;
        for (int i = 0; i < sessions.size(); i++) {
            SimulatedDevice one = ExerciseSimulator.simulate(sessions.get(i).script(), sessions.get(i).startMs(), seed + i);
            for (ImuBatch b : one.batches()) {
                batches.add(new ImuBatch(b.athleteId(), b.deviceId(), b.placement(), sequence++, b.timestampsMs(),
                        b.accelXG(), b.accelYG(), b.accelZG(), b.gyroXDps(), b.gyroYDps(), b.gyroZDps()));
            }
            int offset = setsBefore;
            one.reps().forEach(r -> reps.add(new RepTruth(r.athleteId(), r.deviceId(), r.exercise(), r.concentricFirst(),
                    r.set() + offset, r.rep(), r.startMs(), r.concentricMs(), r.peakHoldMs(), r.eccentricMs(),
                    r.bottomPauseMs(), r.romDeg())));
            setsBefore += one.reps().stream().mapToInt(RepTruth::set).max().orElse(0);
            selections.addAll(one.selections());
        }
        return new SimulatedDevice(athleteId, deviceId, batches, reps, selections);
    }
}
