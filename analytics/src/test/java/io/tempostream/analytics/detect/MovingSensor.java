package io.tempostream.analytics.detect;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleFunction;
import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * A sensor moved as the test says, not as the simulator moves it: strapped on at a random
 * rotation, sampled at 50 Hz with 0.01 g of accelerometer and 0.3 deg/s of gyroscope noise.
 * Arm swings, glances and a walking trunk are written this way, from their own physics.
 */
final class MovingSensor {
    private static final double RATE_HZ = 50;
    /** Step for the derivatives, s. */
    private static final double H = 0.002;

    private MovingSensor() {
    }

    /**
     * Feeds {@code detector} {@code seconds} of a body part whose orientation (world from body) and
     * sensor position (m, world axes, z up) are the given functions of time in s; its reps go to
     * {@code reps}, and {@code afterSample} runs after each sample.
     */
    static void feed(RepDetector detector, DoubleFunction<Rotation> orientation, DoubleFunction<Vector3D> position,
            double seconds, long seed, List<Rep> reps, Runnable afterSample) {
        Random random = new Random(seed);
        Rotation mount = new Rotation(random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                random.nextGaussian(), true);
        for (int i = 0; i < seconds * RATE_HZ; i++) {
            double t = i / RATE_HZ;
            // Angular velocity in the world's axes, from the turn between t - H and t + H.
            Rotation turn = orientation.apply(t + H).applyTo(orientation.apply(t - H).revert());
            Vector3D w = turn.getAngle() == 0 ? Vector3D.ZERO
                    : turn.getAxis(RotationConvention.VECTOR_OPERATOR).scalarMultiply(Math.toDegrees(turn.getAngle()) / (2 * H));
            Vector3D accel = position.apply(t + H).add(position.apply(t - H)).subtract(position.apply(t).scalarMultiply(2))
                    .scalarMultiply(1 / (H * H));
            Rotation sensorToWorld = orientation.apply(t).compose(mount, RotationConvention.VECTOR_OPERATOR);
            Vector3D f = sensorToWorld.applyInverseTo(accel.scalarMultiply(1 / 9.80665).add(Vector3D.PLUS_K));
            Vector3D g = sensorToWorld.applyInverseTo(w);
            detector.accept(1_764_000_000_000L + Math.round(t * 1000), f.getX() + 0.01 * random.nextGaussian(),
                    f.getY() + 0.01 * random.nextGaussian(), f.getZ() + 0.01 * random.nextGaussian(),
                    g.getX() + 0.3 * random.nextGaussian(), g.getY() + 0.3 * random.nextGaussian(),
                    g.getZ() + 0.3 * random.nextGaussian(), reps::add);
            afterSample.run();
        }
    }

    /**
     * Where the end of a limb {@code lengthM} long is (m, world axes, z up, from the joint it turns
     * about), turned {@code angleRad} forward about the world's y axis from hanging straight down.
     */
    static Vector3D limbEnd(double lengthM, double angleRad) {
        return new Vector3D(lengthM * Math.sin(angleRad), 0, -lengthM * Math.cos(angleRad));
    }

    /**
     * How far the body has risen (m) at each step of a walk that set off at {@code fromS}: 3 cm,
     * twice a stride of {@code strideHz}, building up over its first second; 0 before.
     */
    static double stepBobM(double strideHz, double fromS, double t) {
        return t < fromS ? 0 : 0.03 * Math.min(1, t - fromS) * Math.sin(2 * Math.PI * 2 * strideHz * (t - fromS));
    }

    /** Turned about the world's y axis (horizontal) by {@code angleRad}: an arm swinging at the shoulder. */
    static Rotation aboutY(double angleRad) {
        return new Rotation(Vector3D.PLUS_J, angleRad, RotationConvention.VECTOR_OPERATOR);
    }
}
