package io.tempostream.analytics.job;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.FieldSerializer;
import io.tempostream.analytics.detect.RepDetector;
import java.lang.reflect.Modifier;
import java.util.List;
import org.apache.flink.configuration.PipelineOptions;

/**
 * Kryo's field serializer for the rep detectors (every class implementing {@link RepDetector}), some
 * of which keep callbacks to their caller: it writes the same bytes as the default one, and copies
 * every field but those callbacks.
 *
 * <p>Why: the heap state backend copies a device's state on its first use after each checkpoint,
 * and Kryo cannot copy the callbacks (lambdas, which also reach into the operator's collector).
 * Flink's Kryo serializer then falls back to writing the whole state out and reading it back:
 * 108 µs a wrist device against 8 µs for the copy ({@code DeviceStateCopyBenchmark}; more in a
 * busy job), for every device every checkpoint, and the
 * fields a checkpoint leaves out (transient: caches, the provisional rep last offered) were reset
 * in the running job each time. A callback's field comes out empty in the copy; the detector
 * wraps its caller's consumer again on its next call.
 */
public final class DetectorKryoSerializer<T> extends FieldSerializer<T> {
    public DetectorKryoSerializer(Kryo kryo, Class<T> type) {
        super(kryo, type);
        for (CachedField field : getCopyFields()) {
            if (isCallback(field)) {
                removeField(field);
            }
        }
    }

    /** A transient field of an interface type: a consumer or listener, made by the detector per caller. */
    private static boolean isCallback(CachedField field) {
        return Modifier.isTransient(field.getField().getModifiers()) && field.getField().getType().isInterface();
    }

    /**
     * The job's {@link PipelineOptions#SERIALIZATION_CONFIG}: this serializer for every rep detector
     * (a default serializer for an interface serves each class implementing it). Callbacks kept
     * elsewhere in a device's state bring the fallback back: {@code DeviceStateCopyTest} finds them.
     */
    public static List<String> serializationConfig() {
        return List.of(RepDetector.class.getName() + ": {type: kryo, kryo-type: default, class: "
                + DetectorKryoSerializer.class.getName() + "}");
    }
}
