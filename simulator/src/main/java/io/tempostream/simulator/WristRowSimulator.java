package io.tempostream.simulator;

import io.tempostream.ingest.ImuBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * A wrist IMU during bent-over rows. The arm swings about a horizontal axis through the shoulder
 * (world y); the wrist sits {@link #WRIST_RADIUS_M} from that axis. Each phase follows a half-cosine
 * angle profile, so velocity is smooth and zero at every phase boundary. The sensor is strapped on
 * at a random rotation (from the seed), so no detector may assume its axes.
 *
 * <p>Readings follow the MEMS sensor model: the accelerometer measures specific force (linear
 * acceleration minus gravity, +1 g up at rest) in the sensor frame, the gyroscope the angular
 * velocity in the sensor frame; both get white noise, the gyroscope a constant bias.
 */
public final class WristRowSimulator {
    static final double WRIST_RADIUS_M = 0.35;
    static final double STANDARD_GRAVITY = 9.80665;
    // The same sensor noise as every simulated exercise.
    static final double ACCEL_NOISE_G = ExerciseSimulator.ACCEL_NOISE_G;
    static final double GYRO_NOISE_DPS = ExerciseSimulator.GYRO_NOISE_DPS;
    static final double GYRO_BIAS_DPS = ExerciseSimulator.GYRO_BIAS_DPS;

    private WristRowSimulator() {
    }

    public static SimulatedDevice simulate(DeviceSession session) {
        Random random = new Random(session.seed());
        List<RepTruth> truths = new ArrayList<>();
        AngleProfile profile = new AngleProfile();
        double t = session.leadInMs();
        for (int s = 0; s < session.sets().size(); s++) {
            SetPlan set = session.sets().get(s);
            for (int r = 0; r < set.reps(); r++) {
                double con = jitter(set.tempo().concentricMs(), session.tempoJitter(), random);
                double hold = jitter(set.tempo().peakHoldMs(), session.tempoJitter(), random);
                double ecc = jitter(set.tempo().eccentricMs(), session.tempoJitter(), random);
                // The last rep's bottom pause is the start of the rest: no sensor can tell them apart.
                double pause = r == set.reps() - 1 ? 0 : jitter(set.tempo().bottomPauseMs(), session.tempoJitter(), random);
                double rom = set.romDeg() * (1 + 0.03 * random.nextGaussian());
                profile.add(t, con, hold, ecc, rom);
                long start = session.startMs() + Math.round(t);
                truths.add(new RepTruth(session.athleteId(), session.deviceId(), "row", true, s + 1, r + 1, start,
                        Math.round(start + con) - start, Math.round(start + con + hold) - Math.round(start + con),
                        Math.round(start + con + hold + ecc) - Math.round(start + con + hold),
                        Math.round(start + con + hold + ecc + pause) - Math.round(start + con + hold + ecc), rom));
                t += con + hold + ecc + pause;
            }
            t += set.restAfterMs();
        }
        int n = (int) Math.floor(t / 1000.0 * session.sampleRateHz()) + 1;
        return new SimulatedDevice(session.athleteId(), session.deviceId(),
                sample(session, profile, n, random), List.copyOf(truths));
    }

    private static List<ImuBatch> sample(DeviceSession session, AngleProfile profile, int n, Random random) {
        Rotation mount = randomRotation(random);
        Vector3D swingAxis = Vector3D.PLUS_J;
        Vector3D gyroBias = new Vector3D(random.nextGaussian(), random.nextGaussian(), random.nextGaussian())
                .scalarMultiply(GYRO_BIAS_DPS);
        Vector3D hangingArm = new Vector3D(0, 0, -WRIST_RADIUS_M);
        long[] ts = new long[n];
        float[][] c = new float[6][n];
        for (int i = 0; i < n; i++) {
            double tMs = i * 1000.0 / session.sampleRateHz();
            ts[i] = session.startMs() + Math.round(tMs);
            double[] a = profile.at(tMs);
            double angle = Math.toRadians(a[0]);
            Rotation swing = new Rotation(swingAxis, angle, RotationConvention.VECTOR_OPERATOR);
            Rotation sensorToWorld = swing.compose(mount, RotationConvention.VECTOR_OPERATOR);
            Vector3D omega = swingAxis.scalarMultiply(Math.toRadians(a[1]));
            Vector3D alpha = swingAxis.scalarMultiply(Math.toRadians(a[2]));
            Vector3D p = swing.applyTo(hangingArm);
            Vector3D linear = Vector3D.crossProduct(alpha, p)
                    .add(Vector3D.crossProduct(omega, Vector3D.crossProduct(omega, p)));
            Vector3D specificForceG = linear.scalarMultiply(1 / STANDARD_GRAVITY).add(Vector3D.PLUS_K);
            Vector3D accel = sensorToWorld.applyInverseTo(specificForceG);
            Vector3D gyro = sensorToWorld.applyInverseTo(swingAxis.scalarMultiply(a[1])).add(gyroBias);
            c[0][i] = (float) (accel.getX() + ACCEL_NOISE_G * random.nextGaussian());
            c[1][i] = (float) (accel.getY() + ACCEL_NOISE_G * random.nextGaussian());
            c[2][i] = (float) (accel.getZ() + ACCEL_NOISE_G * random.nextGaussian());
            c[3][i] = (float) (gyro.getX() + GYRO_NOISE_DPS * random.nextGaussian());
            c[4][i] = (float) (gyro.getY() + GYRO_NOISE_DPS * random.nextGaussian());
            c[5][i] = (float) (gyro.getZ() + GYRO_NOISE_DPS * random.nextGaussian());
        }
        List<ImuBatch> batches = new ArrayList<>();
        for (int from = 0, seq = 0; from < n; from += session.batchSize(), seq++) {
            int to = Math.min(n, from + session.batchSize());
            batches.add(new ImuBatch(session.athleteId(), session.deviceId(), session.placement(), seq,
                    Arrays.copyOfRange(ts, from, to),
                    Arrays.copyOfRange(c[0], from, to), Arrays.copyOfRange(c[1], from, to),
                    Arrays.copyOfRange(c[2], from, to), Arrays.copyOfRange(c[3], from, to),
                    Arrays.copyOfRange(c[4], from, to), Arrays.copyOfRange(c[5], from, to)));
        }
        return batches;
    }

    /** Uniformly random orientation: a normalised 4-D Gaussian is a uniform unit quaternion. */
    private static Rotation randomRotation(Random random) {
        return new Rotation(random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                random.nextGaussian(), true);
    }

    private static double jitter(long ms, double relativeSd, Random random) {
        if (ms == 0) {
            return 0;
        }
        double factor = 1 + relativeSd * Math.max(-2.5, Math.min(2.5, random.nextGaussian()));
        return ms * factor;
    }

    /** The arm angle over time: reps as half-cosine concentric and eccentric phases, still otherwise. */
    private static final class AngleProfile {
        private final List<double[]> reps = new ArrayList<>();

        void add(double startMs, double concentricMs, double holdMs, double eccentricMs, double romDeg) {
            reps.add(new double[] {startMs, concentricMs, holdMs, eccentricMs, romDeg});
        }

        /** Angle (deg), angular velocity (deg/s) and angular acceleration (deg/s²) at {@code tMs}. */
        double[] at(double tMs) {
            for (double[] rep : reps) {
                double start = rep[0], con = rep[1], hold = rep[2], ecc = rep[3], rom = rep[4];
                if (tMs < start || tMs >= start + con + hold + ecc) {
                    continue;
                }
                double local = tMs - start;
                if (local < con) {
                    return halfCosine(local / con, con / 1000, rom, 1);
                }
                if (local < con + hold) {
                    return new double[] {rom, 0, 0};
                }
                return halfCosine((local - con - hold) / ecc, ecc / 1000, rom, -1);
            }
            return new double[] {0, 0, 0};
        }

        private static double[] halfCosine(double s, double durationS, double rom, int direction) {
            double angle = rom * (1 - Math.cos(Math.PI * s)) / 2;
            double velocity = rom * Math.PI / (2 * durationS) * Math.sin(Math.PI * s);
            double acceleration = rom * Math.PI * Math.PI / (2 * durationS * durationS) * Math.cos(Math.PI * s);
            return direction > 0
                    ? new double[] {angle, velocity, acceleration}
                    : new double[] {rom - angle, -velocity, -acceleration};
        }
    }
}
