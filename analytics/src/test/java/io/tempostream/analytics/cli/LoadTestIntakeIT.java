package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.influx.InfluxConnection;
import io.tempostream.analytics.influx.InfluxOptions;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load test's reading of the job's intake, against a real InfluxDB: with two readers
 * (`run --parallelism 2`), each reports its own 10 s intervals side by side, and the job took in
 * what both did. Summing both readers' intervals halved the rate (48–51 % "taken in" while every
 * sampled rep was found, docs/benchmarks.md).
 */
class LoadTestIntakeIT {
    private static final long T0 = 1_764_000_000_000L;
    private final String database = TestServices.freshDatabase("intake");

    @AfterEach
    void drop() {
        TestServices.dropDatabase(database);
    }

    @Test
    void twoReadersRatesAddUp() {
        try (InfluxDB db = InfluxConnection.open(InfluxOptions.of(TestServices.INFLUX_URL, database))) {
            db.query(new Query("CREATE DATABASE \"" + database + "\""));
            for (int subtask = 0; subtask < 2; subtask++) {
                for (int k = 0; k < 11; k++) {
                    db.write(database, "autogen", Point.measurement("health")
                            .time(T0 + 10_000L * (k + 1) + subtask, TimeUnit.MILLISECONDS)
                            .tag("stage", "ingest").tag("subtask", Integer.toString(subtask))
                            .addField("samples", subtask == 0 ? 1_000_000L : 1_200_000L)
                            .addField("interval_ms", 10_000L).build());
                }
            }

            double[] intake = LoadTestCommand.intake(db, database, T0, T0 + 120_000);

            assertEquals(100_000 + 120_000, intake[0], 1e-6, "samples/s of both readers");
            assertEquals(110, intake[1], 1e-9, "seconds the reports cover");
        }
    }
}
