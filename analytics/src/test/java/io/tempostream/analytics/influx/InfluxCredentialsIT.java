package io.tempostream.analytics.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tempostream.analytics.LocalInfluxd;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.job.RepPoints;
import io.tempostream.ingest.testing.LocalFlink;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sink logs in to an InfluxDB that requires it: a real influxd of its own, with auth on. */
class InfluxCredentialsIT {
    private static final String USER = "tempostream";
    private static final String PASSWORD = "wr1te-only-by-me";
    private static final String DATABASE = "credentials_it";

    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(1);

    @TempDir
    Path dir;
    private LocalInfluxd influxd;
    private String url;

    @BeforeEach
    void startInfluxWithAuth() throws Exception {
        influxd = new LocalInfluxd(dir, true);
        influxd.start();
        url = influxd.url();
        // With no users yet, InfluxDB 1.x lets exactly one thing through: creating the first admin.
        try (InfluxDB bootstrap = InfluxDBFactory.connect(url)) {
            bootstrap.query(new Query("CREATE USER " + USER + " WITH PASSWORD '" + PASSWORD + "' WITH ALL PRIVILEGES"));
        }
        try (InfluxDB admin = InfluxDBFactory.connect(url, USER, PASSWORD)) {
            admin.query(new Query("CREATE DATABASE " + DATABASE));
        }
    }

    @AfterEach
    void stopInflux() throws Exception {
        if (influxd != null) {
            influxd.stop();
        }
    }

    @Test
    void theSinkWritesWithCredentialsAndTheServerRefusesReadersWithout() throws Exception {
        long t = 1_764_000_000_000L;
        List<Rep> reps = List.of(new Rep("a1", "wrist", 1, 1, t, t + 5_000, 2_000, 1_000, 2_000, 0, 60, 0),
                new Rep("a1", "wrist", 1, 2, t + 5_000, t + 10_000, 2_000, 1_000, 2_000, 0, 60, 0));
        InfluxOptions options = new InfluxOptions(url, DATABASE, USER, PASSWORD, 1_000, 200, 200_000);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(reps).sinkTo(new InfluxSink<>(options, new RepPoints()));
        // A sink that failed to log in would retry forever: bound the wait so that fails the test.
        env.executeAsync("influx credentials IT").getJobExecutionResult().get(60, TimeUnit.SECONDS);

        try (InfluxDB reader = InfluxDBFactory.connect(url, USER, PASSWORD)) {
            QueryResult result = reader.query(new Query("SELECT count(duration_ms) FROM rep", DATABASE));
            assertEquals(2.0, ((Number) result.getResults().get(0).getSeries().get(0).getValues().get(0).get(1)).doubleValue());
        }
        try (InfluxDB anonymous = InfluxDBFactory.connect(url)) {
            assertThrows(InfluxDBException.class, () -> anonymous.query(new Query("SELECT * FROM rep", DATABASE)));
        }
        assertFalse(options.toString().contains(PASSWORD), "the options' description never shows the password");
    }
}
