package io.tempostream.analytics.job;

import io.tempostream.ingest.ExerciseSelection;
import io.tempostream.ingest.ExerciseSelectionCodec;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.InvalidPayloadException;
import io.tempostream.ingest.RejectReason;
import io.tempostream.ingest.mqtt.MqttRecord;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes MQTT messages into sample batches, and exercise selections (their own topic) to the
 * {@link #SELECTIONS} side output. A bad message never fails the job: it goes to the
 * {@link #REJECTED} side output, is counted per reason ({@code rejectedPayloads{reason=…}}) and is
 * logged — the first of each reason and then every thousandth, so a flood cannot flood the log.
 */
public final class BatchesFromMessages extends ProcessFunction<MqttRecord, ImuBatch> {
    public static final OutputTag<RejectedPayload> REJECTED = new OutputTag<>("rejected-payloads") { };
    public static final OutputTag<ExerciseSelection> SELECTIONS = new OutputTag<>("exercise-selections") { };
    /**
     * What this reader took in, every 10 s (the pipeline-health dashboard): with messages or the
     * reader's ticks, so a burst of refusals followed by silence still shows within 11 s.
     */
    public static final OutputTag<IngestHealth> HEALTH = new OutputTag<>("ingest-health") { };
    private static final Logger LOG = LoggerFactory.getLogger(BatchesFromMessages.class);
    private static final long LOG_EVERY = 1_000;

    private transient Map<RejectReason, Counter> rejected;
    private transient IngestCounts counts;

    @Override
    public void open(OpenContext context) {
        counts = new IngestCounts();
        rejected = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(reason, getRuntimeContext().getMetricGroup()
                    .addGroup("reason", reason.metricName()).counter("rejectedPayloads"));
        }
    }

    @Override
    public void processElement(MqttRecord record, Context ctx, Collector<ImuBatch> out) {
        IngestHealth health = counts.reportIfDue(ctx.timerService().currentProcessingTime(),
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        if (health != null) {
            ctx.output(HEALTH, health);
        }
        if (record.isTick()) {
            return; // the reader heard nothing for a second: only for the report above
        }
        try {
            if (ImuTopic.isExerciseTopic(record.topic())) {
                ctx.output(SELECTIONS, ExerciseSelectionCodec.decode(record.topic(), record.payload()));
                counts.selection();
            } else {
                ImuBatch batch = ImuBatchCodec.decode(record.topic(), record.payload());
                counts.batch(batch);
                out.collect(batch);
            }
        } catch (InvalidPayloadException e) {
            counts.rejected(e.reason());
            Counter counter = rejected.get(e.reason());
            counter.inc();
            if (counter.getCount() % LOG_EVERY == 1) {
                LOG.warn("rejected payload on '{}' ({}, {} so far): {}", ImuTopic.abbreviate(record.topic()), e.reason().metricName(),
                        counter.getCount(), e.getMessage());
            }
            ctx.output(REJECTED, new RejectedPayload(record.topic(), e.reason(), e.getMessage(), record.receivedAtMs()));
        }
    }

}
