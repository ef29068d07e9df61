package io.tempostream.ingest;

import java.util.regex.Pattern;

/**
 * The athlete said what they are about to do: from {@code fromMs} (sensor time) on, the device's
 * reps are of {@code exercise}, until the next selection. An app sends one when the athlete picks
 * the next exercise, on {@code tempostream/{athleteId}/{deviceId}/exercise}
 * (docs/message-format.md). Names are free (lower-case words joined by dashes); the ones the
 * product knows (see {@code TrainingExercise} in the job) get their tempo and category, others
 * are counted as plain working sets.
 */
public record ExerciseSelection(String athleteId, String deviceId, long fromMs, String exercise) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_NAME_LENGTH = 40;

    public ExerciseSelection {
        new ImuTopic(athleteId, deviceId); // validates the ids
        if (!isValidName(exercise)) {
            throw new IllegalArgumentException(nameRule(exercise));
        }
    }

    public ImuTopic device() {
        return new ImuTopic(athleteId, deviceId);
    }

    public static boolean isValidName(String name) {
        return name != null && name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
    }

    static String nameRule(String name) {
        return "exercise must be lower-case words joined by '-' (at most " + MAX_NAME_LENGTH
                + " characters, e.g. dumbbell-row), got '" + ImuTopic.abbreviate(name) + "'";
    }
}
