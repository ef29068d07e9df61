package io.tempostream.analytics.job;

import static io.tempostream.analytics.TimeAsserts.assertWithinMs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.detect.ExerciseHint;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RepsFromBatchesTest {
    private static final long T0 = 1_764_000_000_000L;

    /** One 10-sample batch of a device lying still, starting at {@code startMs}. */
    private static ImuBatch still(String athlete, long startMs) {
        int n = 10;
        long[] t = new long[n];
        float[] zero = new float[n];
        float[] one = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = startMs + 10L * i;
            one[i] = 1;
        }
        return new ImuBatch(athlete, "wrist", Placement.WRIST, 0, t, zero, zero, one, zero, zero, zero);
    }

    /** The rep operator with its two inputs, batches and selections, keyed as in the job. */
    private static KeyedTwoInputStreamOperatorTestHarness<String, ImuBatch, ExerciseSelection, Rep> harness() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new RepsFromBatches()),
                b -> b.athleteId() + "/" + b.deviceId(), s -> s.athleteId() + "/" + s.deviceId(), Types.STRING);
    }

    /**
     * Opens {@code run} with the selections' input idle, as the job's is between selections: it
     * must not hold the watermark back.
     */
    private static void open(KeyedTwoInputStreamOperatorTestHarness<String, ImuBatch, ExerciseSelection, Rep> run)
            throws Exception {
        run.open();
        run.processWatermarkStatus2(WatermarkStatus.IDLE);
    }

    /**
     * The reps of a run that takes every batch live, one device alone: its silence closes its last
     * rep once nothing was heard for a minute.
     */
    private static List<Rep> uninterrupted(List<ImuBatch> batches) throws Exception {
        try (var run = harness()) {
            open(run);
            long end = feed(run, batches, 0);
            run.setProcessingTime(end + RepsFromBatches.QUIET_INPUT_CLOSE_AFTER_MS + 10_000);
            return run.extractOutputValues();
        }
    }

    /** Feeds batches as they would arrive live, from processing time {@code atMs}; returns the time after. */
    private static long feed(KeyedTwoInputStreamOperatorTestHarness<String, ImuBatch, ExerciseSelection, Rep> harness, List<ImuBatch> batches,
            long atMs) throws Exception {
        long now = atMs;
        for (ImuBatch batch : batches) {
            now += batch.lastTimestampMs() - batch.firstTimestampMs() + 10;
            harness.setProcessingTime(now);
            harness.processElement1(batch, batch.lastTimestampMs());
            harness.processWatermark1(new Watermark(batch.lastTimestampMs() - 500));
        }
        return now;
    }

    /**
     * The job is killed mid-set and restored from its checkpoint a minute later; the broker then
     * sends the rest of the set. The device's silence timer comes due at once on restore, but the
     * device was not silent, the job was away: the reps must be those of a run without the outage.
     */
    @Test
    void aRestoreAfterDowntimeGivesTheRepsOfARunWithoutIt() throws Exception {
        List<ImuBatch> batches = ExerciseSimulator.simulate(new SessionScript("a", "wrist", Placement.WRIST, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.DUMBBELL_ROW, 8, "2-1-2-0", 10_000))), T0, 3).batches();
        List<ImuBatch> before = batches.subList(0, batches.size() / 2);
        List<ImuBatch> after = batches.subList(batches.size() / 2, batches.size());

        List<Rep> clean = uninterrupted(batches);

        List<Rep> restored = new ArrayList<>();
        OperatorSubtaskState checkpoint;
        long killedAt;
        try (var run = harness()) {
            open(run);
            killedAt = feed(run, before, 0);
            checkpoint = run.snapshot(1, killedAt);
            restored.addAll(run.extractOutputValues());
        }
        try (var run = harness()) {
            run.initializeState(checkpoint);
            open(run);
            run.setProcessingTime(killedAt + 60_000); // restarted a minute later: overdue timers fire now
            long end = feed(run, after, killedAt + 60_000);
            run.setProcessingTime(end + RepsFromBatches.QUIET_INPUT_CLOSE_AFTER_MS + 10_000);
            restored.addAll(run.extractOutputValues());
        }

        assertEquals(8, clean.size(), "reps without the outage");
        assertEquals(clean, restored);
    }

    /**
     * The job itself goes quiet mid-set for 30 s (a broker outage, or a full sink holding the
     * pipeline back, which suspends input while timers still fire): no device is heard, so none is
     * taken for silent, and the rep under way is not cut in two. The reps are those of a run
     * without the pause.
     */
    @Test
    void aPauseOfTheWholeInputDoesNotCutTheRepUnderWay() throws Exception {
        List<ImuBatch> batches = ExerciseSimulator.simulate(new SessionScript("a", "wrist", Placement.WRIST, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.DUMBBELL_ROW, 8, "2-1-2-0", 10_000))), T0, 5).batches();
        List<Rep> clean = uninterrupted(batches);
        try (var run = harness()) {
            open(run);
            int half = batches.size() / 2 + 3; // mid-rep, not between reps
            long paused = feed(run, batches.subList(0, half), 0);
            for (long t = paused; t <= paused + 30_000; t += 1_000) {
                run.setProcessingTime(t); // silence timers come due while nothing is taken in
            }
            long end = feed(run, batches.subList(half, batches.size()), paused + 30_000);
            run.setProcessingTime(end + RepsFromBatches.QUIET_INPUT_CLOSE_AFTER_MS + 1_000);
            assertEquals(8, clean.size(), "reps without the pause");
            assertEquals(clean, run.extractOutputValues(), "reps with the whole input paused mid-rep for 30 s");
        }
    }

    /**
     * A broker outage of a minute mid-set, and the job's reader back 30 s after the broker (its
     * reconnect backoff): nothing is heard for 90 s. Then one athlete's sensor is heard again, and
     * the other's only 20 s later (each device reconnects on its own backoff). Neither is taken
     * for silent meanwhile, and both get the reps of a run without the outage (issue 19: a 10 s
     * outage lost the rep under way, 30 of 32).
     */
    @Test
    void afterAnOutageOfTheWholeInputDevicesHeardAgainAtDifferentTimesLoseNoRep() throws Exception {
        List<ImuBatch> a = ExerciseSimulator.simulate(new SessionScript("a", "wrist", Placement.WRIST, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.DUMBBELL_ROW, 8, "2-1-2-0", 10_000))), T0, 5).batches();
        List<ImuBatch> b = ExerciseSimulator.simulate(new SessionScript("b", "wrist", Placement.WRIST, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.DUMBBELL_ROW, 8, "2-1-2-0", 10_000))), T0, 6).batches();
        List<Rep> cleanA = uninterrupted(a);
        List<Rep> cleanB = uninterrupted(b);
        List<ImuBatch> both = new ArrayList<>(a);
        both.addAll(b);
        both.sort(java.util.Comparator.comparingLong(ImuBatch::lastTimestampMs));
        int cut = both.size() / 2 + 5; // mid-rep for both
        List<ImuBatch> restA = both.subList(cut, both.size()).stream().filter(x -> x.athleteId().equals("a")).toList();
        List<ImuBatch> restB = both.subList(cut, both.size()).stream().filter(x -> x.athleteId().equals("b")).toList();
        try (var run = harness()) {
            open(run);
            long paused = feed(run, both.subList(0, cut), 0);
            for (long t = paused; t <= paused + 90_000; t += 1_000) {
                run.setProcessingTime(t); // silence timers come due while nothing is taken in
            }
            // a's backlog first, 20 s of it before b is heard again, then both, as they were sent.
            long resumed = paused + 90_000;
            long bBack = resumed + 20_000;
            int nextA = 0;
            long now = resumed;
            while (now < bBack && nextA < restA.size()) {
                now += 200;
                run.setProcessingTime(now);
                ImuBatch batch = restA.get(nextA++);
                run.processElement1(batch, batch.lastTimestampMs());
            }
            List<ImuBatch> rest = new ArrayList<>(restA.subList(nextA, restA.size()));
            rest.addAll(restB);
            rest.sort(java.util.Comparator.comparingLong(ImuBatch::lastTimestampMs));
            long end = feed(run, rest, Math.max(now, bBack));
            run.setProcessingTime(end + RepsFromBatches.QUIET_INPUT_CLOSE_AFTER_MS + 10_000);
            List<Rep> reps = run.extractOutputValues();

            assertEquals(8, cleanA.size(), "a's reps without the outage");
            assertEquals(8, cleanB.size(), "b's reps without the outage");
            assertEquals(cleanA, reps.stream().filter(r -> r.athleteId().equals("a")).toList(), "a, heard first");
            assertEquals(cleanB, reps.stream().filter(r -> r.athleteId().equals("b")).toList(), "b, heard 20 s later");
        }
    }

    /**
     * The live hold timer: while each 8 s scapular squeeze lasts, its start and a growing length
     * are reported about once a second, then once more as ended, near its true length.
     */
    @Test
    void holdsUnderWayAreReportedAsTheyGrowAndWhenTheyEnd() throws Exception {
        var device = ExerciseSimulator.simulate(new SessionScript("a", "back", Placement.BACK, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.SCAPULAR_SQUEEZE, 3, "1-8-1-2", 10_000))), T0, 1);
        List<HoldProgress> progress = new ArrayList<>();
        try (var run = harness()) {
            open(run);
            feed(run, device.batches(), 0);
            run.getSideOutput(RepsFromBatches.HOLDING).forEach(r -> progress.add(r.getValue()));
        }
        List<HoldProgress> ended = progress.stream().filter(p -> !p.active()).toList();
        assertEquals(3, ended.size(), "one end per squeeze: " + ended);
        for (int i = 0; i < 3; i++) {
            var truth = device.reps().get(i);
            HoldProgress end = ended.get(i);
            assertWithinMs(truth.startMs() + truth.concentricMs(), end.sinceMs(), 300, "start of squeeze " + (i + 1));
            assertEquals(truth.peakHoldMs(), end.heldMs(), 500, "length of squeeze " + (i + 1));
            long since = end.sinceMs();
            List<Long> growing = progress.stream().filter(p -> p.active() && p.sinceMs() == since).map(HoldProgress::heldMs).toList();
            assertTrue(growing.size() >= 6, "reported about once a second while held: " + growing);
            for (int k = 1; k < growing.size(); k++) {
                assertTrue(growing.get(k) > growing.get(k - 1), "growing: " + growing);
            }
        }
    }

    private static List<ImuBatch> backRows() {
        return ExerciseSimulator.simulate(new SessionScript("a", "back", Placement.BACK, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.DUMBBELL_ROW, 6, "2-1-2-0", 10_000))), T0, 5).batches();
    }

    /**
     * Live feedback: a device's batches that follow each other by sequence number reach the
     * detector as they arrive. The watermark trails the newest batch by the job's 500 ms
     * tolerance, as in the job; only the device's first batch waits for it. Each rep is offered,
     * provisional, within a second of sensor time after its way back ended (the tolerance is not
     * added). Its final self follows once the next rep's way out is complete, whose measured start
     * ends its bottom pause: within that way out (2 s here) and a second; the set's last rep waits
     * the detector's 3 s for a bottom pause that does not come, and the next batch.
     */
    @Test
    void batchesInSequenceGiveRepsWithoutWaitingForTheWatermark() throws Exception {
        List<ImuBatch> batches = backRows();
        try (var run = harness()) {
            open(run);
            int[] seen = {0, 0};
            feedLive(run, batches, 200, (batch, now) -> {
                List<Rep> reps = run.extractOutputValues();
                for (Rep rep : reps.subList(seen[0], reps.size())) {
                    assertTrue(batch.lastTimestampMs() - rep.endMs() <= 4_000,
                            "rep " + rep.rep() + " final " + (batch.lastTimestampMs() - rep.endMs()) + " ms after its end");
                }
                seen[0] = reps.size();
                List<Rep> offered = new ArrayList<>();
                var side = run.getSideOutput(RepsFromBatches.PROVISIONAL_REPS);
                if (side != null) {
                    side.forEach(r -> offered.add(r.getValue()));
                }
                for (Rep rep : offered.subList(seen[1], offered.size())) {
                    assertTrue(batch.lastTimestampMs() - rep.endMs() <= 1_000,
                            "rep " + rep.rep() + " offered " + (batch.lastTimestampMs() - rep.endMs()) + " ms after its way back ended");
                }
                seen[1] = offered.size();
            });
            List<Rep> reps = run.extractOutputValues();
            assertEquals(6, reps.size(), "reps");
            // Each rep was also offered as its eccentric ended, once, before its pause was known.
            List<Rep> provisional = new ArrayList<>();
            run.getSideOutput(RepsFromBatches.PROVISIONAL_REPS).forEach(r -> provisional.add(r.getValue()));
            assertEquals(reps.stream().map(Rep::startMs).toList(), provisional.stream().map(Rep::startMs).toList(),
                    "one provisional rep per rep");
            assertTrue(provisional.stream().allMatch(Rep::provisional));
        }
    }

    /**
     * A device sending in sequence keeps one closing timer and one silence timer pending, not one
     * per second of its data (23 pending at once before), and still gives every rep.
     */
    @Test
    void aDeviceSendingInSequenceKeepsOneTimerOfEachKind() throws Exception {
        List<ImuBatch> batches = backRows();
        try (var run = harness()) {
            open(run);
            int[] most = {0, 0}; // event-time, processing-time timers pending at once
            feedLive(run, batches, 100, (batch, now) -> {
                if (now > 1_000) { // after the first batch, which waited for the watermark
                    most[0] = Math.max(most[0], run.numEventTimeTimers());
                }
                most[1] = Math.max(most[1], run.numProcessingTimeTimers());
            });
            assertEquals(1, most[0], "event-time timers pending at once");
            assertEquals(1, most[1], "processing-time timers pending at once");
            assertEquals(6, run.extractOutputValues().size(), "reps");
        }
    }

    /** Batches swapped in transit wait for the watermark and are put back in order: the same reps as in order. */
    @Test
    void swappedBatchesGiveTheRepsOfTheBatchesInOrder() throws Exception {
        List<ImuBatch> inOrder = backRows();
        List<ImuBatch> swapped = new ArrayList<>(inOrder);
        for (int i = 7; i + 1 < swapped.size(); i += 23) {
            swapped.set(i, inOrder.get(i + 1));
            swapped.set(i + 1, inOrder.get(i));
        }
        List<Rep> reps = repsWithTheJobsWatermark(inOrder, 200);
        assertEquals(6, reps.size(), "reps in order");
        assertEquals(reps, repsWithTheJobsWatermark(swapped, 200));
    }

    /** A back squat set at 1-0-3-0 (1 s up, 3 s down): the sensor alone cannot tell which way is down. */
    private static SimulatedDevice backSquats() {
        return ExerciseSimulator.simulate(new SessionScript("a", "back", Placement.BACK, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.SQUAT, 8, "1-0-3-0", 10_000))), T0, 2);
    }

    /**
     * Feeds {@code device} live, sending each of {@code selections} just before the first batch
     * that reaches its time, as the app and the simulator's publisher do; then the end of input.
     */
    private static List<Rep> repsWithSelections(SimulatedDevice device, List<ExerciseSelection> selections)
            throws Exception {
        try (var run = harness()) {
            open(run);
            List<ExerciseSelection> toSend = new ArrayList<>(selections);
            feedLive(run, device.batches(), 100, (batch, now) -> { }, batch -> {
                while (!toSend.isEmpty() && toSend.get(0).fromMs() <= batch.lastTimestampMs()) {
                    run.processElement2(toSend.remove(0), batch.lastTimestampMs());
                }
            });
            run.processWatermark1(new Watermark(Long.MAX_VALUE));
            return run.extractOutputValues();
        }
    }

    /** Mean absolute error of the reps' concentric and eccentric against the truth (ms). */
    private static double movingPhaseErrorMs(List<Rep> reps, SimulatedDevice device) {
        assertEquals(device.reps().size(), reps.size(), "reps: " + reps);
        double sum = 0;
        for (int i = 0; i < reps.size(); i++) {
            sum += Math.abs(reps.get(i).concentricMs() - device.reps().get(i).concentricMs())
                    + Math.abs(reps.get(i).eccentricMs() - device.reps().get(i).eccentricMs());
        }
        return sum / (2 * reps.size());
    }

    /**
     * Issue 18, item 5: the athlete's selection on the exercise topic steers the live detector as
     * {@code analyze --exercise} does. A squat starts with the eccentric; without the selection the
     * back sensor reads each rep concentric first, the 3 s descent as the concentric. Selected 4 s
     * before the set, the job's reps are those of the hinted offline analysis, phases in place.
     */
    @Test
    void theSelectedExerciseSteersTheDetectorAsAnalyzeDoes() throws Exception {
        SimulatedDevice device = backSquats();
        assertEquals(1, device.selections().size());
        assertEquals("squat", device.selections().get(0).exercise());

        List<Rep> selected = repsWithSelections(device, device.selections());
        List<Rep> unselected = repsWithSelections(device, List.of());

        List<Rep> analysed = RepDetectors.forPlacement(Placement.BACK, Optional.of(ExerciseHint.SQUAT), "a", "back")
                .detectAll(device.toRecording());
        assertEquals(analysed, selected, "the job's reps with the selection against analyze --exercise squat");
        assertTrue(movingPhaseErrorMs(selected, device) < 150,
                "with the selection, phase error " + movingPhaseErrorMs(selected, device) + " ms");
        assertTrue(movingPhaseErrorMs(unselected, device) > 1_000,
                "without it the descent is read as the concentric: " + movingPhaseErrorMs(unselected, device) + " ms");
    }

    /**
     * The app may say what comes before the sensor has sent anything: the selection waits for the
     * device's first batch. A name the engine does not know (a curl) narrows nothing.
     */
    @Test
    void aSelectionBeforeTheDevicesFirstBatchIsKeptAndAnUnknownOneNarrowsNothing() throws Exception {
        SimulatedDevice device = backSquats();
        ExerciseSelection squat = device.selections().get(0);
        ExerciseSelection early = new ExerciseSelection("a", "back", T0 - 60_000, "squat");
        ExerciseSelection curl = new ExerciseSelection("a", "back", squat.fromMs(), "curl");
        List<Rep> selectedAtTheSet = repsWithSelections(device, device.selections());

        try (var run = harness()) {
            open(run);
            run.processElement2(early, early.fromMs());
            feedLive(run, device.batches(), 100, (batch, now) -> { });
            run.processWatermark1(new Watermark(Long.MAX_VALUE));
            assertEquals(selectedAtTheSet, run.extractOutputValues(), "selected a minute before the first batch");
        }
        assertEquals(repsWithSelections(device, List.of()), repsWithSelections(device, List.of(curl)),
                "an exercise the engine does not know");
    }

    /** Selections for a device that never sends a batch are dropped after a day, like a silent device's state. */
    @Test
    void selectionsOfADeviceNeverHeardFromLeaveNoStateAfterADay() throws Exception {
        try (var run = harness()) {
            open(run);
            run.setProcessingTime(0);
            for (int i = 0; i < 10; i++) {
                run.processElement2(new ExerciseSelection("a", "ghost", T0 + i, "squat"), T0 + i);
            }
            assertTrue(run.numKeyedStateEntries() > 0, "kept while the device may still come");
            run.setProcessingTime(RepsFromBatches.DEVICE_STATE_TTL.toMillis() + 1);
            assertEquals(0, run.numKeyedStateEntries(), "state left a day later");
        }
    }

    /**
     * A broker's redeliveries (QoS 1): batches sent again at once, and sent again while they wait
     * to be put back in order after a swap, are used once and counted as duplicates.
     */
    @Test
    void redeliveredBatchesAreUsedOnceAndCounted() throws Exception {
        List<ImuBatch> inOrder = backRows();
        List<ImuBatch> sent = new ArrayList<>();
        int redelivered = 0;
        for (int i = 0; i < inOrder.size(); i++) {
            ImuBatch batch = inOrder.get(i);
            if (i % 23 == 7 && i + 1 < inOrder.size()) {
                ImuBatch next = inOrder.get(++i);
                sent.addAll(List.of(next, batch, next)); // swapped, then the waiting one again
                redelivered++;
            } else {
                sent.add(batch);
                if (i % 10 == 3) {
                    sent.add(batch);
                    redelivered++;
                }
            }
        }
        try (var run = harness()) {
            open(run);
            feedWithTheJobsWatermark(run, sent, 200);
            assertEquals(repsWithTheJobsWatermark(inOrder, 200), run.extractOutputValues());
            RepsFromBatches operator = (RepsFromBatches) ((KeyedCoProcessOperator<?, ?, ?, ?>) run.getOperator()).getUserFunction();
            assertEquals(redelivered, operator.duplicateBatches(), "batches counted as duplicates");
        }
    }

    /** The reps of {@link #feedWithTheJobsWatermark} on a fresh operator. */
    private static List<Rep> repsWithTheJobsWatermark(List<ImuBatch> batches, long everyMs) throws Exception {
        try (var run = harness()) {
            open(run);
            feedWithTheJobsWatermark(run, batches, everyMs);
            return run.extractOutputValues();
        }
    }

    /** {@link #feedLive}, then the end of the input. */
    private static void feedWithTheJobsWatermark(KeyedTwoInputStreamOperatorTestHarness<String, ImuBatch, ExerciseSelection, Rep> run,
            List<ImuBatch> batches, long everyMs) throws Exception {
        feedLive(run, batches, everyMs, (batch, now) -> { });
        run.processWatermark1(new Watermark(Long.MAX_VALUE));
    }

    /** What a test looks at once a batch is in and the watermark has followed it. */
    private interface AfterBatch {
        void check(ImuBatch batch, long nowMs) throws Exception;
    }

    /**
     * Feeds batches one every {@code everyMs} of processing time, each followed by the job's
     * watermark (newest sample − 500 ms; it never goes back).
     */
    private static void feedLive(KeyedTwoInputStreamOperatorTestHarness<String, ImuBatch, ExerciseSelection, Rep> run, List<ImuBatch> batches,
            long everyMs, AfterBatch after) throws Exception {
        feedLive(run, batches, everyMs, after, batch -> { });
    }

    /** What a test sends before a batch (a selection). */
    private interface BeforeBatch {
        void send(ImuBatch batch) throws Exception;
    }

    private static void feedLive(KeyedTwoInputStreamOperatorTestHarness<String, ImuBatch, ExerciseSelection, Rep> run, List<ImuBatch> batches,
            long everyMs, AfterBatch after, BeforeBatch before) throws Exception {
        long now = 0;
        long watermark = Long.MIN_VALUE;
        for (ImuBatch batch : batches) {
            now += everyMs;
            run.setProcessingTime(now);
            before.send(batch);
            run.processElement1(batch, batch.lastTimestampMs());
            watermark = Math.max(watermark, batch.lastTimestampMs() - 500);
            run.processWatermark1(new Watermark(watermark));
            after.check(batch, now);
        }
    }

    private static ImuBatch shifted(ImuBatch b, long byMs) {
        long[] t = b.timestampsMs().clone();
        for (int i = 0; i < t.length; i++) {
            t[i] += byMs;
        }
        return new ImuBatch(b.athleteId(), b.deviceId(), b.placement(), b.sequence(), t, b.accelXG(), b.accelYG(),
                b.accelZG(), b.gyroXDps(), b.gyroYDps(), b.gyroZDps());
    }

    /**
     * As docs/operations.md says: a device whose clock jumps back sends batches older than what it
     * already sent; they are skipped (counted), nothing breaks, and reps resume once its samples
     * are newer again.
     */
    @Test
    void aDeviceClockJumpingBackSkipsItsOlderBatchesAndRepsResumeAfter() throws Exception {
        List<ImuBatch> set = ExerciseSimulator.simulate(new SessionScript("a", "wrist", Placement.WRIST, 50, 10, 5_000,
                List.of(SetScript.of(Exercise.DUMBBELL_ROW, 8, "2-1-2-0", 10_000))), T0, 3).batches();
        long hour = 3_600_000;
        long setMs = set.get(set.size() - 1).lastTimestampMs() - T0;
        List<ImuBatch> sent = new ArrayList<>(set);
        set.forEach(b -> sent.add(shifted(b, -hour))); // the same set again, an hour in the past
        set.forEach(b -> sent.add(shifted(b, setMs + 60_000))); // and again a minute after the first

        List<Rep> reps = repsWithTheJobsWatermark(sent, 50);

        assertEquals(16, reps.size(), "the first and the third set count; the one from the past is skipped: " + reps);
        assertTrue(reps.stream().allMatch(r -> r.startMs() >= T0), "no rep from the batches an hour back");
    }

    @Test
    void aDeviceSilentForADayLeavesNoState() throws Exception {
        try (var harness = harness()) {
            open(harness);
            harness.setProcessingTime(0);
            harness.setStateTtlProcessingTime(0);
            harness.processElement1(still("gone", T0), T0 + 90);
            harness.processWatermark1(new Watermark(T0 + 100));
            int withTheDevice = harness.numKeyedStateEntries();
            assertTrue(withTheDevice > 0, "the device has state while it is active");

            // A day and a bit later another device trains; expired state is swept as it does.
            harness.setProcessingTime(RepsFromBatches.DEVICE_STATE_TTL.toMillis() + 60_000);
            harness.setStateTtlProcessingTime(RepsFromBatches.DEVICE_STATE_TTL.toMillis() + 60_000);
            for (int i = 0; i < 20; i++) {
                harness.processElement1(still("active", T0 + 100_000 + 100L * i), T0 + 100_090 + 100L * i);
            }
            harness.processWatermark1(new Watermark(T0 + 110_000));

            assertEquals(withTheDevice, harness.numKeyedStateEntries(),
                    "only the active device's entries remain (as many as the gone one had)");
        }
    }
}
