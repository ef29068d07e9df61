package io.tempostream.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.influx.InfluxConnection;
import io.tempostream.analytics.influx.InfluxOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * InfluxDB as deploy/debian/install-services.sh installs it (issue 23): logins required, HTTP on
 * loopback, a writing user for the job and a reading one for Grafana. DashboardQueriesIT runs
 * every dashboard query on such an InfluxDB with Grafana's user, after the job wrote with its own.
 */
class ClosedInfluxIT {
    @TempDir
    Path dir;
    private InstalledInflux influx;

    @BeforeEach
    void install() throws Exception {
        influx = new InstalledInflux(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (influx != null) {
            influx.close();
        }
    }

    @Test
    void theInstallerTurnsLoginsOnAndListensOnLoopbackOnly() {
        assertEquals("true", influx.environment.get("INFLUXDB_HTTP_AUTH_ENABLED"));
        assertTrue(influx.environment.get("INFLUXDB_HTTP_BIND_ADDRESS").startsWith("127.0.0.1:"),
                influx.environment.toString());
    }

    @Test
    void withoutALoginNothingIsReadOrWritten() {
        try (InfluxDB anonymous = InfluxDBFactory.connect(influx.url())) {
            InfluxDBException read = assertThrows(InfluxDBException.class,
                    () -> anonymous.query(new Query("SELECT * FROM rep", InstalledInflux.DATABASE)));
            assertTrue(read.getMessage().contains("authentication credentials"), read.getMessage()); // 401, no login given
            assertThrows(InfluxDBException.class, () -> anonymous.write(InstalledInflux.DATABASE, "autogen", point()));
            assertThrows(InfluxDBException.class, () -> anonymous.query(new Query("DROP DATABASE " + InstalledInflux.DATABASE)));
        }
    }

    @Test
    void theJobWritesAndGrafanaReadsButCannotWrite() {
        try (InfluxDB job = InfluxConnection.open(influx.job())) {
            job.write(InstalledInflux.DATABASE, "autogen", point());
        }
        List<Map<String, Object>> rows = TestServices.query(influx.grafana(), "SELECT count(\"reps\") FROM \"closed_it\"");
        assertEquals(1, ((Number) rows.get(0).get("count")).intValue(), "Grafana's user reads what the job wrote");
        try (InfluxDB grafana = InfluxConnection.open(influx.grafana())) {
            assertThrows(InfluxDBException.class, () -> grafana.write(InstalledInflux.DATABASE, "autogen", point()),
                    "Grafana's user may not write");
            assertThrows(InfluxDBException.class, () -> grafana.query(new Query("DROP DATABASE " + InstalledInflux.DATABASE)),
                    "nor drop the database");
        }
        try (InfluxDB job = InfluxConnection.open(influx.job())) {
            assertThrows(InfluxDBException.class, () -> job.query(new Query("DROP DATABASE " + InstalledInflux.DATABASE)),
                    "the job's user may not drop the database");
        }
        InfluxOptions wrong = influx.as("tempostream-job", "guess");
        assertThrows(RuntimeException.class, () -> TestServices.query(wrong, "SELECT * FROM \"closed_it\""));
    }

    /** The rotation docs/operations.md describes: influx-users.sh again with a new job password. */
    @Test
    void runningTheUsersScriptAgainRotatesAPassword() throws Exception {
        InfluxOptions before = influx.job();
        influx.jobPassword = "rotated-" + System.nanoTime();
        influx.createUsers();
        try (InfluxDB job = InfluxConnection.open(influx.job())) {
            job.write(InstalledInflux.DATABASE, "autogen", point());
        }
        try (InfluxDB old = InfluxConnection.open(before)) {
            assertThrows(InfluxDBException.class, () -> old.write(InstalledInflux.DATABASE, "autogen", point()),
                    "the old password is refused");
        }
    }

    private static Point point() {
        return Point.measurement("closed_it").time(System.currentTimeMillis(), TimeUnit.MILLISECONDS).addField("reps", 1).build();
    }
}
