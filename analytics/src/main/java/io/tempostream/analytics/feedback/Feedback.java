package io.tempostream.analytics.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.ingest.ImuTopic;
import java.io.Serializable;

/**
 * One message to an athlete's devices on {@link ImuTopic#feedbackTopic}: a rep the moment it is
 * reported (provisional first where the engine offers one, then final), or the phase under way.
 * Small JSON, the contract in docs/message-format.md ("Feedback to the athlete").
 *
 * @param replaceable a phase report, which the next one replaces within a second: sent once (QoS
 *     0), never kept for a resend. A rep is sent until the broker acknowledges it (QoS 1).
 */
public record Feedback(String athleteId, String json, boolean replaceable) implements Serializable {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String topic() {
        return ImuTopic.feedbackTopic(athleteId);
    }

    public static Feedback ofRep(Rep rep) {
        ObjectNode root = head("rep", rep.deviceId());
        root.put("final", !rep.provisional());
        root.put("hold", rep.isometric());
        root.put("set", rep.set());
        root.put("rep", rep.rep());
        root.put("exercise", rep.exercise());
        root.put("startMs", rep.startMs());
        root.put("endMs", rep.endMs());
        root.put("concentricMs", rep.concentricMs());
        root.put("peakHoldMs", rep.peakHoldMs());
        root.put("eccentricMs", rep.eccentricMs());
        root.put("bottomPauseMs", rep.bottomPauseMs());
        return new Feedback(rep.athleteId(), write(root), false);
    }

    /**
     * The phase under way on a device: {@code phase} (a {@link io.tempostream.analytics.detect.RepPhase}
     * wire name) since {@code sinceMs}, seen up to {@code atMs}, {@code active} false once the device
     * comes to rest; {@code phaseMs} the rep's time in each phase so far (concentric, peak hold,
     * eccentric, bottom pause).
     */
    public static Feedback ofPhase(String athleteId, String deviceId, String phase, boolean active, long sinceMs, long atMs,
            long[] phaseMs) {
        ObjectNode root = head("phase", deviceId);
        root.put("phase", phase);
        root.put("active", active);
        root.put("sinceMs", sinceMs);
        root.put("atMs", atMs);
        root.put("concentricMs", phaseMs[0]);
        root.put("peakHoldMs", phaseMs[1]);
        root.put("eccentricMs", phaseMs[2]);
        root.put("bottomPauseMs", phaseMs[3]);
        return new Feedback(athleteId, write(root), true);
    }

    private static ObjectNode head(String type, String deviceId) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("v", VERSION);
        root.put("type", type);
        root.put("device", deviceId);
        return root;
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serialises", e);
        }
    }
}
