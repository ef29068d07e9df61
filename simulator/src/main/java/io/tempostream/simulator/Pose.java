package io.tempostream.simulator;

import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * Where a sensor is and how it is turned, in the world frame (x forward, y left, z up, metres),
 * before the strap's own mounting rotation is applied.
 */
public record Pose(Vector3D positionM, Rotation orientation) {
    static Pose of(double x, double y, double z, Rotation orientation) {
        return new Pose(new Vector3D(x, y, z), orientation);
    }
}
