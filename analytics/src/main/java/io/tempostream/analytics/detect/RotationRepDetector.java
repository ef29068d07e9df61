package io.tempostream.analytics.detect;

import java.util.function.Consumer;

/**
 * Rep detector for pulls and raises seen from the wrist, from the gyroscope alone: movement
 * segmentation, then concentric/eccentric pairing by the rotation each movement made. Samples must arrive in time order;
 * older or repeated ones are ignored.
 */
public final class RotationRepDetector implements ExerciseEngine {
    private final GyroBias bias;
    private final MovementSegmenter segmenter;
    private final RepAssembler assembler;
    private final SampleClock clock = new SampleClock();
    private long firstSampleMs = Long.MIN_VALUE;
    /** A movement that begins this close to the first sample was under way when it came. */
    private static final long UNDER_WAY_AT_START_MS = 200;
    private transient Consumer<Rep> listenerFor;
    private transient MovementSegmenter.Listener listener;

    public RotationRepDetector(String athleteId, String deviceId) {
        this(athleteId, deviceId, RotationThresholds.WRIST);
    }

    /** Reps start with the concentric until told otherwise ({@link #follow}: squat, bench). */
    public RotationRepDetector(String athleteId, String deviceId, RotationThresholds thresholds) {
        this.bias = new GyroBias(thresholds.offsetAtOnce());
        this.segmenter = new MovementSegmenter(thresholds.onSpeedDps(), thresholds.minRomDeg());
        this.assembler = new RepAssembler(athleteId, deviceId, thresholds.minRomDeg());
    }

    /** Which phase comes first is all an exercise changes here: the movements are the same. */
    @Override
    public void follow(ExerciseHint hint) {
        assembler.concentricFirst(hint == null || hint.concentricFirst());
    }

    @Override
    public void accept(long tMs, double axG, double ayG, double azG, double gxDps, double gyDps, double gzDps,
            Consumer<Rep> out) {
        double dtS = clock.advance(tMs);
        if (dtS == SampleClock.NOT_NEWER) {
            return;
        }
        if (firstSampleMs == Long.MIN_VALUE) {
            firstSampleMs = tMs;
        }
        bias.update(axG, ayG, azG, gxDps, gyDps, gzDps, dtS);
        double gx = gxDps - bias.xDps();
        double gy = gyDps - bias.yDps();
        double gz = gzDps - bias.zDps();
        segmenter.add(tMs, gx, gy, gz, listener(out));
        // Judge timeouts on the segmenter's clock, which lags the samples by its smoothing window.
        assembler.onTime(segmenter.classifiedUpToMs(), segmenter.moving(), out);
    }

    /** The listener for {@code out}, made once per consumer rather than once per sample. */
    private MovementSegmenter.Listener listener(Consumer<Rep> out) {
        if (listenerFor != out) {
            listenerFor = out;
            listener = new MovementSegmenter.Listener() {
                @Override
                public void onset(long startMs, double gxDps, double gyDps, double gzDps) {
                    assembler.onOnset(startMs, gxDps, gyDps, gzDps);
                }

                @Override
                public void movement(Movement movement) {
                    // Under way at the first sample: where it began is unknown, and it may be no
                    // movement at all but an offset not learned yet (2–4 deg/s read as a slow turn).
                    if (movement.startMs() > firstSampleMs + UNDER_WAY_AT_START_MS) {
                        assembler.onMovement(movement, out);
                    }
                }
            };
        }
        return listener;
    }

    @Override
    public void advanceTo(long nowMs, Consumer<Rep> out) {
        // Up to the last sample, time says nothing the samples did not: judge by the segmenter's
        // clock as accept() does, or a rep's end would depend on when the caller asked (the job
        // asks at watermark timers, which a device with a wrong clock can move).
        assembler.onTime(nowMs > clock.lastMs() ? nowMs : segmenter.classifiedUpToMs(), segmenter.moving(), out);
    }

    @Override
    public long lastSampleMs() {
        return clock.lastMs();
    }

    @Override
    public long holdingSinceMs() {
        return segmenter.moving() ? Long.MIN_VALUE : assembler.holdingSinceMs();
    }

    @Override
    public Rep pendingRep() {
        return assembler.pendingRep();
    }

    /**
     * How long the samples showed no movement before the offered rep's way out: since the last
     * movement, or since the first sample (what came before it is unknown). Zero with none on offer.
     */
    long stillBeforePendingRepMs() {
        Rep rep = assembler.pendingRep();
        return rep == null ? 0 : Math.min(assembler.stillBeforePendingRepMs(), rep.startMs() - firstSampleMs);
    }

    /** Whether no movement came between the first sample and the offered rep's way out. */
    boolean stillSinceFirstSampleBeforePendingRep() {
        Rep rep = assembler.pendingRep();
        return rep != null && assembler.stillBeforePendingRepMs() >= rep.startMs() - firstSampleMs;
    }

    /** Whether the way out of the rep after the offered one has begun. */
    boolean nextWayOutUnderWay() {
        return assembler.nextWayOutUnderWay(segmenter.moving());
    }

    @Override
    public LivePhase livePhase() {
        long classified = segmenter.classifiedUpToMs();
        return classified == Long.MIN_VALUE ? null : assembler.livePhase(segmenter.moving(), classified);
    }
}
