package io.tempostream.analytics.training;

import java.util.Arrays;
import java.util.Optional;

/**
 * The exercises the product knows by name (as an app selects them, docs/message-format.md), and
 * what each is for in a mid-back program: compound pulls carry the load, isolation movements
 * (face pulls, Y-raises) train the rear delts and lower traps on their own, and the isometric
 * scapular squeeze is activation before the working sets. Any other name is allowed and counts
 * as a working set of its own kind.
 */
public enum TrainingExercise {
    DUMBBELL_ROW("dumbbell-row", Category.COMPOUND),
    SEATED_CABLE_ROW("seated-cable-row", Category.COMPOUND),
    PENDLAY_ROW("pendlay-row", Category.COMPOUND),
    FACE_PULL("face-pull", Category.ISOLATION),
    BAND_FACE_PULL("band-face-pull", Category.ISOLATION),
    PRONE_Y_RAISE("prone-y-raise", Category.ISOLATION),
    SCAPULAR_SQUEEZE("scapular-squeeze", Category.ACTIVATION),
    SQUAT("squat", Category.OTHER),
    BENCH("bench", Category.OTHER);

    /** What an exercise is for in the program. */
    public enum Category {
        /** Multi-joint pulls: the working sets of the week. */
        COMPOUND,
        /** Single-joint work for the mid-back; a back session should have some. */
        ISOLATION,
        /** Scapular retractions before the working sets; not a working set. */
        ACTIVATION,
        /** Anything else the athlete does; counted as working sets. */
        OTHER
    }

    private final String wireName;
    private final Category category;

    TrainingExercise(String wireName, Category category) {
        this.wireName = wireName;
        this.category = category;
    }

    public String wireName() {
        return wireName;
    }

    public Category category() {
        return category;
    }

    public static Optional<TrainingExercise> fromWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }

    /** The names {@link #fromWireName} knows, for error messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(TrainingExercise::wireName).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The category of any exercise name; unknown and empty names are {@link Category#OTHER}. */
    public static Category categoryOf(String name) {
        return fromWireName(name).map(TrainingExercise::category).orElse(Category.OTHER);
    }
}
