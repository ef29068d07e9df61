package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.detect.RepDetector;
import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.ImuBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs one rep detector per device (key: {@code athleteId/deviceId}). A batch that continues its
 * device's sequence (the next sequence number, nothing waiting) goes to the detector at once: that
 * is nearly every batch, and waiting for the watermark would add its tolerance to every rep's
 * feedback. Any other batch (a device's first, one after a gap) waits until the watermark passes
 * it and is then released in event-time order, so batches that arrive out of order within the
 * watermark's tolerance are put back in order; a repeated or older batch is skipped.
 *
 * <p>State per device: the detector (bounded: a ring buffer of samples and a few movements) and the
 * batches waiting for the watermark (bounded by the out-of-orderness tolerance).
 */
public final class RepsFromBatches extends KeyedProcessFunction<String, ImuBatch, Rep> {
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
    /** How far event time is moved on for a silent device: past every detector's closing delay. */
    private static final long CLOSE_SILENT_DEVICE_MS = 60_000;

    /**
     * A device that has sent nothing for a day is gone: its detector, waiting batches and arrival
     * time are dropped, so state stays bounded however many devices come and go. (Its silence
     * closed its reps long before.)
     */
    static final Duration DEVICE_STATE_TTL = Duration.ofHours(24);

    private transient ValueState<RepDetector> detectorState;
    private transient ValueState<Long> lastArrivalMs;
    private transient ListState<ImuBatch> waiting;
    private transient ValueState<RecentBatches> recentBatches;
    /**
     * When the earliest waiting batch is due (its event-time timer): one timer per device, not
     * one per batch. At replay speed hundreds of batches wait per device, and a timer each made
     * every one of them scan and sort the whole list.
     */
    private transient ValueState<Long> releaseAtMs;
    /** The hold last reported to the live timer: its start and how long it had lasted. */
    private transient ValueState<HoldProgress> holdReported;
    /** Start of the rep last reported provisionally, so each is reported once. */
    private transient ValueState<Long> provisionalStartMs;
    /** Sequence number of the batch the detector last took, to recognise the next one in order. */
    private transient ValueState<Long> lastSequence;
    private transient Counter skippedBatches;
    private transient Counter duplicateBatches;
    /**
     * When this instance first heard from its input (processing time), or NOT_YET. Silence counts
     * from here at the earliest: after a restart the broker sends again what the job had not yet
     * checkpointed, and a device must not look silent for the time the job itself was down.
     */
    private transient long listeningSinceMs;
    private static final long NOT_YET = Long.MIN_VALUE;

    @Override
    public void open(OpenContext context) {
        Duration ttl = DEVICE_STATE_TTL;
        detectorState = getRuntimeContext().getState(
                expiring(new ValueStateDescriptor<>("rep-detector", TypeInformation.of(RepDetector.class)), ttl));
        // No time-to-live: batches wait only until the watermark passes them, and a gone device's
        // last ones are used when it does (a TTL wrapper on every element was costly at speed).
        waiting = getRuntimeContext().getListState(
                new ListStateDescriptor<>("batches-waiting-for-watermark", TypeInformation.of(ImuBatch.class)));
        lastArrivalMs = getRuntimeContext().getState(expiring(new ValueStateDescriptor<>("last-arrival-wall-ms", Long.class), ttl));
        recentBatches = getRuntimeContext().getState(
                expiring(new ValueStateDescriptor<>("recent-batches", TypeInformation.of(RecentBatches.class)), ttl));
        releaseAtMs = getRuntimeContext().getState(expiring(new ValueStateDescriptor<>("release-at-ms", Long.class), ttl));
        holdReported = getRuntimeContext().getState(
                expiring(new ValueStateDescriptor<>("hold-reported", TypeInformation.of(HoldProgress.class)), ttl));
        lastSequence = getRuntimeContext().getState(expiring(new ValueStateDescriptor<>("last-sequence", Long.class), ttl));
        provisionalStartMs = getRuntimeContext().getState(
                expiring(new ValueStateDescriptor<>("provisional-rep-start-ms", Long.class), ttl));
        listeningSinceMs = NOT_YET;
        skippedBatches = getRuntimeContext().getMetricGroup().counter("skippedRepeatedOrStaleBatches");
        duplicateBatches = getRuntimeContext().getMetricGroup().counter("duplicateBatches");
    }

    private static <D extends StateDescriptor<?, ?>> D expiring(D descriptor, Duration ttl) {
        return ExpiringState.expiring(descriptor, ttl);
    }

    @Override
    public void processElement(ImuBatch batch, Context ctx, Collector<Rep> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        listening(now);
        lastArrivalMs.update(now);
        // Whole seconds, so a device sending ten batches a second registers one timer per second.
        ctx.timerService().registerProcessingTimeTimer((now + SILENT_DEVICE_AFTER_MS) / 1000 * 1000 + 1000);
        RecentBatches recent = recentBatches.value() == null ? new RecentBatches() : recentBatches.value();
        boolean duplicate = recent.seenBefore(batch);
        recentBatches.update(recent);
        if (duplicate) {
            duplicateBatches.inc(); // redelivered by the broker or resent by the device: used once already
            return;
        }
        RepDetector detector = detector(batch);
        if (batch.lastTimestampMs() <= detector.lastSampleMs()) {
            skippedBatches.inc();
            return;
        }
        Long previous = lastSequence.value();
        boolean nextInSequence = previous != null && batch.sequence() == previous + 1 && releaseAtMs.value() == null;
        if (nextInSequence || batch.lastTimestampMs() <= ctx.timerService().currentWatermark()) {
            // In sequence, or later than the tolerance but still new to this device (e.g. its
            // clock lags others'): there is nothing to put it in order with, so use it now.
            accept(detector, batch, ctx, out);
            afterSamples(detector, ctx);
            return;
        }
        waiting.add(batch);
        Long releaseAt = releaseAtMs.value();
        if (releaseAt == null || batch.lastTimestampMs() < releaseAt) {
            ctx.timerService().registerEventTimeTimer(batch.lastTimestampMs());
            releaseAtMs.update(batch.lastTimestampMs());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Rep> out) throws Exception {
        RepDetector detector = detectorState.value();
        if (detector == null) {
            return;
        }
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            Long arrived = lastArrivalMs.value();
            long heard = lastHeardMs(ctx.timerService().currentProcessingTime());
            if (timestamp - heard >= SILENT_DEVICE_AFTER_MS) {
                closeSilentDevice(detector, out);
            } else if (arrived == null || heard > arrived) {
                // Restored from a checkpoint: the device gets its full silence from the restart on.
                ctx.timerService().registerProcessingTimeTimer(heard + SILENT_DEVICE_AFTER_MS);
            }
            return;
        }
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
                    accept(detector, batch, ctx, out);
                }
            }
            // Those that continue the sequence from here need not wait either; without this, batches
            // that came while the first one waited would keep the device waiting for ever, a
            // watermark's tolerance behind.
            later.sort(Comparator.comparingLong(ImuBatch::sequence));
            Long last = lastSequence.value();
            while (!later.isEmpty() && last != null && later.get(0).sequence() == last + 1
                    && later.get(0).lastTimestampMs() > detector.lastSampleMs()) {
                accept(detector, later.remove(0), ctx, out);
                last = lastSequence.value();
            }
            waiting.update(later);
        }
        if (later.isEmpty()) {
            releaseAtMs.clear();
        } else {
            long next = Long.MAX_VALUE;
            for (ImuBatch batch : later) {
                next = Math.min(next, batch.lastTimestampMs());
            }
            ctx.timerService().registerEventTimeTimer(next);
            releaseAtMs.update(next);
        }
        long lastSample = detector.lastSampleMs();
        if (timestamp > lastSample && !silentOrEnded(ctx)) {
            // Event time has passed this device's data only because others' clocks run ahead (the
            // watermark is shared): that is no silence of its own, so its open rep stays open. Its
            // real silence is a wall-clock matter (the processing-time timer); the end of a
            // bounded input still closes it, at the last possible timer.
            detector.advanceTo(lastSample, out::collect);
            detectorState.update(detector);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
            return;
        }
        detector.advanceTo(timestamp, out::collect);
        detectorState.update(detector);
        // Only a silence timer later than this one: the detector has just been advanced to here,
        // and re-registering a time the watermark has passed fires again at once, for ever.
        if (lastSample != Long.MIN_VALUE && lastSample + CLOSE_AFTER_SILENCE_MS > timestamp) {
            ctx.timerService().registerEventTimeTimer(lastSample + CLOSE_AFTER_SILENCE_MS);
        }
    }

    /** True at the end of a bounded input, or when the device has sent nothing for a while (wall time). */
    private boolean silentOrEnded(OnTimerContext ctx) throws Exception {
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return true;
        }
        long now = ctx.timerService().currentProcessingTime();
        return now - lastHeardMs(now) >= SILENT_DEVICE_AFTER_MS;
    }

    private void listening(long nowMs) {
        if (listeningSinceMs == NOT_YET) {
            listeningSinceMs = nowMs;
        }
    }

    /** When the device was last heard of, as far as this instance can tell (processing time). */
    private long lastHeardMs(long nowMs) throws Exception {
        listening(nowMs);
        Long arrived = lastArrivalMs.value();
        return arrived == null ? listeningSinceMs : Math.max(arrived, listeningSinceMs);
    }

    private void closeSilentDevice(RepDetector detector, Collector<Rep> out) throws Exception {
        List<ImuBatch> waitingBatches = new ArrayList<>();
        waiting.get().forEach(waitingBatches::add);
        waitingBatches.sort(Comparator.comparingLong(ImuBatch::firstTimestampMs));
        for (ImuBatch batch : waitingBatches) {
            if (batch.lastTimestampMs() > detector.lastSampleMs()) {
                detector.accept(batch, out::collect);
                lastSequence.update(batch.sequence());
            }
        }
        waiting.clear();
        releaseAtMs.clear();
        if (detector.lastSampleMs() != Long.MIN_VALUE) {
            detector.advanceTo(detector.lastSampleMs() + CLOSE_SILENT_DEVICE_MS, out::collect);
        }
        detectorState.update(detector);
    }

    private void accept(RepDetector detector, ImuBatch batch, Context ctx, Collector<Rep> out) throws Exception {
        detector.accept(batch, out::collect);
        lastSequence.update(batch.sequence());
        reportHold(detector, batch.athleteId(), batch.deviceId(), ctx);
        Rep pending = detector.pendingRep();
        if (pending != null) {
            Long reported = provisionalStartMs.value();
            if (reported == null || reported != pending.startMs()) {
                ctx.output(PROVISIONAL_REPS, pending);
                provisionalStartMs.update(pending.startMs());
            }
        }
    }

    private RepDetector detector(ImuBatch batch) throws Exception {
        RepDetector detector = detectorState.value();
        if (detector == null) {
            detector = RepDetectors.forPlacement(batch.placement(), batch.athleteId(), batch.deviceId());
            detectorState.update(detector);
        }
        return detector;
    }

    /**
     * Tells the live hold timer how a hold under way is going: when it starts, about once a
     * second while it lasts, and once when it is over.
     */
    private void reportHold(RepDetector detector, String athleteId, String deviceId, Context ctx) throws Exception {
        long since = detector.holdingSinceMs();
        HoldProgress last = holdReported.value();
        if (since != Long.MIN_VALUE) {
            long held = Math.max(0, detector.lastSampleMs() - since);
            if (last == null || last.sinceMs() != since || held - last.heldMs() >= HOLD_REPORT_EVERY_MS) {
                if (last != null && last.sinceMs() != since) {
                    ctx.output(HOLDING, new HoldProgress(athleteId, deviceId, last.sinceMs(), last.heldMs(), false));
                }
                HoldProgress now = new HoldProgress(athleteId, deviceId, since, held, true);
                ctx.output(HOLDING, now);
                holdReported.update(now);
            }
        } else if (last != null) {
            // Over as the next movement got under way, a tenth or two of a second ago.
            long held = Math.max(last.heldMs(), detector.lastSampleMs() - last.sinceMs());
            ctx.output(HOLDING, new HoldProgress(athleteId, deviceId, last.sinceMs(), held, false));
            holdReported.clear();
        }
    }

    /** Keeps the detector in state and asks to be woken when silence would close a pending rep. */
    private void afterSamples(RepDetector detector, Context ctx) throws Exception {
        detectorState.update(detector);
        if (detector.lastSampleMs() != Long.MIN_VALUE) {
            // Rounded up to the second: one timer per device and second, not one per batch.
            long closeAt = detector.lastSampleMs() + CLOSE_AFTER_SILENCE_MS;
            ctx.timerService().registerEventTimeTimer((closeAt + 999) / 1000 * 1000);
        }
    }
}
