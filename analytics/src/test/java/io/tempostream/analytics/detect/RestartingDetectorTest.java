package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tempostream.ingest.recording.Recording;
import io.tempostream.simulator.ProgramScript;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SimulatedDevice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two sessions of the six-week program (week 4, 40 h apart) on one upper-back sensor, strapped on
 * afresh each time with its own gyroscope offset. The engine carried over from the first session
 * lost every set of rows and face pulls of the second (only its squeezes were found); restarted
 * after the silence, it finds them all.
 */
class RestartingDetectorTest {
    private static final Path PROGRAM = Path.of("../simulator/programs/six-weeks.json");

    @Test
    void aSessionAfterLongSilenceIsCountedAsIfTheSensorWereNew() throws Exception {
        ProgramScript program = ProgramScript.read(PROGRAM);
        SimulatedDevice all = program.simulate(42);
        long from = program.sessions().get(7).startMs();
        long to = program.sessions().get(9).startMs();
        Recording twoSessions = all.toRecording().between(from, to);
        List<Rep> found = RepDetectors.forPlacement(program.placement(), "a", "back").detectAll(twoSessions);

        Map<Integer, Long> truth = new TreeMap<>(all.reps().stream().filter(r -> r.startMs() >= from && r.startMs() < to)
                .collect(Collectors.groupingBy(RepTruth::set, Collectors.counting())));
        Map<Integer, Long> perSet = new TreeMap<>(found.stream().collect(Collectors.groupingBy(Rep::set, Collectors.counting())));
        assertEquals(14, truth.size(), "two sessions of seven sets");
        assertEquals(List.copyOf(truth.values()), List.copyOf(perSet.values()), "reps and holds per set: " + perSet);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), List.copyOf(perSet.keySet()),
                "set numbers go on across the restart");
    }
}
