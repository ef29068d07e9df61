package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.tempostream.analytics.detect.RepDetectors;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.Placement;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A device's detector is checkpointed field by field (Kryo), so a checkpoint is readable only by
 * code whose fields are the same. The fields are recorded in device-state-format.txt under the
 * rep operator's id; a change to them must come with a new id ({@link TempoStreamJob#REPS_FROM_BATCHES_UID}),
 * or a restore from an older checkpoint would fail for ever instead of being refused at start.
 */
class DeviceStateFormatTest {
    private static final String RECORDED = "device-state-format.txt";

    @Test
    void theDeviceStatesFieldsAreThoseRecordedForTheRepOperatorsId() throws Exception {
        SortedSet<String> fields = new TreeSet<>();
        for (Placement placement : Placement.values()) {
            DeviceState state = new DeviceState();
            state.detector = RepDetectors.forPlacement(placement, "a", "d");
            // A set and its rest, so that parts made on the way (movements, reps) are there too.
            SessionScript script = new SessionScript("a", "d", placement, 100, 10, 5_000,
                    List.of(SetScript.of(Exercise.DUMBBELL_ROW, 4, "2-1-2-0", 10_000)));
            for (ImuBatch batch : ExerciseSimulator.simulate(script, 1_764_000_000_000L, 1).batches()) {
                state.recentBatches.seenBefore(batch);
                state.detector.accept(batch, rep -> { });
            }
            collectFields(state, fields, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        List<String> recorded = recorded();
        String header = "# " + TempoStreamJob.REPS_FROM_BATCHES_UID;
        List<String> actual = new ArrayList<>();
        actual.add(header);
        actual.addAll(fields);
        if (!actual.equals(recorded)) {
            Path written = Path.of("target", RECORDED);
            Files.write(written, actual, StandardCharsets.UTF_8);
            List<String> added = new ArrayList<>(actual);
            added.removeAll(recorded);
            List<String> removed = new ArrayList<>(recorded);
            removed.removeAll(actual);
            fail("the device state's fields differ from " + RECORDED + " (added " + added + ", removed " + removed
                    + "): give the rep operator a new id in TempoStreamJob.REPS_FROM_BATCHES_UID, then copy "
                    + written.toAbsolutePath() + " over src/test/resources/io/tempostream/analytics/job/" + RECORDED);
        }
        assertEquals(header, recorded.get(0));
    }

    private static List<String> recorded() throws Exception {
        try (InputStream in = DeviceStateFormatTest.class.getResourceAsStream(RECORDED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Every field Kryo writes (not static, not transient) of the project's classes reachable from {@code o}. */
    private static void collectFields(Object o, Set<String> out, Set<Object> seen) throws IllegalAccessException {
        if (o == null || !seen.add(o)) {
            return;
        }
        if (o instanceof Object[] array) {
            for (Object element : array) {
                collectFields(element, out, seen);
            }
            return;
        }
        if (o instanceof Collection<?> collection) {
            for (Object element : collection) {
                collectFields(element, out, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> map) {
            for (Object value : map.values()) {
                collectFields(value, out, seen);
            }
            return;
        }
        // A lambda's class name changes from run to run; the field holding it is recorded with its type.
        if (!o.getClass().getName().startsWith("io.tempostream.") || o.getClass().isHidden()) {
            return;
        }
        for (Class<?> c = o.getClass(); c != Object.class && c != Record.class && c != Enum.class; c = c.getSuperclass()) {
            for (Field field : stored(c)) {
                // DeviceState itself is a POJO to Flink, whose serializer takes added and removed fields.
                if (c != DeviceState.class) {
                    out.add(c.getName() + "." + field.getName() + ": " + field.getGenericType().getTypeName());
                }
                collectDeclared(field.getType(), out, seen);
                field.setAccessible(true);
                collectFields(field.get(o), out, seen);
            }
        }
    }

    /** The fields of a project class a field is declared as, for those the session left null (a rep under way). */
    private static void collectDeclared(Class<?> type, Set<String> out, Set<Object> seen) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (!type.getName().startsWith("io.tempostream.") || type.isInterface() || type.isEnum() || !seen.add(type)) {
            return;
        }
        for (Field field : stored(type)) {
            out.add(type.getName() + "." + field.getName() + ": " + field.getGenericType().getTypeName());
            collectDeclared(field.getType(), out, seen);
        }
    }

    /** The fields Kryo writes: neither static nor transient. */
    private static List<Field> stored(Class<?> c) {
        List<Field> fields = new ArrayList<>();
        for (Field field : c.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                fields.add(field);
            }
        }
        return fields;
    }
}
