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
    /** Sequence number of the batch the detector last took, to recognise the next one in order. */
    public long lastSequence = NONE;
    /**
     * When the earliest waiting batch is due (its event-time timer), or NONE when none waits: one
     * timer per device, not one per batch.
     */
    public long releaseAtMs = NONE;
    /** The hold last reported to the live timer, or null. */
    public HoldProgress holdReported;
    /** Start of the rep last reported provisionally, so each is reported once. */
    public long provisionalStartMs = NONE;
    /**
     * The closing (event-time) timer last asked for. It is rounded to the second, so ten batches a
     * second ask for the same one; asking once is enough. (The silence timer follows from
     * {@link #lastArrivalMs}; this one cannot, since released batches do not ask for it.)
     */
    public long closeTimerMs = NONE;

    public DeviceState() {
    }
}
