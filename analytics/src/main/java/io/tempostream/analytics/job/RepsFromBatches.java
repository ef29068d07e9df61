package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.LivePhase;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.ImuBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs one rep detector per device (key: {@code athleteId/deviceId}). A batch that continues its
 * device's sequence (the next sequence number, nothing waiting) goes to the detector at once: that
 * is nearly every batch, and waiting for the watermark would add its tolerance to every rep's
 * feedback. Any other batch (a device's first, one after a gap) waits until the watermark passes
 * it and is then released in event-time order, so batches that arrive out of order within the
 * watermark's tolerance are put back in order; a repeated or older batch is skipped.
 *
 * <p>The device's exercise selections (the {@code exercise} topic, second input) tell its detector
 * what the athlete is doing from when, in sensor time, as {@code analyze --exercise} does for a
 * whole recording; without one the detector finds out from the movement.
 *
 * <p>State per device: the detector (bounded: a ring buffer of samples, a few movements and
 * selections) and the batches waiting for the watermark (bounded by the out-of-orderness tolerance).
 */
public final class RepsFromBatches extends KeyedCoProcessFunction<String, ImuBatch, ExerciseSelection, Rep> {
    /** Holds under way, for the athlete's live hold timer (the {@code holding} measurement). */
    public static final org.apache.flink.util.OutputTag<HoldProgress> HOLDING =
            new org.apache.flink.util.OutputTag<>("holding") { };
    /**
     * Reps reported the moment their eccentric ends, before their bottom pause is known
     * ({@link RepDetector#pendingRep()}), for live feedback; the main output has each rep once, final.
     */
    public static final org.apache.flink.util.OutputTag<Rep> PROVISIONAL_REPS =
            new org.apache.flink.util.OutputTag<>("provisional-reps") { };
    /** A hold under way is reported again once it has lasted this much longer. */
    static final long HOLD_REPORT_EVERY_MS = 1_000;
    /** The phase of the rep under way, for the live tempo view (the {@code live_phase} measurement). */
    public static final org.apache.flink.util.OutputTag<PhaseProgress> LIVE_PHASES =
            new org.apache.flink.util.OutputTag<>("live-phases") { };
    /**
     * After this much event time without samples, pending reps are closed: longer than the
     * rotation detector's longest bottom pause (2 s) and the vertical detector's confirmation
     * delay (2.5 s).
     */
    private static final long CLOSE_AFTER_SILENCE_MS = 3_000;

    /**
     * A device that has sent nothing for this long (wall clock) is finished for now: its waiting
     * batches are used and its open reps closed, as at the end of a recording. Event time alone
     * cannot do this, since a silent device does not move the watermark.
     */
    static final long SILENT_DEVICE_AFTER_MS = 5_000;
    /**
     * A device is silent when this instance hears others and not it, or hears nobody at all for this
     * long. When nobody is heard, the quiet may be the job's, not the devices': a broker outage, or
     * the pipeline held back by a full sink (backpressure suspends input while timers still fire).
     * Closing then would cut the rep under way in two, and the rest of it would arrive too late.
     * Longer than the publishers' wait for a broker that is away (2 min, ReliablePublisher): an
     * outage of a minute, and the reader's reconnect backoff (up to 30 s) after it, lose nothing.
     */
    static final long QUIET_INPUT_CLOSE_AFTER_MS = 150_000;
    /**
     * After the whole input was quiet (an outage), devices come back one by one, each on its own
     * reconnect backoff (Paho's grows to 30 s): for this long after the first is heard again, no
     * device is taken for silent for not being heard yet (issue 19: a 10 s outage lost the rep
     * under way of the athlete heard later).
     */
    static final long RECONNECT_GRACE_MS = 60_000;
    /** How far event time is moved on for a silent device: past every detector's closing delay. */
    private static final long CLOSE_SILENT_DEVICE_MS = 60_000;

    /**
     * A device that has sent nothing for a day is gone: its state is dropped (by a processing-time
     * timer set when its silence closed its reps), so state stays bounded however many devices come
     * and go. A timer, not Flink's state time-to-live: that checks and rewraps every access, and
     * its incremental sweep cost more than the detector at replay speed.
     */
    static final Duration DEVICE_STATE_TTL = Duration.ofHours(24);

    private transient ValueState<DeviceState> deviceState;
    /** Batches waiting for the watermark: only a device's first ones and those after a gap. */
    private transient ListState<ImuBatch> waiting;
    /** Selections of a device not heard from yet: its detector is made, for its placement, by its first batch. */
    private transient ListState<ExerciseSelection> selectionsBeforeFirstBatch;
    private transient Counter skippedBatches;
    private transient Counter duplicateBatches;
    /**
     * When this instance first heard from its input (processing time), or NOT_YET. Silence counts
     * from here at the earliest: after a restart the broker sends again what the job had not yet
     * checkpointed, and a device must not look silent for the time the job itself was down.
     */
    private transient long listeningSinceMs;
    /** When this instance last took in a batch from any device (processing time), or NOT_YET. */
    private transient long lastInputMs;
    /** When input came again after the whole of it was quiet (processing time), or NOT_YET. */
    private transient long resumedMs;
    private static final long NOT_YET = Long.MIN_VALUE;
    /** Selections kept for a device not heard from yet: the newest; a login may send any number. */
    static final int MAX_SELECTIONS_BEFORE_FIRST_BATCH = 4;
    private static final long NONE = DeviceState.NONE;
    private final LivePhaseReports livePhases;

    /** Reports the phase of each rep under way every second while it lasts. */
    public RepsFromBatches() {
        this(LivePhaseReports.EVERY_SECOND);
    }

    public RepsFromBatches(LivePhaseReports livePhases) {
        this.livePhases = livePhases;
    }

    @Override
    public void open(OpenContext context) {
        deviceState = getRuntimeContext().getState(new ValueStateDescriptor<>("device", DeviceState.class));
        waiting = getRuntimeContext().getListState(
                new ListStateDescriptor<>("batches-waiting-for-watermark", TypeInformation.of(ImuBatch.class)));
        selectionsBeforeFirstBatch = getRuntimeContext().getListState(
                new ListStateDescriptor<>("selections-before-first-batch", TypeInformation.of(ExerciseSelection.class)));
        listeningSinceMs = NOT_YET;
        lastInputMs = NOT_YET;
        resumedMs = NOT_YET;
        skippedBatches = getRuntimeContext().getMetricGroup().counter("skippedRepeatedOrStaleBatches");
        duplicateBatches = getRuntimeContext().getMetricGroup().counter("duplicateBatches");
    }

    @Override
    public void processElement1(ImuBatch batch, Context ctx, Collector<Rep> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        listening(now);
        DeviceState device = deviceState.value();
        if (device == null) {
            device = new DeviceState();
            device.detector = RepDetectors.forPlacement(batch.placement(), batch.athleteId(), batch.deviceId());
            for (ExerciseSelection selection : selectionsBeforeFirstBatch.get()) {
                device.detector.select(selection);
            }
            selectionsBeforeFirstBatch.clear();
        }
        if (!silenceTimerPending(device, now)) {
            askForSilenceTimer(device, now + SILENT_DEVICE_AFTER_MS, ctx);
        }
        device.lastArrivalMs = now;
        if (lastInputMs != NOT_YET && now - lastInputMs >= SILENT_DEVICE_AFTER_MS) {
            resumedMs = now;
        }
        lastInputMs = now;
        take(device, batch, ctx, out);
        deviceState.update(device);
    }

    /**
     * The athlete picked an exercise: the detector follows it from the selection's time on. Before
     * the device's first batch there is no detector yet; the last few selections wait for it (for
     * a day at most, like a silent device's state).
     */
    @Override
    public void processElement2(ExerciseSelection selection, Context ctx, Collector<Rep> out) throws Exception {
        DeviceState device = deviceState.value();
        if (device != null) {
            device.detector.select(selection);
            deviceState.update(device);
            return;
        }
        List<ExerciseSelection> early = new ArrayList<>();
        selectionsBeforeFirstBatch.get().forEach(early::add);
        if (early.isEmpty()) {
            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime()
                    + DEVICE_STATE_TTL.toMillis());
        }
        early.add(selection);
        if (early.size() > MAX_SELECTIONS_BEFORE_FIRST_BATCH) {
            early.remove(0);
        }
        selectionsBeforeFirstBatch.update(early);
    }

    /** Batches used once already and sent again: the duplicateBatches metric. */
    long duplicateBatches() {
        return duplicateBatches.getCount();
    }

    /**
     * One silence timer per device at a time: a batch asks for one when none is pending, and when
     * it fires with the device still heard from it asks for the next ({@link #onTimer}), so a device
     * sending ten batches a second wakes it once in five seconds, not once a second.
     */
    private static void askForSilenceTimer(DeviceState device, long atMs, Context ctx) {
        ctx.timerService().registerProcessingTimeTimer(atMs);
        device.silenceTimerMs = atMs;
    }

    /** Whether the silence timer is still to fire. NONE, or 0 from a checkpoint without the field, is not. */
    private static boolean silenceTimerPending(DeviceState device, long nowMs) {
        return device.silenceTimerMs > nowMs;
    }

    private void take(DeviceState device, ImuBatch batch, Context ctx, Collector<Rep> out) throws Exception {
        // With nothing waiting, every batch seen so far went to the detector or was skipped as
        // old, so one that starts after the detector's last sample is new: only the others need
        // looking for among the remembered (a search of 64, 3 % of this operator's time in a profile).
        boolean surelyNew = device.releaseAtMs == NONE && batch.firstTimestampMs() > device.detector.lastSampleMs();
        if (surelyNew) {
            device.recentBatches.remember(batch);
        } else if (device.recentBatches.seenBefore(batch)) {
            duplicateBatches.inc(); // redelivered by the broker or resent by the device: used once already
            return;
        }
        if (batch.lastTimestampMs() <= device.detector.lastSampleMs()) {
            skippedBatches.inc();
            return;
        }
        boolean nextInSequence = device.lastSequence != NONE && batch.sequence() == device.lastSequence + 1
                && device.releaseAtMs == NONE;
        if (nextInSequence || batch.lastTimestampMs() <= ctx.timerService().currentWatermark()) {
            // In sequence, or later than the tolerance but still new to this device (e.g. its
            // clock lags others'): there is nothing to put it in order with, so use it now.
            accept(device, batch, ctx, out);
            askToCloseAfterSilence(device, ctx);
            return;
        }
        waiting.add(batch);
        if (device.releaseAtMs == NONE || batch.lastTimestampMs() < device.releaseAtMs) {
            ctx.timerService().registerEventTimeTimer(batch.lastTimestampMs());
            device.releaseAtMs = batch.lastTimestampMs();
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Rep> out) throws Exception {
        DeviceState device = deviceState.value();
        if (device == null) {
            selectionsBeforeFirstBatch.clear(); // a day has passed without the device's first batch
            return;
        }
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            long now = ctx.timerService().currentProcessingTime();
            long heard = lastHeardMs(device, now);
            if (now - heard >= DEVICE_STATE_TTL.toMillis()) {
                deviceState.clear();
                waiting.clear();
                ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE - 1); // set while others' clocks ran ahead
            } else if (silent(timestamp - heard, now)) {
                closeSilentDevice(device, out);
                deviceState.update(device);
                ctx.timerService().registerProcessingTimeTimer(heard + DEVICE_STATE_TTL.toMillis());
            } else if (!silenceTimerPending(device, now)) {
                // Heard from since this timer was asked for: wait for its silence from then on (after
                // a restore, heard is the restart, so the device gets its full silence from there).
                // Not heard, but nobody else either: look again later.
                boolean quiet = timestamp - heard >= SILENT_DEVICE_AFTER_MS;
                askForSilenceTimer(device, (quiet ? now : heard) + SILENT_DEVICE_AFTER_MS, ctx);
                deviceState.update(device);
            }
            return;
        }
        releaseWaiting(device, timestamp, ctx, out);
        advance(device, timestamp, ctx, out);
        deviceState.update(device);
    }

    /** Gives the detector the waiting batches the watermark has passed, and those that continue them. */
    private void releaseWaiting(DeviceState device, long timestamp, OnTimerContext ctx, Collector<Rep> out) throws Exception {
        RepDetector detector = device.detector;
        List<ImuBatch> ready = new ArrayList<>();
        List<ImuBatch> later = new ArrayList<>();
        for (ImuBatch batch : waiting.get()) {
            (batch.lastTimestampMs() <= timestamp ? ready : later).add(batch);
        }
        if (!ready.isEmpty()) {
            ready.sort(Comparator.comparingLong(ImuBatch::firstTimestampMs));
            for (ImuBatch batch : ready) {
                if (batch.lastTimestampMs() <= detector.lastSampleMs()) {
                    skippedBatches.inc();
                } else {
                    accept(device, batch, ctx, out);
                }
            }
            // Those that continue the sequence from here need not wait either; without this, batches
            // that came while the first one waited would keep the device waiting for ever, a
            // watermark's tolerance behind.
            later.sort(Comparator.comparingLong(ImuBatch::sequence));
            while (!later.isEmpty() && device.lastSequence != NONE && later.get(0).sequence() == device.lastSequence + 1
                    && later.get(0).lastTimestampMs() > detector.lastSampleMs()) {
                accept(device, later.remove(0), ctx, out);
            }
            waiting.update(later);
        }
        if (later.isEmpty()) {
            device.releaseAtMs = NONE;
        } else {
            long next = Long.MAX_VALUE;
            for (ImuBatch batch : later) {
                next = Math.min(next, batch.lastTimestampMs());
            }
            ctx.timerService().registerEventTimeTimer(next);
            device.releaseAtMs = next;
        }
    }

    /** Moves the detector's clock to the timer's time, if the device is silent or its input ended. */
    private void advance(DeviceState device, long timestamp, OnTimerContext ctx, Collector<Rep> out) throws Exception {
        RepDetector detector = device.detector;
        long lastSample = detector.lastSampleMs();
        if (timestamp > lastSample && !silentOrEnded(device, ctx)) {
            // Event time has passed this device's data only because others' clocks run ahead (the
            // watermark is shared): that is no silence of its own, so its open rep stays open. Its
            // real silence is a wall-clock matter (the processing-time timer); the end of a
            // bounded input still closes it, at the last possible timer.
            detector.advanceTo(lastSample, out::collect);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
            return;
        }
        detector.advanceTo(timestamp, out::collect);
        // The closing timer that fired was asked for from an earlier sample: ask for the next from
        // the last one. Only a later time: the detector has just been advanced to here, and a time
        // the watermark has passed fires again at once, for ever.
        if (lastSample != Long.MIN_VALUE && lastSample + CLOSE_AFTER_SILENCE_MS > timestamp
                && !closeTimerPending(device, ctx)) {
            ctx.timerService().registerEventTimeTimer(lastSample + CLOSE_AFTER_SILENCE_MS);
            device.closeTimerMs = lastSample + CLOSE_AFTER_SILENCE_MS;
        }
    }

    /** True at the end of a bounded input, or when the device has sent nothing for a while (wall time). */
    private boolean silentOrEnded(DeviceState device, OnTimerContext ctx) {
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return true;
        }
        long now = ctx.timerService().currentProcessingTime();
        return silent(now - lastHeardMs(device, now), now);
    }

    private void listening(long nowMs) {
        if (listeningSinceMs == NOT_YET) {
            listeningSinceMs = nowMs;
        }
    }

    /**
     * A device quiet for {@code quietMs} is silent if this instance heard others meanwhile (and not
     * just after an outage of the whole input, {@link #RECONNECT_GRACE_MS}), or has heard nobody
     * for {@link #QUIET_INPUT_CLOSE_AFTER_MS}.
     */
    private boolean silent(long quietMs, long nowMs) {
        if (quietMs < SILENT_DEVICE_AFTER_MS) {
            return false;
        }
        long anyoneHeard = Math.max(lastInputMs, listeningSinceMs);
        if (nowMs - anyoneHeard >= QUIET_INPUT_CLOSE_AFTER_MS) {
            return true;
        }
        if (nowMs - anyoneHeard >= SILENT_DEVICE_AFTER_MS) {
            return false; // nobody is heard: the quiet is the input's, not this device's
        }
        return resumedMs == NOT_YET || nowMs - resumedMs >= RECONNECT_GRACE_MS;
    }

    /** When the device was last heard of, as far as this instance can tell (processing time). */
    private long lastHeardMs(DeviceState device, long nowMs) {
        listening(nowMs);
        return Math.max(device.lastArrivalMs, listeningSinceMs);
    }

    private void closeSilentDevice(DeviceState device, Collector<Rep> out) throws Exception {
        RepDetector detector = device.detector;
        List<ImuBatch> waitingBatches = new ArrayList<>();
        waiting.get().forEach(waitingBatches::add);
        waitingBatches.sort(Comparator.comparingLong(ImuBatch::firstTimestampMs));
        for (ImuBatch batch : waitingBatches) {
            if (batch.lastTimestampMs() > detector.lastSampleMs()) {
                detector.accept(batch, out::collect);
                device.lastSequence = batch.sequence();
            }
        }
        waiting.clear();
        device.releaseAtMs = NONE;
        if (detector.lastSampleMs() != Long.MIN_VALUE) {
            detector.advanceTo(detector.lastSampleMs() + CLOSE_SILENT_DEVICE_MS, out::collect);
        }
    }

    private void accept(DeviceState device, ImuBatch batch, Context ctx, Collector<Rep> out) {
        RepDetector detector = device.detector;
        detector.accept(batch, out::collect);
        device.lastSequence = batch.sequence();
        reportHold(device, batch.athleteId(), batch.deviceId(), ctx);
        if (livePhases != LivePhaseReports.OFF) {
            reportPhase(device, batch.athleteId(), batch.deviceId(), livePhases.everyMs(), ctx);
        }
        Rep pending = detector.pendingRep();
        if (pending != null && device.provisionalStartMs != pending.startMs()) {
            ctx.output(PROVISIONAL_REPS, pending);
            device.provisionalStartMs = pending.startMs();
        }
    }

    /**
     * Tells the live hold timer how a hold under way is going: when it starts, about once a
     * second while it lasts, and once when it is over.
     */
    private static void reportHold(DeviceState device, String athleteId, String deviceId, Context ctx) {
        RepDetector detector = device.detector;
        long since = detector.holdingSinceMs();
        HoldProgress last = device.holdReported;
        if (since != Long.MIN_VALUE) {
            long held = Math.max(0, detector.lastSampleMs() - since);
            if (last == null || last.sinceMs() != since || held - last.heldMs() >= HOLD_REPORT_EVERY_MS) {
                if (last != null && last.sinceMs() != since) {
                    ctx.output(HOLDING, new HoldProgress(athleteId, deviceId, last.sinceMs(), last.heldMs(), false));
                }
                HoldProgress now = new HoldProgress(athleteId, deviceId, since, held, true);
                ctx.output(HOLDING, now);
                device.holdReported = now;
            }
        } else if (last != null) {
            // Over as the next movement got under way, a tenth or two of a second ago.
            long held = Math.max(last.heldMs(), detector.lastSampleMs() - last.sinceMs());
            ctx.output(HOLDING, new HoldProgress(athleteId, deviceId, last.sinceMs(), held, false));
            device.holdReported = null;
        }
    }

    /**
     * Tells the live view which phase the rep under way is in: when a phase starts, every
     * {@code everyMs} while it lasts, and once, not active, when the device comes
     * to rest. Reported per batch, so at most a batch (a tenth of a second) behind the samples.
     */
    private static void reportPhase(DeviceState device, String athleteId, String deviceId, long everyMs, Context ctx) {
        LivePhase live = device.detector.livePhase();
        PhaseProgress last = device.phaseReported;
        if (live != null) {
            PhaseProgress now = PhaseProgress.of(athleteId, deviceId, live);
            if (last == null || !last.phase().equals(now.phase()) || last.sinceMs() != now.sinceMs()
                    || now.atMs() - last.atMs() >= everyMs) {
                ctx.output(LIVE_PHASES, now);
                device.phaseReported = now;
            }
        } else if (last != null) {
            ctx.output(LIVE_PHASES, last.ended());
            device.phaseReported = null;
        }
    }

    /**
     * Asks to be woken when silence would close a pending rep, unless a closing timer is pending:
     * that one, when it fires, asks for the next from the last sample ({@link #advance}). One
     * timer per device at a time: when each second asked for its own and each firing for one more,
     * a device sending in sequence had twenty or more pending (RepsFromBatchesTest).
     */
    private static void askToCloseAfterSilence(DeviceState device, Context ctx) {
        if (device.detector.lastSampleMs() == Long.MIN_VALUE || closeTimerPending(device, ctx)) {
            return;
        }
        long closeAt = device.detector.lastSampleMs() + CLOSE_AFTER_SILENCE_MS;
        ctx.timerService().registerEventTimeTimer(closeAt);
        device.closeTimerMs = closeAt;
    }

    /**
     * Whether the closing timer is still to fire. One at or before the watermark has fired (or
     * fires with it), so this needs no clearing when it does, and a checkpoint's value stays true.
     */
    private static boolean closeTimerPending(DeviceState device, Context ctx) {
        return device.closeTimerMs != NONE && device.closeTimerMs > ctx.timerService().currentWatermark();
    }
}
