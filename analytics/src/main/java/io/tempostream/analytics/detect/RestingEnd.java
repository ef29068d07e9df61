package io.tempostream.analytics.detect;

/**
 * Where the sensor rests between a set's reps, followed through the rotation each movement makes
 * (degrees about the sensor's axes, summed). A set's reps turn out from their resting end and
 * back to it. Walking turns about where the body stood: a trunk's twist starts half its size
 * away from there, an arm's swing (forward about twice as far as back) a third of it, and no
 * swing ends a rep there.
 *
 * <p>The resting end is where the sensor last rested ({@link RepAssembler#REST_MS} without a
 * movement before one began to turn) or where the last rep counted came back to where it began.
 * Sums run over about one rep between those points, so the gyroscope's offset left after
 * learning adds a fraction of a degree.
 */
final class RestingEnd {
    /** Every movement's rotation and what lay between them, summed since the stream began. */
    private double turnedX, turnedY, turnedZ;
    /** That sum where the latest movement began. */
    private double startX, startY, startZ;
    /** That sum where the way back of the rep on hand ended. */
    private double returnX, returnY, returnZ;
    /** That sum at the resting end. */
    private double restX, restY, restZ;

    /**
     * The next movement, {@code m}; {@code restedBefore}: the sensor rested before it, where it
     * began to turn (its lead-in before its start: a walk's first small swings).
     */
    void turn(Movement m, boolean restedBefore) {
        startX = turnedX + m.beforeXDeg();
        startY = turnedY + m.beforeYDeg();
        startZ = turnedZ + m.beforeZDeg();
        if (restedBefore) {
            restX = startX - m.leadInXDeg();
            restY = startY - m.leadInYDeg();
            restZ = startZ - m.leadInZDeg();
        }
        turnedX = startX + m.rotXDeg();
        turnedY = startY + m.rotYDeg();
        turnedZ = startZ + m.rotZDeg();
    }

    /** The latest movement was the way back of the rep on hand: remember where it ended. */
    void markReturn() {
        returnX = turnedX;
        returnY = turnedY;
        returnZ = turnedZ;
    }

    /** The rep on hand counted: where its way back ended is the resting end from now on. */
    void restAtReturn() {
        restX = returnX;
        restY = returnY;
        restZ = returnZ;
    }

    /** How far (degrees) from the resting end the latest movement began. */
    double latestStartAwayDeg() {
        double dx = startX - restX;
        double dy = startY - restY;
        double dz = startZ - restZ;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
