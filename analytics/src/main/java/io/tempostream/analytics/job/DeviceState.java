package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.RepDetector;

/**
 * What {@link RepsFromBatches} keeps for one device, apart from the batches waiting for the
 * watermark, in one keyed value. One value means one state access per batch; with a value per
 * field (and a time-to-live wrapper on each) the accesses cost twice what the detector did.
 * Mutable on purpose: the operator changes it in place and writes it back once per batch.
 * Public fields and a no-argument constructor make it a POJO to Flink's serializers.
 */
public final class DeviceState {
    /** "Not yet" for the times and the sequence number below. */
    static final long NONE = Long.MIN_VALUE;

    /** The device's rep detector, made for its placement by its first batch. */
    public RepDetector detector;
    /** The last batches it sent, to skip redeliveries. */
    public RecentBatches recentBatches = new RecentBatches();
    /** When it was last heard from (processing time). */
    public long lastArrivalMs = NONE;
    /**
     * The silence (processing-time) timer last asked for, pending while later than now. One at a
     * time: it asks for the next when it fires, from the last arrival then.
     */
    public long silenceTimerMs = NONE;
    /** Sequence number of the batch the detector last took, to recognise the next one in order. */
    public long lastSequence = NONE;
    /**
     * When the earliest waiting batch is due (its event-time timer), or NONE when none waits: one
     * timer per device, not one per batch.
     */
    public long releaseAtMs = NONE;
    /** The hold last reported to the live timer, or null. */
    public HoldProgress holdReported;
    /** The rep phase last reported to the live view, or null. */
    public PhaseProgress phaseReported;
    /** Start of the rep last reported provisionally, so each is reported once. */
    public long provisionalStartMs = NONE;
    /**
     * The closing (event-time) timer, pending while the watermark is before it; NONE before the
     * first. One per device at a time: when it fires it asks for the next from the last sample
     * then, so a device sending ten batches a second wakes its closing timer once in three seconds.
     */
    public long closeTimerMs = NONE;

    public DeviceState() {
    }
}
