package io.tempostream.analytics.detect;

import java.util.function.Consumer;

/**
 * First rep detector for a wrist sensor, from the gyroscope alone: dominant rotation axis,
 * movement segmentation, then concentric/eccentric pairing. Samples must arrive in time order;
 * older or repeated ones are ignored.
 */
public final class WristRepDetector implements RepDetector {
    private final DominantAxis axis = new DominantAxis();
    private final MovementSegmenter segmenter = new MovementSegmenter();
    private final RepAssembler assembler;
    private long lastSampleMs = Long.MIN_VALUE;

    public WristRepDetector(String athleteId, String deviceId) {
        this.assembler = new RepAssembler(athleteId, deviceId);
    }

    @Override
    public void accept(long tMs, double axG, double ayG, double azG, double gxDps, double gyDps, double gzDps,
            Consumer<Rep> out) {
        if (tMs <= lastSampleMs) {
            return;
        }
        double dtS = lastSampleMs == Long.MIN_VALUE ? 0 : (tMs - lastSampleMs) / 1000.0;
        lastSampleMs = tMs;
        axis.update(gxDps, gyDps, gzDps, dtS);
        double speed = Math.sqrt(gxDps * gxDps + gyDps * gyDps + gzDps * gzDps);
        segmenter.add(tMs, speed, axis.project(gxDps, gyDps, gzDps), new MovementSegmenter.Listener() {
            @Override
            public void onset(long startMs, int direction) {
                assembler.onOnset(startMs, direction, out);
            }

            @Override
            public void movement(Movement movement) {
                assembler.onMovement(movement, out);
            }
        });
        // Judge timeouts on the segmenter's clock, which lags the samples by its smoothing window.
        assembler.onTime(segmenter.classifiedUpToMs(), out);
    }

    @Override
    public void advanceTo(long nowMs, Consumer<Rep> out) {
        assembler.onTime(nowMs, out);
    }

    @Override
    public long lastSampleMs() {
        return lastSampleMs;
    }
}
