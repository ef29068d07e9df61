package io.tempostream.analytics.feedback;

import io.tempostream.ingest.mqtt.MqttEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sink V2 that publishes {@link Feedback} to the broker: reps at QoS 1, at least once (a rep the
 * broker has not acknowledged by a checkpoint is kept in it, writer state, and sent again after a
 * restore, so a checkpoint never waits for the broker); phase reports, which the next replaces
 * within a second, once at QoS 0. Each writer has a client of its own, with a
 * login of its own: the job's reader may not share one (docs/operations.md).
 */
public final class MqttFeedbackSink implements Sink<Feedback>, SupportsWriterState<Feedback, Feedback> {
    private static final Logger LOG = LoggerFactory.getLogger(MqttFeedbackSink.class);
    private final MqttEndpoint endpoint;
    private final String clientIdPrefix;

    public MqttFeedbackSink(MqttEndpoint endpoint, String clientIdPrefix) {
        this.endpoint = endpoint;
        this.clientIdPrefix = clientIdPrefix;
    }

    /**
     * The job's feedback sink: the job's broker and trust, under the login in
     * {@code MQTT_FEEDBACK_USERNAME} / {@code MQTT_FEEDBACK_PASSWORD}. Empty (no feedback) when the
     * job logs in and no feedback login is given: the brokers this project ships use the login as
     * client id, so a second connection under the job's own login would push its reader off.
     */
    public static Optional<MqttFeedbackSink> forJob(MqttEndpoint job, Map<String, String> environment, String clientIdPrefix) {
        String username = environment.getOrDefault("MQTT_FEEDBACK_USERNAME", "");
        if (username.isEmpty() && !job.username().isEmpty()) {
            LOG.warn("no feedback to athletes' devices: the job logs in as {}, and MQTT_FEEDBACK_USERNAME is not set"
                    + " (docs/operations.md, feedback login)", job.username());
            return Optional.empty();
        }
        return Optional.of(new MqttFeedbackSink(new MqttEndpoint(job.serverUri(), username,
                environment.getOrDefault("MQTT_FEEDBACK_PASSWORD", ""), job.caFile()), clientIdPrefix));
    }

    /** Where and as whom it publishes. */
    MqttEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public StatefulSinkWriter<Feedback, Feedback> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<Feedback, Feedback> restoreWriter(WriterInitContext context, Collection<Feedback> unacknowledged) {
        String clientId = clientIdPrefix + "-feedback-" + context.getTaskInfo().getIndexOfThisSubtask();
        MqttFeedbackWriter writer = new MqttFeedbackWriter(endpoint, clientId, context.getProcessingTimeService(), unacknowledged);
        writer.reportTo(context.metricGroup());
        return writer;
    }

    @Override
    public SimpleVersionedSerializer<Feedback> getWriterStateSerializer() {
        return new FeedbackSerializer();
    }

    /** A rep not yet acknowledged (phase reports are never kept): its athlete, a newline, its JSON (which has no raw newline). */
    static final class FeedbackSerializer implements SimpleVersionedSerializer<Feedback> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Feedback feedback) {
            return (feedback.athleteId() + "\n" + feedback.json()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Feedback deserialize(int version, byte[] serialized) {
            String s = new String(serialized, StandardCharsets.UTF_8);
            int newline = s.indexOf('\n');
            return new Feedback(s.substring(0, newline), s.substring(newline + 1), false);
        }
    }
}
