package io.tempostream.analytics.job;

import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.mqtt.ReaderReadiness;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The whole job (MQTT in, InfluxDB out) on the test's MiniCluster, returned once every reader is
 * subscribed, so what the test publishes next is heard; closing it cancels the job.
 */
public final class RunningJob implements AutoCloseable {
    private final JobClient job;

    private RunningJob(JobClient job) {
        this.job = job;
    }

    public static RunningJob start(JobOptions options, String name) throws Exception {
        return start(options, name, options.mqtt());
    }

    /**
     * @param readinessLogin whose login hears the reader's status: on a broker where a client's id
     *     is its login (deploy/mosquitto), not the job's, or the two connections would push each other off
     */
    public static RunningJob start(JobOptions options, String name, MqttSourceOptions readinessLogin) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        TempoStreamJob.configure(env, options);
        TempoStreamJob.fromOptions(options).addTo(env);
        try (ReaderReadiness readiness = new ReaderReadiness(readinessLogin)) {
            JobClient job = env.executeAsync(name);
            try {
                readiness.await(60_000);
            } catch (Exception | AssertionError e) {
                job.cancel().get();
                throw e;
            }
            return new RunningJob(job);
        }
    }

    @Override
    public void close() throws Exception {
        job.cancel().get();
    }
}
