package io.tempostream.analytics.bench;

import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.InvalidPayloadException;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.Placement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Payload codecs in batches per second, for the typical batch: 10 samples (100 ms at 100 Hz). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
    private static final String TOPIC = "tempostream/athlete-1/wrist-1/imu";
    private ImuBatch batch;
    private byte[] binary;
    private byte[] json;

    @Setup
    public void encodeOnce() {
        int n = 10;
        long[] t = new long[n];
        float[][] c = new float[6][n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_764_000_000_000L + 10L * i;
            for (int a = 0; a < 6; a++) {
                c[a][i] = (float) Math.sin(i + a) * (a < 3 ? 1 : 100);
            }
        }
        batch = new ImuBatch("athlete-1", "wrist-1", Placement.WRIST, 7, t, c[0], c[1], c[2], c[3], c[4], c[5]);
        binary = ImuBatchCodec.encode(batch, PayloadFormat.BINARY);
        json = ImuBatchCodec.encode(batch, PayloadFormat.JSON);
    }

    @Benchmark
    public byte[] encodeBinary() {
        return ImuBatchCodec.encode(batch, PayloadFormat.BINARY);
    }

    @Benchmark
    public ImuBatch decodeBinary() throws InvalidPayloadException {
        return ImuBatchCodec.decode(TOPIC, binary);
    }

    @Benchmark
    public byte[] encodeJson() {
        return ImuBatchCodec.encode(batch, PayloadFormat.JSON);
    }

    @Benchmark
    public ImuBatch decodeJson() throws InvalidPayloadException {
        return ImuBatchCodec.decode(TOPIC, json);
    }
}
