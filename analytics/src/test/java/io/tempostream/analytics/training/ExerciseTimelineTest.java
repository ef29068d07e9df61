package io.tempostream.analytics.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.ingest.ExerciseSelection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which exercise a set is labelled with, however far its selection ran ahead of its reps. */
class ExerciseTimelineTest {
    private static final long T0 = 1_764_000_000_000L;
    private static final long SET_EVERY_MS = 10 * 60_000L;
    private static final AthleteProfile PROFILE = AthleteProfiles.none().forAthlete("a");
    private static final List<String> EXERCISES = List.of("dumbbell-row", "band-face-pull", "prone-y-raise");

    private static String exerciseOf(int set) {
        return EXERCISES.get(set % EXERCISES.size());
    }

    /**
     * A week replayed at full speed: selections take a shorter path through the job than reps, so
     * all of the week's arrive before its first rep is analysed (TrainingProgramIT once wrote a set
     * without its exercise so, when only the last 16 were kept).
     */
    @Test
    void aWeeksSelectionsHeardBeforeItsRepsLabelEverySet() {
        int sets = 40;
        AthleteTraining athlete = new AthleteTraining();
        for (int s = 0; s < sets; s++) {
            athlete.select(new ExerciseSelection("a", "back", T0 + s * SET_EVERY_MS, exerciseOf(s)));
        }
        List<TrainingRecord> out = new ArrayList<>();
        for (int s = 0; s < sets; s++) {
            for (int r = 0; r < 3; r++) {
                long start = T0 + s * SET_EVERY_MS + 5_000 + r * 8_000L;
                athlete.accept(new Rep("a", "back", s + 1, r + 1, start, start + 7_000, 3_000, 1_000, 3_000, 0,
                        60, 0, 80, 3.1, 3.2, ""), PROFILE, out::add);
            }
        }
        List<SetAnalysis> analysed = SimulatedSets.sets(out);
        assertEquals(sets, analysed.size());
        for (int s = 0; s < sets; s++) {
            assertEquals(exerciseOf(s), analysed.get(s).exercise(), "set " + (s + 1));
        }
    }

    @Test
    void selectionsTheRepsHavePassedAreForgottenAndThoseAheadAreBounded() {
        ExerciseTimeline timeline = new ExerciseTimeline();
        for (int i = 0; i < 10; i++) {
            timeline.select(i * 1_000L, "e" + i);
        }
        timeline.forgetBefore(4_500);
        assertEquals(6, timeline.size(), "the one holding at 4.5 s and the five after it");
        assertEquals("e4", timeline.at(4_600));
        assertEquals("e9", timeline.at(60_000));

        int refused = 0;
        for (int i = 0; i < 1_000; i++) {
            refused += timeline.select(100_000L + i, "flood") ? 0 : 1;
        }
        assertEquals(ExerciseTimeline.KEPT, timeline.size(), "a login sending any number keeps a bound");
        assertEquals(1_000 - (ExerciseTimeline.KEPT - 6), refused, "each selection dropped is said to be");
        assertEquals("e5", timeline.at(5_000), "the nearest are kept, the furthest ahead dropped");
        assertFalse(timeline.select(7_500, "correction"), "one nearer than the furthest pushes that one out");
        assertEquals("correction", timeline.at(7_600));
        assertEquals(ExerciseTimeline.KEPT, timeline.size());
    }
}
