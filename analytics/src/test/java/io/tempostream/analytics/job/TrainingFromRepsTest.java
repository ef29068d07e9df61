package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.training.AnalysedRep;
import io.tempostream.analytics.training.AthleteProfiles;
import io.tempostream.analytics.training.SessionSummary;
import io.tempostream.analytics.training.SetAnalysis;
import io.tempostream.analytics.training.TrainingRecord;
import io.tempostream.analytics.training.WeekSummary;
import io.tempostream.ingest.ExerciseSelection;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The Flink side of the training analytics: what closes a session, and the exercise joined to reps. */
class TrainingFromRepsTest {
    private static final long T0 = 1_764_000_000_000L;
    private static final long HOUR = 3_600_000L;

    private static KeyedTwoInputStreamOperatorTestHarness<String, Rep, ExerciseSelection, TrainingRecord> harness()
            throws Exception {
        return harness(new TrainingFromReps(AthleteProfiles.none()));
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, Rep, ExerciseSelection, TrainingRecord> harness(
            TrainingFromReps function) throws Exception {
        var harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(function),
                Rep::athleteId, ExerciseSelection::athleteId, Types.STRING);
        // As in the job: the output is the TrainingRecord interface, serialized by its class at run time
        // (left to itself the harness would take the first record's class for every one).
        harness.setup(TypeInformation.of(TrainingRecord.class).createSerializer(new SerializerConfigImpl()));
        return harness;
    }

    /** A set of four 7 s rows from {@code startMs}. */
    private static void rows(KeyedTwoInputStreamOperatorTestHarness<String, Rep, ExerciseSelection, TrainingRecord> h,
            int set, long startMs) throws Exception {
        for (int i = 0; i < 4; i++) {
            long start = startMs + 7_000L * i;
            h.processElement1(new Rep("a", "back", set, i + 1, start, start + 7_000, 3_000, 1_000, 3_000, 0, 8, 0),
                    start + 7_000);
        }
    }

    private static long sessions(List<TrainingRecord> out) {
        return out.stream().filter(r -> r instanceof SessionSummary).count();
    }

    /**
     * A device's login flooding the exercise topic: what runs ahead of its reps is bounded, and
     * each selection dropped is counted in the task's metrics (and logged, every thousandth).
     */
    @Test
    void selectionsFloodingAheadOfTheRepsAreDroppedAndCounted() throws Exception {
        TrainingFromReps function = new TrainingFromReps(AthleteProfiles.none());
        try (var h = harness(function)) {
            h.open();
            for (int i = 0; i < 300; i++) {
                h.processElement2(new ExerciseSelection("a", "back", T0 + 1_000L * i, "face-pull"), T0);
            }
            assertEquals(300 - 256, function.selectionsDropped(), "256 kept ahead of the reps (ExerciseTimeline.KEPT)");
        }
    }

