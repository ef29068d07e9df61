package io.tempostream.simulator;

import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * Simulates one sensor through a session script from the exercises' kinematics: the pose over
 * time comes from each rep's progress through its range, and the readings from differentiating
 * that pose numerically (central differences over {@link #STEP_S}): angular velocity from the
 * change in orientation, specific force from the second difference of position plus gravity,
 * both in the sensor's own axes after a random strap rotation. Noise: white noise on both sensors
 * and a gyroscope bias that drifts as a random walk.
 */
public final class ExerciseSimulator {
    static final double STEP_S = 0.004;
    /** MPU-6050-class noise at 100 Hz bandwidth is ~0.01 g and ~0.1 deg/s rms; the gyro gets a bit more. */
    static final double ACCEL_NOISE_G = 0.01;
    static final double GYRO_NOISE_DPS = 0.3;
    static final double GYRO_BIAS_DPS = 0.5;
    /** Bias random walk, deg/s per √s: MEMS gyros drift by a few tenths of a degree per second an hour. */
    static final double GYRO_BIAS_WALK = 0.01;
    /** Standing still between sets, the last 3 s of rest carry the sensor to the next exercise's start. */
    static final long TRANSITION_MS = 3_000;
    private static final double STANDARD_GRAVITY = 9.80665;

    private ExerciseSimulator() {
    }

    public static SimulatedDevice simulate(SessionScript script, long startMs, long seed) {
        Random random = new Random(seed);
        Timeline timeline = Timeline.build(script, startMs, random);
        long endMs = timeline.endMs();
        int n = (int) ((endMs - startMs) * script.sampleRateHz() / 1000) + 1;
        Rotation mount = new Rotation(random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                random.nextGaussian(), true);
        double[] bias = {GYRO_BIAS_DPS * random.nextGaussian(), GYRO_BIAS_DPS * random.nextGaussian(),
            GYRO_BIAS_DPS * random.nextGaussian()};
        long[] ts = new long[n];
        float[][] c = new float[6][n];
        double dt = 1 / script.sampleRateHz();
        for (int i = 0; i < n; i++) {
            double tMs = startMs + i * 1000.0 / script.sampleRateHz();
            ts[i] = Math.round(tMs);
            Pose before = timeline.pose(script.placement(), tMs - STEP_S * 1000);
            Pose now = timeline.pose(script.placement(), tMs);
            Pose after = timeline.pose(script.placement(), tMs + STEP_S * 1000);
            Rotation sensorToWorld = now.orientation().compose(mount, RotationConvention.VECTOR_OPERATOR);
            Vector3D accelWorld = after.positionM().subtract(now.positionM().scalarMultiply(2)).add(before.positionM())
                    .scalarMultiply(1 / (STEP_S * STEP_S));
            Vector3D specificForceG = accelWorld.scalarMultiply(1 / STANDARD_GRAVITY).add(Vector3D.PLUS_K);
            Vector3D accel = sensorToWorld.applyInverseTo(specificForceG);
            Vector3D gyro = sensorToWorld.applyInverseTo(angularVelocityDps(before.orientation(), after.orientation()));
            for (int k = 0; k < 3; k++) {
                bias[k] += GYRO_BIAS_WALK * Math.sqrt(dt) * random.nextGaussian();
            }
            c[0][i] = (float) (accel.getX() + ACCEL_NOISE_G * random.nextGaussian());
            c[1][i] = (float) (accel.getY() + ACCEL_NOISE_G * random.nextGaussian());
            c[2][i] = (float) (accel.getZ() + ACCEL_NOISE_G * random.nextGaussian());
            c[3][i] = (float) (gyro.getX() + bias[0] + GYRO_NOISE_DPS * random.nextGaussian());
            c[4][i] = (float) (gyro.getY() + bias[1] + GYRO_NOISE_DPS * random.nextGaussian());
            c[5][i] = (float) (gyro.getZ() + bias[2] + GYRO_NOISE_DPS * random.nextGaussian());
        }
        List<ImuBatch> batches = new ArrayList<>();
        for (int from = 0, seq = 0; from < n; from += script.batchSize(), seq++) {
            int to = Math.min(n, from + script.batchSize());
            batches.add(new ImuBatch(script.athleteId(), script.deviceId(), script.placement(), seq,
                    Arrays.copyOfRange(ts, from, to), Arrays.copyOfRange(c[0], from, to),
                    Arrays.copyOfRange(c[1], from, to), Arrays.copyOfRange(c[2], from, to),
                    Arrays.copyOfRange(c[3], from, to), Arrays.copyOfRange(c[4], from, to),
                    Arrays.copyOfRange(c[5], from, to)));
        }
        return new SimulatedDevice(script.athleteId(), script.deviceId(), batches, timeline.truths(),
                selections(script, timeline.truths()));
    }

    /** The app sends each set's exercise a few seconds before its first rep, as the athlete picks it. */
    static final long SELECTION_LEAD_MS = 4_000;

    private static List<ExerciseSelection> selections(SessionScript script, List<RepTruth> truths) {
        return truths.stream().filter(r -> r.rep() == 1)
                .map(r -> new ExerciseSelection(script.athleteId(), script.deviceId(), r.startMs() - SELECTION_LEAD_MS,
                        r.exercise()))
                .toList();
    }

    /** World-frame angular velocity turning {@code before} into {@code after} over 2·STEP_S. */
    static Vector3D angularVelocityDps(Rotation before, Rotation after) {
        Rotation delta = after.compose(before.revert(), RotationConvention.VECTOR_OPERATOR);
        double angle = delta.getAngle();
        if (angle < 1e-12) {
            return Vector3D.ZERO;
        }
        return delta.getAxis(RotationConvention.VECTOR_OPERATOR).scalarMultiply(Math.toDegrees(angle) / (2 * STEP_S));
    }

    /** Sensor pose as a function of time: reps, holds and rests laid end to end. */
    static final class Timeline {
        private final List<Segment> segments = new ArrayList<>();
        private final List<RepTruth> truths = new ArrayList<>();
        private long endMs;
        /** The set being laid out: its speed curve and the current rep's skews (human variability). */
        private SpeedCurve curve = SpeedCurve.HALF_COSINE;
        private double skewUp = 1;
        private double skewDown = 1;

        /** A stretch of time with the exercise at progress from {@code p0} to {@code p1}. */
        /**
         * {@code suddenStart}: a concentric started with momentum; {@code bounceEnd}: an eccentric
         * that bounces out of the bottom; {@code swingDeg}: how far the torso leans back with the
         * weight at full range (a swinging set), 0 for strict reps.
         */
        private record Segment(long startMs, long endMs, Exercise exercise, double p0, double p1, boolean suddenStart,
                boolean bounceEnd, double swingDeg, Exercise next, SpeedCurve curve, double skew) {
        }

        static Timeline build(SessionScript script, long startMs, Random random) {
            Timeline tl = new Timeline();
            double t = startMs;
            List<SetScript> sets = script.sets();
            tl.add(t, t + script.leadInMs(), sets.get(0).exercise(), 0, 0, false, false, 0, null);
            t += script.leadInMs();
            for (int s = 0; s < sets.size(); s++) {
                SetScript set = sets.get(s);
                Exercise e = set.exercise();
                tl.curve = set.speedCurve();
                for (int r = 0; r < set.reps(); r++) {
                    boolean last = r == set.reps() - 1;
                    double slow = set.reps() > 1 ? 1 + set.fatigue() * r / (set.reps() - 1) : 1;
                    double con = jitter(set.tempo().concentricMs(), random) * slow;
                    double hold = jitter(set.tempo().peakHoldMs(), random);
                    double ecc = jitter(set.tempo().eccentricMs(), random);
                    // The last rep's phase at the resting end merges into the rest: no sensor tells
                    // them apart. That is the bottom pause of a pull and the hold at the top of a
                    // squat or bench (drawn anyway, so the random sequence stays the same).
                    double pause = last ? 0 : jitter(set.tempo().bottomPauseMs(), random);
                    if (last && !e.concentricFirst()) {
                        hold = 0;
                    }
                    double range = (set.partialFromRep() > 0 && r + 1 >= set.partialFromRep() ? 0.5 : 1)
                            * (1 + 0.03 * random.nextGaussian());
                    // A real athlete: each phase's speed peaks a little earlier or later, and the top
                    // of the range sags slowly during the hold (drawn only then: the same seed gives
                    // the same half-cosine sets as before).
                    double sagShare = set.human() ? 0.01 + 0.02 * random.nextDouble() : 0;
                    // A top held for no time has nothing to sag in: the way down starts where the
                    // way up ended (a sag with no hold was a jump of up to 3 % of the range).
                    double sag = hold > 0 ? range * sagShare : 0;
                    tl.skewUp = set.human() ? 0.85 + 0.3 * random.nextDouble() : 1;
                    tl.skewDown = set.human() ? 0.85 + 0.3 * random.nextDouble() : 1;
                    long start = Math.round(t);
                    boolean momentum = set.swingDeg() > 0;
                    boolean bounce = set.bounce() && !last;
                    double swing = set.swingDeg();
                    if (e.concentricFirst()) {
                        t = tl.add(t, t + con, e, 0, range, momentum, false, swing, null, tl.skewUp);
                        t = tl.add(t, t + hold, e, range, range - sag, false, false, swing, null, 1);
                        t = tl.add(t, t + ecc, e, range - sag, 0, false, bounce, swing, null, tl.skewDown);
                        t = tl.add(t, t + pause, e, 0, 0, false, false, swing, null);
                    } else {
                        t = tl.add(t, t + ecc, e, 0, range, false, bounce, swing, null, tl.skewDown);
                        t = tl.add(t, t + pause, e, range, range, false, false, swing, null);
                        t = tl.add(t, t + con, e, range, 0, momentum, false, swing, null, tl.skewUp);
                        t = tl.add(t, t + hold, e, 0, 0, false, false, swing, null);
                    }
                    long end = Math.round(t);
                    long conMs = Math.round(con);
                    long holdMs = Math.round(hold);
                    long pauseMs = Math.round(pause);
                    double turnDeg = Math.toDegrees(Rotation.distance(e.pose(script.placement(), 0).orientation(),
                            e.pose(script.placement(), range).orientation()));
                    tl.truths.add(new RepTruth(script.athleteId(), script.deviceId(), e.scriptName(), e.concentricFirst(),
                            s + 1, r + 1, start, conMs, holdMs, end - start - conMs - holdMs - pauseMs, pauseMs, turnDeg));
                }
                Exercise next = s + 1 < sets.size() ? sets.get(s + 1).exercise() : e;
                long rest = set.restAfterMs();
                double still = Math.max(0, rest - (next == e ? 0 : TRANSITION_MS));
                t = tl.add(t, t + still, e, 0, 0, false, false, 0, null);
                t = tl.add(t, t + (rest - still), e, 0, 0, false, false, 0, next);
            }
            tl.endMs = Math.round(t);
            return tl;
        }

        private double add(double from, double to, Exercise e, double p0, double p1, boolean suddenStart,
                boolean bounceEnd, double swing, Exercise next) {
            return add(from, to, e, p0, p1, suddenStart, bounceEnd, swing, next, 1);
        }

        /** {@code skew}: the phase's time is warped by this power (1: the curve as it is). */
        private double add(double from, double to, Exercise e, double p0, double p1, boolean suddenStart,
                boolean bounceEnd, double swing, Exercise next, double skew) {
            if (to > from) {
                segments.add(new Segment(Math.round(from), Math.round(to), e, p0, p1, suddenStart, bounceEnd, swing, next,
                        curve, skew));
            }
            return to;
        }

        long endMs() {
            return endMs;
        }

        List<RepTruth> truths() {
            return List.copyOf(truths);
        }

        Pose pose(Placement placement, double tMs) {
            Segment seg = find(tMs);
            double s = seg.endMs() == seg.startMs() ? 1 : Math.max(0, Math.min(1, (tMs - seg.startMs()) / (seg.endMs() - seg.startMs())));
            if (seg.next() != null) {
                return blend(seg.exercise().pose(placement, 0), seg.next().pose(placement, 0), smooth(s));
            }
            double shape = seg.bounceEnd() ? suddenEnd(s) : seg.suddenStart() ? 1 - suddenEnd(1 - s)
                    : seg.curve().progress(seg.skew() == 1 ? s : Math.pow(s, seg.skew()));
            double progress = seg.p0() + (seg.p1() - seg.p0()) * shape;
            Pose pose = seg.exercise().pose(placement, progress);
            if (seg.swingDeg() > 0 && placement == Placement.BACK) {
                // Swinging the weight up: the torso leans back with it and comes forward as it is lowered.
                pose = new Pose(pose.positionM(), Exercise.pitch(-seg.swingDeg() * progress).applyTo(pose.orientation()));
            }
            return pose;
        }

        private Segment find(double tMs) {
            int lo = 0;
            int hi = segments.size() - 1;
            if (tMs <= segments.get(0).startMs()) {
                return segments.get(0);
            }
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (segments.get(mid).startMs() <= tMs) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return segments.get(lo);
        }

        /**
         * An uncontrolled phase: speed builds for {@link #SUDDEN_SHARE} of it (a quarter sine) and
         * is then lost in the last tenth (a quarter cosine), as a bounce at the bottom of an
         * eccentric; played backwards it is a concentric started with momentum. Same peak speed
         * as {@link #smooth}, so only the ends differ.
         */
        static double suddenEnd(double s) {
            double a = SUDDEN_SHARE;
            return s <= a ? a * (1 - Math.cos(Math.PI / 2 * s / a)) : a + (1 - a) * Math.sin(Math.PI / 2 * (s - a) / (1 - a));
        }

        private static final double SUDDEN_SHARE = 0.9;

        /** Half-cosine ease: zero velocity at both ends, as in smooth voluntary movement. */
        private static double smooth(double s) {
            return (1 - Math.cos(Math.PI * s)) / 2;
        }

        private static Pose blend(Pose a, Pose b, double w) {
            Vector3D position = a.positionM().scalarMultiply(1 - w).add(b.positionM().scalarMultiply(w));
            Rotation delta = b.orientation().compose(a.orientation().revert(), RotationConvention.VECTOR_OPERATOR);
            Rotation partial = delta.getAngle() < 1e-12 ? Rotation.IDENTITY
                    : new Rotation(delta.getAxis(RotationConvention.VECTOR_OPERATOR), w * delta.getAngle(),
                            RotationConvention.VECTOR_OPERATOR);
            return new Pose(position, partial.compose(a.orientation(), RotationConvention.VECTOR_OPERATOR));
        }

        private static double jitter(long ms, Random random) {
            return ms == 0 ? 0 : ms * (1 + 0.05 * Math.max(-2.5, Math.min(2.5, random.nextGaussian())));
        }
    }
}
