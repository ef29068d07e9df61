package io.tempostream.analytics.detect;

/**
 * One continuous rotation: the building block of reps. Start and end are where angular velocity
 * leaves and returns to zero; {@code rotX/Y/Z} is the rotation it made, in degrees about each
 * sensor axis (the integral of angular velocity). Reps compare movements by these vectors, not by
 * one estimated axis: an axis learned from the previous exercise would hide the next one's first
 * reps. {@code startJolt} and {@code endJolt} say how suddenly it starts and ends (see
 * {@link Rep#concentricJolt()}).
 */
record Movement(long startMs, long endMs, double rotXDeg, double rotYDeg, double rotZDeg, double peakDps,
        double startJolt, double endJolt) {
    /** The same movement, ending at {@code ms} (a turn shared with the next one). */
    Movement endingAt(long ms) {
        return new Movement(startMs, Math.max(startMs + 1, ms), rotXDeg, rotYDeg, rotZDeg, peakDps, startJolt, endJolt);
    }

    /** The same movement, starting at {@code ms} (a turn shared with the one before). */
    Movement startingAt(long ms) {
        return new Movement(Math.min(ms, endMs - 1), endMs, rotXDeg, rotYDeg, rotZDeg, peakDps, startJolt, endJolt);
    }

    long durationMs() {
        return endMs - startMs;
    }

    /** Size of the rotation, degrees. */
    double angleDeg() {
        return Math.sqrt(rotXDeg * rotXDeg + rotYDeg * rotYDeg + rotZDeg * rotZDeg);
    }

    /** Signed rotation (degrees) about the unit axis {@code (ux, uy, uz)}. */
    double angleAbout(double ux, double uy, double uz) {
        return rotXDeg * ux + rotYDeg * uy + rotZDeg * uz;
    }
}
