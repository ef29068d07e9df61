package io.tempostream.analytics.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.simulator.DeviceSession;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetPlan;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WristRowSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WristRepDetectorTest {

    @ParameterizedTest(name = "{0} at {1} Hz, seed {2}")
    @CsvSource({
        "3-1-3-0, 100, 1",
        "3-1-3-0, 50, 2",
        "2-1-2-1, 100, 3",
        "1-0-1-0, 100, 4",
        "3-2-3-0.5, 25, 5",
    })
    void countsEveryRowAndTimesItsPhases(String tempo, double rateHz, long seed) {
        SimulatedDevice device = WristRowSimulator.simulate(new DeviceSession("athlete-1", "wrist-1",
                Placement.WRIST, 1_764_000_000_000L, rateHz, 10, 3_000,
                List.of(new SetPlan(8, TempoPrescription.parse(tempo), 70, 40_000),
                        new SetPlan(8, TempoPrescription.parse(tempo), 70, 5_000)),
                0.05, seed));

        List<Rep> reps = detect(device);

        assertEquals(device.reps().size(), reps.size(), "rep count");
        double worst = 0;
        for (int i = 0; i < reps.size(); i++) {
            Rep rep = reps.get(i);
            RepTruth truth = device.reps().get(i);
            assertEquals(truth.set(), rep.set(), "set of rep " + i);
            assertEquals(truth.rep(), rep.rep(), "number of rep " + i);
            worst = Math.max(worst, Math.abs(rep.concentricMs() - truth.concentricMs()));
            worst = Math.max(worst, Math.abs(rep.peakHoldMs() - truth.peakHoldMs()));
            worst = Math.max(worst, Math.abs(rep.eccentricMs() - truth.eccentricMs()));
            worst = Math.max(worst, Math.abs(rep.bottomPauseMs() - truth.bottomPauseMs()));
            assertEquals(truth.romDeg(), rep.romDeg(), 0.1 * truth.romDeg(), "range of motion of rep " + i);
        }
        assertTrue(worst <= 200, "worst phase error " + worst + " ms");
    }

    static List<Rep> detect(SimulatedDevice device) {
        RepDetector detector = new WristRepDetector(device.athleteId(), device.deviceId());
        List<Rep> reps = new ArrayList<>();
        for (ImuBatch batch : device.batches()) {
            detector.accept(batch, reps::add);
        }
        detector.advanceTo(detector.lastSampleMs() + 60_000, reps::add);
        return reps;
    }

    /**
     * Walking to the rack: the arm swings about the shoulder like a pendulum, ±{0}° at {1} strides
     * a second, and the body bobs 3 cm at every step. Each swing turns the forearm 30–90°, as a
     * raise does, but lasts 0.4–0.75 s: no rep phase is that short. (14 reps in 17 s before.)
     */
    @ParameterizedTest(name = "arm swing ±{0}° at {1} Hz")
    @CsvSource({"30, 0.9", "45, 1.0", "45, 0.7", "60, 0.8"})
    void walkingWithASwingingArmIsNoRep(double swingDeg, double strideHz) {
        for (long seed = 0; seed < 3; seed++) {
            assertEquals(List.of(), walk(0, swingDeg, strideHz, 20, seed, new ArrayList<>()), "seed " + seed);
        }
    }

    /**
     * Walking with the arm swinging mostly forward or back: {1}° either side of {0}° forward, at
     * {2} strides a second, the body bobbing 3 cm a step. The wrist rises once a stride (in a
     * symmetric swing, at both ends alike), quicker each way than any rep: no rep, and none
     * offered. Before, six of the seven made 11–18 reps in 22 s (seed 0), each way 0.30–0.42 s
     * and 0.08–0.47 m; one more came where the walk set off.
     */
    @ParameterizedTest(name = "±{1}° about {0}° at {2} Hz")
    @CsvSource({"17.5, 27.5, 0.8", "15, 30, 0.8", "20, 30, 0.9", "25, 35, 1.0", "-17.5, 27.5, 0.8", "10, 25, 0.7",
            "12, 40, 0.8"})
    void walkingWithAnArmSwingingMostlyOneWayIsNoRep(double centreDeg, double swingDeg, double strideHz) {
        for (long seed = 0; seed < 3; seed++) {
            List<Rep> offered = new ArrayList<>();
            assertEquals(List.of(), walk(centreDeg, swingDeg, strideHz, 25, seed, offered), "seed " + seed + ": reps");
            assertEquals(List.of(), offered, "seed " + seed + ": offered");
        }
    }

    /**
     * Eight raises at 0.7 s each way, touch and go (each phase quicker than the 0.8 s that an arm
     * swinging while walking takes at the most), then walking off at once, the arm swinging ±{1}°
     * about {0}° forward at {2} strides a second, at full swing from the first or building up
     * (those off centre build up: an arm does not jump to a swing's centre):
     * the raises count, no swing does. A raise turns out from where the arm hung and back; a
     * swing starts a third of its size or more from there.
     */
    @ParameterizedTest(name = "walking ±{1}° about {0}° at {2} Hz, building up: {3}")
    @CsvSource({"0, 45, 0.7, false", "0, -45, 0.7, false", "0, 45, 0.7, true", "0, 30, 0.9, false", "15, 30, 0.8, true",
            "20, 35, 1.0, true"})
    void quickRaisesThenWalkingOffCountTheRaisesOnly(double centreDeg, double swingDeg, double strideHz, boolean buildsUp) {
        double walkFromS = 3 + 8 * 1.4;
        DoubleUnaryOperator angle = t -> t < walkFromS ? quickRaise(t - 3)
                : swing(centreDeg, swingDeg, strideHz, walkFromS, buildsUp, t);
        for (long seed = 0; seed < 3; seed++) {
            RepDetector detector = new WristRepDetector("a", "w");
            List<Rep> reps = new ArrayList<>();
            MovingSensor.feed(detector, t -> MovingSensor.aboutY(angle.applyAsDouble(t)),
                    t -> wrist(angle.applyAsDouble(t), strideHz, walkFromS, t), walkFromS + 20, seed, reps, () -> { });
            detector.advanceTo(detector.lastSampleMs() + 60_000, reps::add);
            assertEquals(8, reps.size(), "seed " + seed + ": " + reps);
        }
    }

    /** The arm's angle (rad) {@code s} seconds into eight 90° raises, 0.7 s up and 0.7 s down (half-cosine). */
    private static double quickRaise(double s) {
        if (s < 0 || s >= 8 * 1.4) {
            return 0;
        }
        double p = s % 1.4;
        double share = p < 0.7 ? (1 - Math.cos(Math.PI * p / 0.7)) / 2 : (1 + Math.cos(Math.PI * (p - 0.7) / 0.7)) / 2;
        return Math.toRadians(90) * share;
    }

    /**
     * Standing for 3 s, then walking until {@code seconds}, the arm swinging ±{@code swingDeg}
     * about {@code centreDeg} forward: its reps, and every rep offered on the way to {@code offered}.
     */
    private static List<Rep> walk(double centreDeg, double swingDeg, double strideHz, double seconds, long seed,
            List<Rep> offered) {
        RepDetector detector = new WristRepDetector("a", "w");
        List<Rep> reps = new ArrayList<>();
        MovingSensor.feed(detector, t -> MovingSensor.aboutY(swing(centreDeg, swingDeg, strideHz, 3, true, t)),
                t -> wrist(swing(centreDeg, swingDeg, strideHz, 3, true, t), strideHz, 3, t), seconds, seed, reps, () -> {
                    Rep pending = detector.pendingRep();
                    if (pending != null) {
                        offered.add(pending);
                    }
                });
        detector.advanceTo(detector.lastSampleMs() + 60_000, reps::add);
        return reps;
    }

    /**
     * Arm angle from hanging (rad), forward positive: 0 until {@code fromS}, then a swing
     * ±{@code swingDeg} about {@code centreDeg}, building up over a second or at full swing at once.
     */
    private static double swing(double centreDeg, double swingDeg, double strideHz, double fromS, boolean buildsUp,
            double t) {
        return t < fromS ? 0 : (buildsUp ? Math.min(1, t - fromS) : 1)
                * Math.toRadians(centreDeg + swingDeg * Math.sin(2 * Math.PI * strideHz * (t - fromS)));
    }

    /**
     * Wrist position (m): 0.6 m from the shoulder on an arm at {@code angleRad}, bobbing at each
     * step of a walk from {@code fromS}.
     */
    private static Vector3D wrist(double angleRad, double strideHz, double fromS, double t) {
        return MovingSensor.limbEnd(0.6, angleRad).add(new Vector3D(0, 0, MovingSensor.stepBobM(strideHz, fromS, t)));
    }

    /**
     * Between sets, without a selection, raising the wrist to look at the watch or to drink: the
     * forearm turns {0}° about the elbow, up in {1} s, held {2} s, down in {3} s, from 10 s at
     * rest. It turns as a raise does and comes from rest, but no second turn follows: no rep, and
     * none offered. The rotation detector offers a set's first rep once the second sets off; the
     * travel detector's lone first rep must not be quicker than a lifting phase both ways (it
     * offered the third case).
     */
    @ParameterizedTest(name = "{0}° up in {1} s, held {2} s, down in {3} s")
    @CsvSource({"90, 0.5, 2, 1.0", "80, 1.0, 2.5, 0.6", "100, 0.6, 1.5, 0.6", "90, 1.0, 2, 1.2", "110, 1.5, 3, 1.5"})
    void glancingAtTheWatchIsNoRepAndNoneIsOffered(double deg, double upS, double holdS, double downS) {
        for (long seed = 0; seed < 3; seed++) {
            RepDetector detector = new WristRepDetector("a", "w");
            List<Rep> reps = new ArrayList<>();
            Rep[] offered = {null};
            MovingSensor.feed(detector, t -> MovingSensor.aboutY(glance(deg, upS, holdS, downS, t)),
                    t -> forearmEnd(deg, upS, holdS, downS, t),
                    10 + upS + holdS + downS + 10, seed, reps, () -> {
                        if (offered[0] == null) {
                            offered[0] = detector.pendingRep();
                        }
                    });
            detector.advanceTo(detector.lastSampleMs() + 60_000, reps::add);
            assertNull(offered[0], "seed " + seed + ": offered");
            assertEquals(List.of(), reps, "seed " + seed + ": reps");
        }
    }

    /** Forearm angle from hanging (rad): 10 s still, a half-cosine turn up, a hold, a half-cosine turn down. */
    private static double glance(double deg, double upS, double holdS, double downS, double t) {
        double share;
        if (t < 10) {
            share = 0;
        } else if (t < 10 + upS) {
            share = (1 - Math.cos(Math.PI * (t - 10) / upS)) / 2;
        } else if (t < 10 + upS + holdS) {
            share = 1;
        } else if (t < 10 + upS + holdS + downS) {
            share = (1 + Math.cos(Math.PI * (t - 10 - upS - holdS) / downS)) / 2;
        } else {
            share = 0;
        }
        return Math.toRadians(deg) * share;
    }

    /** Wrist position (m): 0.3 m from the elbow along the turning forearm. */
    private static Vector3D forearmEnd(double deg, double upS, double holdS, double downS, double t) {
        return MovingSensor.limbEnd(0.3, glance(deg, upS, holdS, downS, t));
    }

    /**
     * A 2 s pause at the bottom of every rep keeps the set together: face pulls and Y-raises from
     * the wrist, 10 seeds each, with and without the exercise selected, counted exactly and every
     * rep offered confirmed. At a 2 s limit on the pause, 3–6 sets of 10 broke apart per cell.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"FACE_PULL, 2-1-2-2", "FACE_PULL, 3-1-3-2", "PRONE_Y_RAISE, 2-2-2-2"})
    void aTwoSecondPauseAtTheBottomKeepsTheSetTogether(Exercise exercise, String tempo) {
        for (long seed = 0; seed < 10; seed++) {
            SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("a", "w", Placement.WRIST, 50, 10, 5_000,
                    List.of(SetScript.of(exercise, 8, tempo, 60_000))), 1_764_000_000_000L, seed);
            for (boolean selected : new boolean[] {false, true}) {
                RepDetector detector = RepDetectors.forPlacement(Placement.WRIST, "a", "w");
                if (selected) {
                    device.selections().forEach(detector::select);
                }
                LiveReplay.Result result = LiveReplay.replay(detector, device.toRecording());
                String what = "seed " + seed + (selected ? ", selected" : "");
                assertEquals(8, result.reps().size(), what + ": reps");
                assertEquals(List.of(), result.unconfirmedStartsMs(), what + ": offers not confirmed");
            }
        }
    }
}
