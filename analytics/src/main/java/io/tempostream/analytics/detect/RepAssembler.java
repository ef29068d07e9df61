package io.tempostream.analytics.detect;

import java.util.function.Consumer;

/**
 * Pairs movements into reps: a movement in the set's working direction, then one back of similar
 * size, then the pause until the next rep or until the pause is too long to be one. The first
 * movement of a set defines the working direction, so the sign of the sensor's axes never matters.
 * Pulls and raises start concentric; squat and bench start eccentric, and then the first movement
 * is the eccentric, the pause between the two is at the bottom and the one after is at the top.
 */
final class RepAssembler {
    /** The way back must be 0.5–2× the way up, or it was not the same rep. */
    private static final double MAX_ROM_RATIO = 2.0;
    /** Longer than a 10 s isometric squeeze at the top; beyond it the concentric is abandoned. */
    static final long MAX_PEAK_HOLD_MS = 15_000;
    /** A "pause" at the bottom longer than this is the set ending (a dead-stop row resets in ~1–2 s). */
    static final long MAX_BOTTOM_PAUSE_MS = 2_000;
    /** Rest longer than any prescribed hold and shorter than any between-set rest starts a new set. */
    static final long SET_GAP_MS = 15_000;

    private final String athleteId;
    private final String deviceId;
    private int workingDirection;
    private int set;
    private int repInSet;
    private long lastActivityEndMs = Long.MIN_VALUE;
    private long lastRepEndMs = Long.MIN_VALUE;
    private Movement concentric;
    private Movement eccentric;

    private final double minRomDeg;
    private final boolean concentricFirst;

    RepAssembler(String athleteId, String deviceId, double minRomDeg, boolean concentricFirst) {
        this.minRomDeg = minRomDeg;
        this.concentricFirst = concentricFirst;
        this.athleteId = athleteId;
        this.deviceId = deviceId;
    }

    /**
     * The next movement has begun: if it is the next rep's concentric, the waiting rep's bottom
     * pause ends here, and the rep is reported now rather than when that concentric completes.
     */
    void onOnset(long startMs, int direction, Consumer<Rep> out) {
        if (eccentric != null && direction == workingDirection && startMs - eccentric.endMs() <= MAX_BOTTOM_PAUSE_MS) {
            emit(Math.max(startMs, eccentric.endMs()), out);
        }
    }

    void onMovement(Movement m, Consumer<Rep> out) {
        if (Math.abs(m.angleDeg()) < minRomDeg) {
            return;
        }
        boolean afterRest = lastActivityEndMs == Long.MIN_VALUE || m.startMs() - lastActivityEndMs > SET_GAP_MS;
        lastActivityEndMs = m.endMs();
        if (eccentric != null) {
            if (m.direction() == workingDirection && m.startMs() - eccentric.endMs() <= MAX_BOTTOM_PAUSE_MS) {
                emit(m.startMs(), out);
                concentric = m;
                return;
            }
            emit(eccentric.endMs(), out);
        }
        if (concentric == null) {
            if (afterRest || workingDirection == 0) {
                workingDirection = m.direction();
            }
            if (m.direction() == workingDirection) {
                concentric = m;
            }
            return;
        }
        double ratio = Math.abs(m.angleDeg() / concentric.angleDeg());
        if (m.direction() != workingDirection && ratio >= 1 / MAX_ROM_RATIO && ratio <= MAX_ROM_RATIO
                && m.startMs() - concentric.endMs() <= MAX_PEAK_HOLD_MS) {
            eccentric = m;
        } else {
            concentric = m.direction() == workingDirection ? m : null;
        }
    }

    /** Closes what time alone can close: a bottom pause that became rest, a hold that became rest. */
    void onTime(long nowMs, Consumer<Rep> out) {
        if (eccentric != null && nowMs - eccentric.endMs() > MAX_BOTTOM_PAUSE_MS) {
            emit(eccentric.endMs(), out);
        }
        if (concentric != null && eccentric == null && nowMs - concentric.endMs() > MAX_PEAK_HOLD_MS) {
            concentric = null;
        }
    }

    private void emit(long endMs, Consumer<Rep> out) {
        Movement c = concentric;
        Movement e = eccentric;
        if (lastRepEndMs == Long.MIN_VALUE || c.startMs() - lastRepEndMs > SET_GAP_MS) {
            set++;
            repInSet = 0;
        }
        repInSet++;
        lastRepEndMs = endMs;
        // c and e are the way out and the way back; for an eccentric-first lift the way out is down.
        long outMs = c.durationMs();
        long farEndMs = Math.max(0, e.startMs() - c.endMs());
        long backMs = e.durationMs();
        long restingEndMs = Math.max(0, endMs - e.endMs());
        out.accept(concentricFirst
                ? new Rep(athleteId, deviceId, set, repInSet, c.startMs(), endMs, outMs, farEndMs, backMs, restingEndMs,
                        Math.abs(c.angleDeg()), 0)
                : new Rep(athleteId, deviceId, set, repInSet, c.startMs(), endMs, backMs, restingEndMs, outMs, farEndMs,
                        Math.abs(c.angleDeg()), 0));
        concentric = null;
        eccentric = null;
    }
}
