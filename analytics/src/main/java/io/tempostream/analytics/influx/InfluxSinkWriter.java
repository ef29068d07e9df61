package io.tempostream.analytics.influx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers points (as line protocol) and writes them in batches. While InfluxDB is unreachable the
 * points stay buffered and attempts back off; the outage is logged once, not once per write.
 * Nothing is dropped, and an outage holds nothing else up: the points not yet written are part of
 * each checkpoint ({@link #snapshotState}), so checkpoints complete, the source acknowledges what
 * they cover, and a job restored from one writes those points once InfluxDB is back. Only with
 * {@code maxBufferedPoints} waiting does {@link #write} wait for InfluxDB (backpressure).
 */
final class InfluxSinkWriter<T> implements StatefulSinkWriter<T, String> {
    private static final Logger LOG = LoggerFactory.getLogger(InfluxSinkWriter.class);
    private static final long MAX_RETRY_BACKOFF_MS = 30_000;

    private final InfluxOptions options;
    private final PointMapper<T> mapper;
    private final ProcessingTimeService timers;
    private final InfluxDB client;
    /** Line protocol at millisecond precision, oldest first. */
    private final ArrayDeque<String> buffer = new ArrayDeque<>();
    private final Counter pointsWritten;
    private final Counter writeErrors;
    private final Counter pointsRejected;
    private boolean databaseReady;
    private boolean outage;
    /** While InfluxDB is down, attempts back off exponentially so a dead host cannot stall the task. */
    private long retryBackoffMs;
    private long nextAttemptAtMs;
    private boolean closed;
    /**
     * Null when this sink does not report its own health. The job's sinks share one InfluxDB: the
     * one that reports its health also says when InfluxDB goes and comes back, the others only at
     * debug level, so an outage is one line per change.
     */
    private final SinkHealth health;

    InfluxSinkWriter(InfluxOptions options, PointMapper<T> mapper, ProcessingTimeService timers,
            MetricGroup metrics, InfluxDB client, SinkHealth health, Collection<String> restored) {
        this.health = health;
        this.options = options;
        this.mapper = mapper;
        this.timers = timers;
        this.client = client;
        this.pointsWritten = metrics.counter("influxPointsWritten");
        this.writeErrors = metrics.counter("influxWriteErrors");
        this.pointsRejected = metrics.counter("influxPointsRejected");
        metrics.gauge("influxBufferedPoints", buffer::size);
        buffer.addAll(restored);
        scheduleFlush();
    }

    @Override
    public void write(T element, Context context) throws InterruptedException {
        String line;
        try {
            line = mapper.toPoint(element).lineProtocol(TimeUnit.MILLISECONDS);
        } catch (IllegalArgumentException e) {
            // A value that cannot be written safely (LineProtocolSafety): counted, never written.
            pointsRejected.inc();
            if (pointsRejected.getCount() % 1_000 == 1) {
                LOG.warn("not writing a point ({} so far): {}", pointsRejected.getCount(), e.getMessage());
            }
            return;
        }
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            pointsRejected.inc();
            LOG.warn("not writing a point whose line protocol would span lines ({} so far)", pointsRejected.getCount());
            return;
        }
        buffer.addLast(line);
        if (buffer.size() >= options.batchSize()) {
            writeBuffered();
        }
        // Memory stays bounded: wait here for InfluxDB rather than drop what it has not taken.
        while (buffer.size() >= options.maxBufferedPoints() && !closed) {
            waitForNextAttempt();
            writeBuffered();
        }
    }

    /**
     * Before a checkpoint barrier passes: one attempt, and what InfluxDB does not take goes into the
     * checkpoint. At the end of a bounded input: everything is written, waiting for InfluxDB if need be.
     */
    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        writeBuffered();
        while (endOfInput && !buffer.isEmpty() && !closed) {
            waitForNextAttempt();
            writeBuffered();
        }
    }

    @Override
    public List<String> snapshotState(long checkpointId) {
        return new ArrayList<>(buffer);
    }

    private void waitForNextAttempt() throws InterruptedException {
        Thread.sleep(Math.max(10, nextAttemptAtMs - timers.getCurrentProcessingTime()));
    }

    @Override
    public void close() {
        closed = true;
        writeBuffered();
        if (!buffer.isEmpty()) {
            // Not lost: the last checkpoint holds them, or they came after it and will be sent again.
            LOG.debug("closing with {} points not written to InfluxDB at {}", buffer.size(), options);
        }
        client.close();
    }

    private void scheduleFlush() {
        timers.registerTimer(timers.getCurrentProcessingTime() + options.flushIntervalMs(), time -> {
            if (!closed) {
                Point report = health == null ? null : health.reportIfDue(time, buffer.size());
                if (report != null) {
                    buffer.addLast(report.lineProtocol(TimeUnit.MILLISECONDS));
                }
                writeBuffered();
                scheduleFlush();
            }
        });
    }

    private void writeBuffered() {
        if (outage && timers.getCurrentProcessingTime() < nextAttemptAtMs) {
            return;
        }
        while (!buffer.isEmpty()) {
            List<String> batch = new ArrayList<>(Math.min(buffer.size(), options.batchSize()));
            buffer.stream().limit(options.batchSize()).forEach(batch::add);
            if (!tryWrite(batch)) {
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                buffer.removeFirst();
            }
        }
    }

    /** True when the batch is done with: written, or refused by InfluxDB for good. */
    private boolean tryWrite(List<String> batch) {
        try {
            if (!databaseReady) {
                // InfluxDB 1.x creates on demand; 2.x/3.x v1 compatibility refuses and needs a mapped bucket.
                try {
                    client.query(new Query("CREATE DATABASE \"" + options.database() + "\""));
                } catch (RuntimeException e) {
                    if (isUnreachable(e)) {
                        throw e;
                    }
                    LOG.info("CREATE DATABASE {} refused ({}); assuming it exists", options.database(), e.getMessage());
                }
                databaseReady = true;
            }
            try {
                client.write(options.database(), null, InfluxDB.ConsistencyLevel.ONE, TimeUnit.MILLISECONDS, batch);
            } catch (InfluxDBException.FieldTypeConflictException | InfluxDBException.UnableToParseException
                    | InfluxDBException.PointsBeyondRetentionPolicyException refused) {
                // InfluxDB refuses these points for good: the same write would fail for ever, and
                // waiting for it would stop the job. InfluxDB 1.x still writes the batch's valid
                // points (a partial write); the whole batch is counted, an upper bound.
                pointsRejected.inc(batch.size());
                if (health != null) {
                    health.refused(batch.size());
                }
                LOG.warn("InfluxDB at {} refused {} points for good: {}", options, batch.size(), refused.getMessage());
                return true;
            }
            pointsWritten.inc(batch.size());
            if (health != null) {
                health.written(batch.size());
            }
            if (outage) {
                log("InfluxDB at {} is reachable again; writing {} buffered points", options, buffer.size());
                outage = false;
                retryBackoffMs = 0;
            }
            return true;
        } catch (RuntimeException e) {
            writeErrors.inc();
            if (health != null) {
                health.writeError();
            }
            if (!outage) {
                log("InfluxDB at {} is not accepting writes ({}); keeping points (in checkpoints too) and retrying",
                        options, e.getMessage());
                outage = true;
            }
            retryBackoffMs = Math.min(MAX_RETRY_BACKOFF_MS, Math.max(options.flushIntervalMs(), 2 * retryBackoffMs));
            nextAttemptAtMs = timers.getCurrentProcessingTime() + retryBackoffMs;
            return false;
        }
    }

    private void log(String message, Object... args) {
        if (health != null) {
            LOG.warn(message, args);
        } else {
            LOG.debug(message, args);
        }
    }

    private static boolean isUnreachable(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
