package io.tempostream.analytics.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttFeedbackSinkTest {
    @Test
    void aJobThatLogsInGetsNoFeedbackWithoutALoginOfItsOwn() {
        MqttEndpoint job = new MqttEndpoint("ssl://broker:8883", "tempostream-job", "job-secret", "/etc/ca.crt");
        assertTrue(MqttFeedbackSink.forJob(job, Map.of(), "job").isEmpty(),
                "a second connection under the job's login would push the job's reader off the broker");
    }

    @Test
    void theFeedbackLoginUsesTheJobsBrokerAndTrust() {
        MqttEndpoint job = new MqttEndpoint("ssl://broker:8883", "tempostream-job", "job-secret", "/etc/ca.crt");
        MqttFeedbackSink sink = MqttFeedbackSink.forJob(job, Map.of("MQTT_FEEDBACK_USERNAME", "tempostream-feedback",
                "MQTT_FEEDBACK_PASSWORD", "feedback-secret"), "job").orElseThrow();
        assertEquals(new MqttEndpoint("ssl://broker:8883", "tempostream-feedback", "feedback-secret", "/etc/ca.crt"),
                sink.endpoint());
    }

    @Test
    void aBrokerWithoutLoginsGetsFeedbackAnonymously() {
        assertTrue(MqttFeedbackSink.forJob(MqttEndpoint.of("tcp://127.0.0.1:1883"), Map.of(), "job").isPresent());
    }

    @Test
    void aMessageWaitingInACheckpointComesBackTheSame() {
        Feedback feedback = Feedback.ofRep(new Rep("a1", "wrist", 1, 2, 1_000, 8_000, 3_000, 1_000, 3_000, 0, 0, 0.3, 0.5,
                3, 3, "dumbbell-row"));
        MqttFeedbackSink.FeedbackSerializer serializer = new MqttFeedbackSink.FeedbackSerializer();
        assertEquals(feedback, serializer.deserialize(serializer.getVersion(), serializer.serialize(feedback)));
        assertEquals("tempostream/a1/feedback", feedback.topic());
    }
}
