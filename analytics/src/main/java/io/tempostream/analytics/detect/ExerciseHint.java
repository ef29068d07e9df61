package io.tempostream.analytics.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the athlete says they are doing, when they say it. The engine works without it; with it,
 * the wrist engine follows the one signal that exercise moves (bar travel or forearm rotation),
 * and for travel it knows which end a rep starts from: pulls, presses and deadlifts start at the
 * bottom and rise (concentric first), squat and bench start at the top and descend (eccentric first).
 */
public enum ExerciseHint {
    ROW("row", WristSignal.TRAVEL, 1, "dumbbell-row"),
    PENDLAY_ROW("pendlay-row", WristSignal.TRAVEL, 1),
    DEADLIFT("dead", WristSignal.TRAVEL, 1, "deadlift"),
    OVERHEAD_PRESS("ohp", WristSignal.TRAVEL, 1, "overhead-press"),
    SQUAT("squat", WristSignal.TRAVEL, -1),
    BENCH("bench", WristSignal.TRAVEL, -1),
    FACE_PULL("face-pull", WristSignal.ROTATION, 0, "band-face-pull"),
    Y_RAISE("y-raise", WristSignal.ROTATION, 0, "prone-y-raise"),
    /** The handle travels horizontally, which neither wrist signal follows yet: no narrowing. */
    CABLE_ROW("cable-row", WristSignal.EITHER, 0, "seated-cable-row"),
    /** Isometric: the wrist stays still; the back sensor sees the squeeze. */
    SCAPULAR_SQUEEZE("scapular-squeeze", WristSignal.EITHER, 0);

    /** Which of the wrist engine's detectors can see the exercise. */
    public enum WristSignal { TRAVEL, ROTATION, EITHER }

    private final String cliName;
    /** The names session scripts and the exercise topic use, where they differ (dumbbell-row for row). */
    private final List<String> aliases;
    private final WristSignal wristSignal;
    private final int farEndDirection;

    ExerciseHint(String cliName, WristSignal wristSignal, int farEndDirection, String... aliases) {
        this.cliName = cliName;
        this.aliases = List.of(aliases);
        this.wristSignal = wristSignal;
        this.farEndDirection = farEndDirection;
    }

    public String cliName() {
        return cliName;
    }

    public WristSignal wristSignal() {
        return wristSignal;
    }

    /** Pulls, raises, presses and deadlifts start with the concentric; squat and bench with the eccentric. */
    public boolean concentricFirst() {
        return farEndDirection >= 0;
    }

    /** +1 if a rep's far end is its top (starts at the bottom), −1 if its bottom, 0 if not a travel exercise. */
    public int farEndDirection() {
        return farEndDirection;
    }

    /**
     * The hint named {@code name}, as on the command line ({@code row}) or as in session scripts and
     * the exercise topic ({@code dumbbell-row}); empty for a name it does not know.
     */
    public static Optional<ExerciseHint> fromCliName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(h -> h.cliName.equals(key) || h.aliases.contains(key)).findFirst();
    }

    /** The names {@link #fromCliName} accepts, for error messages. */
    public static String cliNames() {
        return Arrays.stream(values()).map(ExerciseHint::cliName).sorted().collect(Collectors.joining(", "));
    }
}
