package io.tempostream.analytics.detect;

/**
 * One continuous rotation: the building block of reps. Start and end are where angular velocity
 * leaves and returns to zero; {@code rotX/Y/Z} is the rotation it made, in degrees about each
 * sensor axis (the integral of angular velocity). Reps compare movements by these vectors, not by
 * one estimated axis: an axis learned from the previous exercise would hide the next one's first
 * reps. {@code startJolt} and {@code endJolt} say how suddenly it starts and ends (see
 * {@link Rep#concentricJolt()}). {@code beforeX/Y/ZDeg} is the rotation between the end of the
 * movement before and this one's start: drift, and turns too small or too quick to be movements,
 * so that the movements and what lies between them add up to where the sensor turned.
 * {@code leadInX/Y/ZDeg} is the part of it since the sensor began to turn (the onset), where that
 * was well before the start: small swings building up into this one (a walk setting off), which
 * are no movement of their own.
 */
record Movement(long startMs, long endMs, double rotXDeg, double rotYDeg, double rotZDeg, double peakDps,
        double startJolt, double endJolt, double beforeXDeg, double beforeYDeg, double beforeZDeg,
        double leadInXDeg, double leadInYDeg, double leadInZDeg) {
    /** The same movement, ending at {@code ms} (a turn shared with the next one). */
    Movement endingAt(long ms) {
        return new Movement(startMs, Math.max(startMs + 1, ms), rotXDeg, rotYDeg, rotZDeg, peakDps, startJolt, endJolt,
                beforeXDeg, beforeYDeg, beforeZDeg, leadInXDeg, leadInYDeg, leadInZDeg);
    }

    /** The same movement, starting at {@code ms} (a turn shared with the one before). */
    Movement startingAt(long ms) {
        return new Movement(Math.min(ms, endMs - 1), endMs, rotXDeg, rotYDeg, rotZDeg, peakDps, startJolt, endJolt,
                beforeXDeg, beforeYDeg, beforeZDeg, leadInXDeg, leadInYDeg, leadInZDeg);
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
