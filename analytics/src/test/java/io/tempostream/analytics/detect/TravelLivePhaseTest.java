package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The live phase of a travel rep is asked after every batch and goes on from where the last call
 * stopped: bin by bin it must say what integrating again from the rep's far end says, also when
 * old bins leave the window's front and when a newer rep takes over.
 */
class TravelLivePhaseTest {
    private static final long BIN_MS = 40;
    private static final long MAX_REST_MS = 5_000;

    @Test
    void goingOnFromTheLastCallSaysWhatStartingAgainSays() {
        Window w = reps(12, new Random(3));
        TravelLivePhase goingOn = new TravelLivePhase();
        int phases = 0;
        RepPhase lastPhase = null;
        int changes = 0;
        for (int n = w.returnAt + 1; n <= w.t.length; n++) {
            LivePhase kept = goingOn.at(w.a, w.t, n, w.cycleFrom, w.farAt, w.returnAt, w.cycleFrom, w.returnAt, 1, w.rep,
                    w.peakSpeed, true, MAX_REST_MS);
            LivePhase afresh = new TravelLivePhase().at(w.a, w.t, n, w.cycleFrom, w.farAt, w.returnAt, w.cycleFrom,
                    w.returnAt, 1, w.rep, w.peakSpeed, true, MAX_REST_MS);
            assertEquals(afresh, kept, "at bin " + n);
            if (kept != null) {
                phases++;
                changes += kept.phase() != lastPhase ? 1 : 0;
                lastPhase = kept.phase();
            }
        }
        assertTrue(phases > 100 && changes >= 8, "the reps after the known one go through their phases: "
                + phases + " phases, " + changes + " changes");
    }

    @Test
    void binsLeavingTheFrontAndANewerRepStartItAgainWhereNeeded() {
        Window w = reps(12, new Random(5));
        int n = w.returnAt + 60;
        TravelLivePhase goingOn = askedOnce(w, n);
        // The window drops its first bins: every index moves, the bins themselves stay.
        int cut = w.cycleFrom;
        double[] a = Arrays.copyOfRange(w.a, cut, w.a.length);
        long[] t = Arrays.copyOfRange(w.t, cut, w.t.length);
        for (int m = n - cut; m <= t.length; m += 7) {
            assertEquals(new TravelLivePhase().at(a, t, m, 0, w.farAt - cut, w.returnAt - cut, 0, w.returnAt - cut, 1, w.rep,
                            w.peakSpeed, true, MAX_REST_MS),
                    goingOn.at(a, t, m, 0, w.farAt - cut, w.returnAt - cut, 0, w.returnAt - cut, 1, w.rep, w.peakSpeed,
                            true, MAX_REST_MS), "at bin " + m);
        }
        // The next rep becomes the newest known: integrated from its own far end.
        int period = w.returnAt - w.cycleFrom + (int) (1_500 / BIN_MS);
        Rep next = w.rep.numbered(1, 2);
        int m = t.length;
        assertEquals(new TravelLivePhase().at(a, t, m, period, w.farAt - cut + period, w.returnAt - cut + period, period,
                        w.returnAt - cut + period, 1, next,
                        w.peakSpeed, true, MAX_REST_MS),
                goingOn.at(a, t, m, period, w.farAt - cut + period, w.returnAt - cut + period, period,
                        w.returnAt - cut + period, 1, next, w.peakSpeed,
                        true, MAX_REST_MS));
    }

    /**
     * The same rep with another stretch to average (the engine's offered rep once the set shows it
     * clearly rests): integrated again with that stretch's offset, not gone on with the old one.
     * The stretch here ends mid-way out, so its offset differs plainly from the rep's.
     */
    @Test
    void anotherStretchToAverageStartsItAgain() {
        Window w = reps(12, new Random(7));
        int n = w.returnAt + 60;
        TravelLivePhase goingOn = askedOnce(w, n);
        int midWayOut = (w.cycleFrom + w.farAt) / 2;
        int differ = 0;
        for (int m = n; m <= w.t.length; m += 5) {
            LivePhase kept = goingOn.at(w.a, w.t, m, w.cycleFrom, w.farAt, w.returnAt, w.cycleFrom, midWayOut, 1, w.rep,
                    w.peakSpeed, true, MAX_REST_MS);
            assertEquals(new TravelLivePhase().at(w.a, w.t, m, w.cycleFrom, w.farAt, w.returnAt, w.cycleFrom, midWayOut, 1,
                    w.rep, w.peakSpeed, true, MAX_REST_MS), kept, "at bin " + m);
            LivePhase usual = new TravelLivePhase().at(w.a, w.t, m, w.cycleFrom, w.farAt, w.returnAt, w.cycleFrom,
                    w.returnAt, 1, w.rep, w.peakSpeed, true, MAX_REST_MS);
            differ += Objects.equals(usual, kept) ? 0 : 1;
        }
        assertTrue(differ > 0, "the other stretch's offset changes what the phase says");
    }

    /** A live phase asked once, at bin {@code n}, of the window's known rep, its offset the rep's own mean. */
    private static TravelLivePhase askedOnce(Window w, int n) {
        TravelLivePhase phase = new TravelLivePhase();
        phase.at(w.a, w.t, n, w.cycleFrom, w.farAt, w.returnAt, w.cycleFrom, w.returnAt, 1, w.rep, w.peakSpeed, true,
                MAX_REST_MS);
        return phase;
    }

    /** A window of pulls: 1.5 s up, 1 s held, 1.5 s down, 1.5 s at rest, with sensor noise. */
    private static Window reps(int count, Random random) {
        long upMs = 1_500;
        long holdMs = 1_000;
        long downMs = 1_500;
        long restMs = 1_500;
        long periodMs = upMs + holdMs + downMs + restMs;
        long leadMs = 2_000;
        int bins = (int) ((leadMs + count * periodMs) / BIN_MS);
        double[] a = new double[bins];
        long[] t = new long[bins];
        double peak = 0.4; // m/s²
        for (int i = 0; i < bins; i++) {
            t[i] = 1_000_000 + i * BIN_MS;
            long inRep = i * BIN_MS - leadMs;
            double value = 0;
            if (inRep >= 0) {
                long at = inRep % periodMs;
                if (at < upMs) {
                    value = peak * Math.sin(2 * Math.PI * at / upMs);
                } else if (at >= upMs + holdMs && at < upMs + holdMs + downMs) {
                    value = -peak * Math.sin(2 * Math.PI * (at - upMs - holdMs) / downMs);
                }
            }
            a[i] = value + 0.1 + 0.05 * random.nextGaussian(); // an offset the rep's mean takes out
        }
        int cycleFrom = (int) (leadMs / BIN_MS);
        int farAt = (int) ((leadMs + upMs) / BIN_MS);
        int returnAt = (int) ((leadMs + upMs + holdMs + downMs) / BIN_MS);
        Rep rep = new Rep("a", "d", 1, 1, t[cycleFrom], t[returnAt] + restMs, upMs, holdMs, downMs, restMs, 0, 0.3, 0.3,
                0, 0, "row", false);
        return new Window(a, t, cycleFrom, farAt, returnAt, rep, 0.3);
    }

    private record Window(double[] a, long[] t, int cycleFrom, int farAt, int returnAt, Rep rep, double peakSpeed) {
    }
}
