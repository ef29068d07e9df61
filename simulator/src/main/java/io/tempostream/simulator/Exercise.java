package io.tempostream.simulator;

import io.tempostream.ingest.Placement;
import java.util.Locale;
import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * The exercises the product serves, as kinematics: where the wrist and the upper back are at
 * progress {@code p} through the range of motion (0 = start position, 1 = end of the first phase),
 * and which phase starts a rep. Geometry is a plausible adult (shoulder-to-wrist 0.6 m); the
 * point is the shape each sensor sees, not one body's numbers.
 *
 * <ul>
 *   <li>Rows: the forearm hangs or points at the handle and rides with it; the wrist travels, it
 *       hardly turns. The back sensor sees scapular retraction (a few degrees, a few cm).</li>
 *   <li>Face pulls and Y-raises turn the whole arm: the wrist rotates by 90° or more.</li>
 *   <li>The scapular squeeze is isometric: retraction is held; the wrist barely moves.</li>
 *   <li>Squat and bench start with the eccentric (lowering), for contrast.</li>
 * </ul>
 */
public enum Exercise {
    DUMBBELL_ROW(true, 1.0) {
        @Override
        Pose wrist(double p) {
            // Bent over ~60°; neutral grip; hand rises 35 cm from the hanging position to the hip.
            return Pose.of(0.05 - 0.10 * p, 0, -0.60 + 0.35 * p, pitch(-10 * p));
        }

        @Override
        Pose back(double p) {
            return Pose.of(0, 0, 0.02 * p, pitch(60).applyTo(roll(8 * p)));
        }
    },
    SEATED_CABLE_ROW(true, 1.0) {
        @Override
        Pose wrist(double p) {
            return Pose.of(0.55 - 0.40 * p, 0, -0.15, pitch(90).applyTo(roll(10 * p)));
        }

        @Override
        Pose back(double p) {
            return Pose.of(-0.02 * p, 0, 0, pitch(5).applyTo(roll(8 * p)));
        }
    },
    FACE_PULL(true, 1.0) {
        @Override
        Pose wrist(double p) {
            // From arms out at face height to hands beside the ears, upper arm rotating outward 90°.
            return Pose.of(0.55 - 0.40 * p, 0.10 + 0.10 * p, 0.10 + 0.10 * p, pitch(90 - 90 * p));
        }

        @Override
        Pose back(double p) {
            return Pose.of(-0.02 * p, 0, 0, roll(10 * p));
        }
    },
    BAND_FACE_PULL(true, 0.85) {
        @Override
        Pose wrist(double p) {
            return FACE_PULL.wrist(p);
        }

        @Override
        Pose back(double p) {
            return FACE_PULL.back(p);
        }
    },
    PRONE_Y_RAISE(true, 1.0) {
        @Override
        Pose wrist(double p) {
            // Chest on an incline bench, arm hanging; raised along a Y by ~110° about the shoulder.
            double a = Math.toRadians(110 * p);
            return Pose.of(0.6 * Math.sin(a), 0.2 * p, -0.6 * Math.cos(a), pitch(-110 * p));
        }

        @Override
        Pose back(double p) {
            return Pose.of(0, 0, 0.01 * p, pitch(45).applyTo(roll(6 * p)));
        }
    },
    PENDLAY_ROW(true, 1.0) {
        @Override
        Pose wrist(double p) {
            // Torso horizontal, bar from a dead stop on the floor to the lower chest.
            return Pose.of(0.05 - 0.05 * p, 0, -0.65 + 0.45 * p, pitch(-8 * p));
        }

        @Override
        Pose back(double p) {
            return Pose.of(0, 0, 0.02 * p, pitch(85).applyTo(roll(8 * p)));
        }
    },
    SCAPULAR_SQUEEZE(true, 1.0) {
        @Override
        Pose wrist(double p) {
            return Pose.of(-0.04 * p, 0, -0.60, pitch(-3 * p));
        }

        @Override
        Pose back(double p) {
            return Pose.of(-0.02 * p, 0, 0, roll(12 * p));
        }
    },
    SQUAT(false, 1.0) {
        @Override
        Pose wrist(double p) {
            return Pose.of(0, 0, -0.50 * p, pitch(-20 * p));
        }

        @Override
        Pose back(double p) {
            return Pose.of(0.05 * p, 0, -0.50 * p, pitch(35 * p));
        }
    },
    BENCH(false, 1.0) {
        @Override
        Pose wrist(double p) {
            return Pose.of(0, 0, -0.35 * p, pitch(-90).applyTo(pitch(-15 * p)));
        }

        @Override
        Pose back(double p) {
            return Pose.of(0, 0, 0, pitch(-90).applyTo(roll(4 * p)));
        }
    };

    /** Beyond any rep's range: 1 + 5 standard deviations of the simulator's 3 % range variation. */
    static final double MAX_PROGRESS = 1.15;

    private final boolean concentricFirst;
    private final double romScale;

    Exercise(boolean concentricFirst, double romScale) {
        this.concentricFirst = concentricFirst;
        this.romScale = romScale;
    }

    /** Pulls, raises and rows start by lifting (concentric); squat and bench start by lowering. */
    public boolean concentricFirst() {
        return concentricFirst;
    }

    /**
     * The pose of a sensor at progress {@code p}: 0 at the resting end, 1 at a nominal rep's far
     * end. Reps vary in range by a few per cent (ExerciseSimulator), so {@code p} may pass 1 a
     * little; it is clamped to [0, {@link #MAX_PROGRESS}] only. (Clamped at 1, a rep 3 % larger
     * stopped dead a tenth of its concentric early: a jolt the sensor showed, and a concentric
     * shorter than its truth.)
     */
    public Pose pose(Placement placement, double p) {
        double q = Math.max(0, Math.min(MAX_PROGRESS, p)) * romScale;
        return placement == Placement.WRIST ? wrist(q) : back(q);
    }

    abstract Pose wrist(double p);

    abstract Pose back(double p);

    /** The name used in session scripts and flags, e.g. {@code dumbbell-row}. */
    public String scriptName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The exercise named as in session scripts and the exercise topic ({@code dumbbell-row}), or by
     * the shorter name {@code analyze --exercise} takes for it ({@code row}, {@code cable-row},
     * {@code y-raise}), so the same word works everywhere.
     */
    public static Exercise fromScriptName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (Exercise e : values()) {
            if (e.scriptName().equals(key)) {
                return e;
            }
        }
        switch (key) {
            case "row":
                return DUMBBELL_ROW;
            case "cable-row":
                return SEATED_CABLE_ROW;
            case "y-raise":
                return PRONE_Y_RAISE;
            default:
                break;
        }
        throw new IllegalArgumentException("exercise must be one of " + java.util.Arrays.stream(values())
                .map(Exercise::scriptName).toList() + ", got '" + name + "'");
    }

    /** Rotation about the lateral axis (y): positive tips the sensor's front downward. */
    static Rotation pitch(double degrees) {
        return new Rotation(Vector3D.PLUS_J, Math.toRadians(degrees), RotationConvention.VECTOR_OPERATOR);
    }

    /** Rotation about the forward axis (x). */
    static Rotation roll(double degrees) {
        return new Rotation(Vector3D.PLUS_I, Math.toRadians(degrees), RotationConvention.VECTOR_OPERATOR);
    }
}