    @Test
    void aSessionEndsTwoHoursAfterItsLastSetInEventTime() throws Exception {
        try (var h = harness()) {
            h.open();
            h.processElement2(new ExerciseSelection("a", "back", T0 - 3_000, "dumbbell-row"), T0 - 3_000);
            rows(h, 1, T0);
            rows(h, 2, T0 + 120_000);
            h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + HOUR));
            assertEquals(0, sessions(h.extractOutputValues()), "an hour after the last set it may go on");
            h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 3 * HOUR));
            List<TrainingRecord> out = h.extractOutputValues();
            assertEquals(1, sessions(out));
            SessionSummary session = (SessionSummary) out.stream().filter(r -> r instanceof SessionSummary).findFirst().orElseThrow();
            assertEquals(2, session.workingSets());
            assertEquals("dumbbell-row", session.exercises());
            assertEquals(1, out.stream().filter(r -> r instanceof WeekSummary).count());
            assertEquals(8, out.stream().filter(r -> r instanceof AnalysedRep).count());
            assertTrue(out.stream().filter(r -> r instanceof AnalysedRep).map(r -> ((AnalysedRep) r).rep().exercise())
                    .allMatch("dumbbell-row"::equals), "every rep carries the selected exercise");
            assertTrue(out.stream().filter(r -> r instanceof SetAnalysis).count() >= 2);
        }
    }

    /**
     * When all of an athlete's sensors go quiet the watermark stops with them; the session still
     * ends after two hours of wall-clock silence.
     */
    @Test
    void aSessionAlsoEndsAfterTwoHoursOfWallClockSilence() throws Exception {
        try (var h = harness()) {
            h.open();
            h.setProcessingTime(0);
            rows(h, 1, T0);
            h.setProcessingTime(HOUR);
            assertEquals(0, sessions(h.extractOutputValues()));
            h.setProcessingTime(2 * HOUR + 2 * 60_000);
            assertEquals(1, sessions(h.extractOutputValues()), "closed by wall-clock silence");
        }
    }

    /**
     * The job is restored from a checkpoint between two sets of a session: the session written
     * afterwards is the one a run without the restore writes (sets, reps, exercise, its week).
     */
    @Test
    void aRestoreMidSessionWritesTheSameSession() throws Exception {
        List<TrainingRecord> clean;
        try (var h = harness()) {
            h.open();
            h.processElement2(new ExerciseSelection("a", "back", T0 - 3_000, "face-pull"), T0 - 3_000);
            rows(h, 1, T0);
            rows(h, 2, T0 + 120_000);
            h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 3 * HOUR));
            clean = h.extractOutputValues();
        }
        List<TrainingRecord> restored = new ArrayList<>();
        org.apache.flink.runtime.checkpoint.OperatorSubtaskState checkpoint;
        try (var h = harness()) {
            h.open();
            h.processElement2(new ExerciseSelection("a", "back", T0 - 3_000, "face-pull"), T0 - 3_000);
            rows(h, 1, T0);
            checkpoint = h.snapshot(1, T0 + 60_000);
            restored.addAll(h.extractOutputValues());
        }
        try (var h = harness()) {
            h.initializeState(checkpoint);
            h.open();
            rows(h, 2, T0 + 120_000);
            h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(T0 + 3 * HOUR));
            restored.addAll(h.extractOutputValues());
        }
        assertEquals(1, sessions(clean));
        assertEquals(clean, restored);
    }

    @Test
    void repsKeepArrivingAndTheWallClockFallbackWaits() throws Exception {
        try (var h = harness()) {
            h.open();
            h.setProcessingTime(0);
            rows(h, 1, T0);
            h.setProcessingTime(HOUR + 50 * 60_000);
            rows(h, 2, T0 + 110 * 60_000); // the athlete trains on: a set 1 h 50 min later
            h.setProcessingTime(2 * HOUR + 2 * 60_000);
            assertEquals(0, sessions(h.extractOutputValues()), "the session goes on: its last set was 12 minutes ago");
        }
    }

    private static Rep row(int set, int rep, long startMs) {
        return new Rep("a", "back", set, rep, startMs, startMs + 7_000, 3_000, 1_000, 3_000, 0, 8, 0);
    }

    private static List<String> repExercises(List<TrainingRecord> out) {
        return out.stream().filter(r -> r instanceof AnalysedRep).map(r -> ((AnalysedRep) r).rep().exercise()).toList();
    }

    /** Opens the harness, face pulls selected 3 s before {@link #T0}, the watermark 1 s past it. */
    private static void facePullsSelectedAndWatermarkPastT0(
            KeyedTwoInputStreamOperatorTestHarness<String, Rep, ExerciseSelection, TrainingRecord> h) throws Exception {
        h.open();
        h.processElement2(new ExerciseSelection("a", "back", T0 - 3_000, "face-pull"), T0 - 3_000);
        h.processBothWatermarks(watermark(T0 + 1_000));
    }

    private static org.apache.flink.streaming.api.watermark.Watermark watermark(long ms) {
        return new org.apache.flink.streaming.api.watermark.Watermark(ms);
    }

    /**
     * Reps come ahead of the watermark and a selection by another path, so the next set's first
     * rep can overtake the selection made for it: it waits until the watermark passes its start
     * and carries that selection. Reps of a set whose exercise is known do not wait.
     */
    @Test
    void aSetsFirstRepWaitsForTheSelectionMadeBeforeIt() throws Exception {
        try (var h = harness()) {
            facePullsSelectedAndWatermarkPastT0(h);
            h.processElement1(row(1, 1, T0), T0 + 7_000);
            h.processElement1(row(1, 2, T0 + 7_000), T0 + 14_000);
            assertEquals(List.of("face-pull", "face-pull"), repExercises(h.extractOutputValues()),
                    "the watermark is past the set's start: analysed at once, and the next rep with it");

            h.processElement1(row(2, 1, T0 + 120_000), T0 + 127_000);
            assertEquals(2, repExercises(h.extractOutputValues()).size(), "the next set's first rep waits");
            h.processElement2(new ExerciseSelection("a", "back", T0 + 117_000, "prone-y-raise"), T0 + 117_000);
            h.processElement1(row(2, 2, T0 + 127_000), T0 + 134_000);
            h.processBothWatermarks(watermark(T0 + 121_000));
            assertEquals(List.of("face-pull", "face-pull", "prone-y-raise", "prone-y-raise"),
                    repExercises(h.extractOutputValues()));
            List<Integer> order = h.extractOutputValues().stream().filter(r -> r instanceof AnalysedRep)
                    .map(r -> ((AnalysedRep) r).rep().rep()).toList();
            assertEquals(List.of(1, 2, 1, 2), order, "the rep behind it waited with it, in order");
        }
    }

    /** A watermark that stalls does not hold a set's first rep for more than a few seconds. */
    @Test
    void aWaitingRepIsAnalysedAfterAFewSecondsWithoutWatermark() throws Exception {
        try (var h = harness()) {
            h.open();
            h.setProcessingTime(0);
            h.processElement2(new ExerciseSelection("a", "back", T0 - 3_000, "face-pull"), T0 - 3_000);
            h.processElement1(row(1, 1, T0), T0 + 7_000);
            h.setProcessingTime(TrainingFromReps.SELECTIONS_WAIT_AT_MOST_MS - 1);
            assertEquals(List.of(), repExercises(h.extractOutputValues()));
            h.setProcessingTime(TrainingFromReps.SELECTIONS_WAIT_AT_MOST_MS);
            assertEquals(List.of("face-pull"), repExercises(h.extractOutputValues()));
        }
    }

    /**
     * Provisional reps travel apart from final ones and can run far ahead of them: one that would
     * have to wait is dropped (its final self follows) rather than hold back earlier final reps.
     */
    @Test
    void aProvisionalRepThatWouldWaitIsDroppedAndHoldsNothingBack() throws Exception {
        try (var h = harness()) {
            facePullsSelectedAndWatermarkPastT0(h);
            h.processElement1(row(3, 1, T0 + 300_000).asProvisional(), T0 + 307_000);
            h.processElement1(row(2, 1, T0 + 120_000), T0 + 127_000);
            h.processBothWatermarks(watermark(T0 + 121_000));
            List<AnalysedRep> reps = h.extractOutputValues().stream().filter(r -> r instanceof AnalysedRep)
                    .map(r -> (AnalysedRep) r).toList();
            assertEquals(List.of(2), reps.stream().map(r -> r.rep().set()).toList(),
                    "set 2's rep, not held behind set 3's provisional one");
        }
    }
}
