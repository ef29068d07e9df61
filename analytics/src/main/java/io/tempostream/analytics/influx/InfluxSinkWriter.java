package io.tempostream.analytics.influx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers points and writes them in batches. While InfluxDB is unreachable the points stay
 * buffered and attempts back off; the outage is logged once, not once per write. Nothing is
 * dropped: with {@code maxBufferedPoints} waiting, {@link #write} waits for InfluxDB, and so does
 * the flush before each checkpoint. The job backs up to the broker (backpressure), and a checkpoint,
 * after which the source acknowledges its messages, completes only once its reps are in InfluxDB.
 */
final class InfluxSinkWriter<T> implements SinkWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(InfluxSinkWriter.class);
    private static final long MAX_RETRY_BACKOFF_MS = 30_000;

    private final InfluxOptions options;
    private final PointMapper<T> mapper;
    private final ProcessingTimeService timers;
    private final InfluxDB client;
    private final ArrayDeque<Point> buffer = new ArrayDeque<>();
    private final Counter pointsWritten;
    private final Counter writeErrors;
    private final Counter pointsRejected;
    private boolean databaseReady;
    private boolean outage;
    /** While InfluxDB is down, attempts back off exponentially so a dead host cannot stall the task. */
    private long retryBackoffMs;
    private long nextAttemptAtMs;
    private boolean closed;
    /** Null when this sink does not report its own health. */
    private final SinkHealth health;

    InfluxSinkWriter(InfluxOptions options, PointMapper<T> mapper, ProcessingTimeService timers,
            MetricGroup metrics, InfluxDB client) {
        this(options, mapper, timers, metrics, client, null);
    }

    InfluxSinkWriter(InfluxOptions options, PointMapper<T> mapper, ProcessingTimeService timers,
            MetricGroup metrics, InfluxDB client, SinkHealth health) {
        this.health = health;
        this.options = options;
        this.mapper = mapper;
        this.timers = timers;
        this.client = client;
        this.pointsWritten = metrics.counter("influxPointsWritten");
        this.writeErrors = metrics.counter("influxWriteErrors");
        this.pointsRejected = metrics.counter("influxPointsRejected");
        metrics.gauge("influxBufferedPoints", buffer::size);
        scheduleFlush();
    }

    @Override
    public void write(T element, Context context) throws InterruptedException {
        Point point;
        try {
            point = mapper.toPoint(element);
        } catch (IllegalArgumentException e) {
            // A value that cannot be written safely (LineProtocolSafety): counted, never written.
            pointsRejected.inc();
            if (pointsRejected.getCount() % 1_000 == 1) {
                LOG.warn("not writing a point ({} so far): {}", pointsRejected.getCount(), e.getMessage());
            }
            return;
        }
        String line = point.lineProtocol();
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            pointsRejected.inc();
            LOG.warn("not writing a point whose line protocol would span lines ({} so far)", pointsRejected.getCount());
            return;
        }
        buffer.addLast(point);
        if (buffer.size() >= options.batchSize()) {
            writeBuffered();
        }
        // Memory stays bounded: wait here for InfluxDB rather than drop what it has not taken.
        while (buffer.size() >= options.maxBufferedPoints() && !closed) {
            waitForNextAttempt();
            writeBuffered();
        }
    }

    /** Before a checkpoint barrier passes (and at the end of the input): everything is written. */
    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        writeBuffered();
        while (!buffer.isEmpty() && !closed) {
            waitForNextAttempt();
            writeBuffered();
        }
    }

    private void waitForNextAttempt() throws InterruptedException {
        Thread.sleep(Math.max(10, nextAttemptAtMs - timers.getCurrentProcessingTime()));
    }

    @Override
    public void close() {
        closed = true;
        writeBuffered();
        if (!buffer.isEmpty()) {
            LOG.warn("closing with {} points not written to InfluxDB at {}", buffer.size(), options);
        }
        client.close();
    }

    private void scheduleFlush() {
        timers.registerTimer(timers.getCurrentProcessingTime() + options.flushIntervalMs(), time -> {
            if (!closed) {
                Point report = health == null ? null : health.reportIfDue(time, buffer.size());
                if (report != null) {
                    buffer.addLast(report);
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
            List<Point> batch = new ArrayList<>(Math.min(buffer.size(), options.batchSize()));
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
    private boolean tryWrite(List<Point> batch) {
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
                client.write(BatchPoints.database(options.database()).precision(TimeUnit.MILLISECONDS).points(batch).build());
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
                LOG.info("InfluxDB at {} is reachable again; writing {} buffered points", options, buffer.size());
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
                LOG.warn("InfluxDB at {} is not accepting writes ({}); keeping points and retrying with backoff",
                        options, e.getMessage());
                outage = true;
            }
            retryBackoffMs = Math.min(MAX_RETRY_BACKOFF_MS, Math.max(options.flushIntervalMs(), 2 * retryBackoffMs));
            nextAttemptAtMs = timers.getCurrentProcessingTime() + retryBackoffMs;
            return false;
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
