package io.tempostream.analytics;

import io.tempostream.analytics.influx.InfluxConnection;
import io.tempostream.analytics.influx.InfluxOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * The real services integration tests talk to (started by {@code bash .ci/services.sh start}),
 * overridable with TEMPOSTREAM_MQTT_URL / TEMPOSTREAM_INFLUX_URL.
 */
public final class TestServices {
    public static final String MQTT_URL = property("tempostream.mqtt.url", "tcp://127.0.0.1:1883");
    public static final String INFLUX_URL = property("tempostream.influx.url", "http://127.0.0.1:8086");
    /** The local broker's MQTT over WebSocket, which also serves the phone page (.ci/services.sh). */
    public static final int MQTT_WEBSOCKET_PORT = 9001;

    private TestServices() {
    }

    /** A database name no other test run uses. */
    public static String freshDatabase(String purpose) {
        return purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Runs an InfluxQL query and returns its rows as column → value maps (time in epoch ms). */
    public static List<Map<String, Object>> query(String database, String influxQl) {
        return query(INFLUX_URL, database, influxQl);
    }

    /** The same against the InfluxDB at {@code influxUrl} (one a test started itself). */
    public static List<Map<String, Object>> query(String influxUrl, String database, String influxQl) {
        return query(InfluxOptions.of(influxUrl, database), influxQl);
    }

    /** The same with the login in {@code influx} (an InfluxDB with authentication on). */
    public static List<Map<String, Object>> query(InfluxOptions influx, String influxQl) {
        String database = influx.database();
        try (InfluxDB client = InfluxConnection.open(influx)) {
            QueryResult result = client.query(new Query(influxQl, database), TimeUnit.MILLISECONDS);
            if (result.hasError()) {
                throw new IllegalStateException(influxQl + ": " + result.getError());
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (QueryResult.Result r : result.getResults()) {
                if (r.hasError()) {
                    throw new IllegalStateException(influxQl + ": " + r.getError());
                }
                if (r.getSeries() == null) {
                    continue;
                }
                for (QueryResult.Series series : r.getSeries()) {
                    for (List<Object> values : series.getValues()) {
                        Map<String, Object> row = new HashMap<>();
                        if (series.getTags() != null) {
                            row.putAll(series.getTags());
                        }
                        for (int i = 0; i < series.getColumns().size(); i++) {
                            row.put(series.getColumns().get(i), values.get(i));
                        }
                        rows.add(row);
                    }
                }
            }
            return rows;
        }
    }

    /** Waits until {@code database} holds {@code expected} reps; fails with the count reached. */
    public static void awaitRepCount(String database, int expected, long timeoutMs) throws InterruptedException {
        awaitRepCount(INFLUX_URL, database, expected, timeoutMs);
    }

    /** The same against the InfluxDB at {@code influxUrl}, which may be down for part of the wait. */
    public static void awaitRepCount(String influxUrl, String database, int expected, long timeoutMs)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        long count = 0;
        while (System.currentTimeMillis() < deadline) {
            count = repCount(influxUrl, database);
            if (count >= expected) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("only " + count + " of " + expected + " reps reached InfluxDB within " + timeoutMs + " ms");
    }

    /** Reps in {@code database}; 0 while it (or InfluxDB) is not there yet. */
    public static long repCount(String influxUrl, String database) {
        try {
            List<Map<String, Object>> rows = query(influxUrl, database, "SELECT count(concentric_ms) FROM rep");
            return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
        } catch (RuntimeException notThereYet) {
            return 0;
        }
    }

    public static void dropDatabase(String database) {
        try (InfluxDB client = InfluxConnection.open(InfluxOptions.of(INFLUX_URL, database))) {
            client.query(new Query("DROP DATABASE \"" + database + "\""));
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name, "");
        return value.isEmpty() ? fallback : value;
    }
}
