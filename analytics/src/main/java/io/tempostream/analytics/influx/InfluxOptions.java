package io.tempostream.analytics.influx;

import java.io.Serializable;
import java.net.URI;

/**
 * Where and how the sink writes, through the v1 write API that InfluxDB 1.x, 2.x (v1
 * compatibility) and 3.x accept. Credentials come from the environment ({@code ""}: none; the
 * record travels to Flink's task managers and {@code Optional} is not serializable) and never
 * appear in {@link #toString()}.
 *
 * @param batchSize         points per write request
 * @param flushIntervalMs   longest a point waits before it is written (live feedback needs < 1 s)
 * @param maxBufferedPoints points kept while InfluxDB is unreachable; with this many waiting, the
 *                          sink stops taking more (backpressure) until InfluxDB takes them
 *                          (see docs/operations.md)
 */
public record InfluxOptions(
        String url,
        String database,
        String username,
        String password,
        int batchSize,
        long flushIntervalMs,
        int maxBufferedPoints) implements Serializable {

    public InfluxOptions {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("--influx-url must look like http://host:8086, got '" + url + "'");
        }
        if (database == null || !database.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("--influx-db must match [A-Za-z0-9_-]{1,64}, got '" + database + "'");
        }
        if (batchSize < 1 || flushIntervalMs < 1 || maxBufferedPoints < batchSize) {
            throw new IllegalArgumentException("InfluxDB batching needs batchSize ≥ 1, flushIntervalMs ≥ 1 and"
                    + " maxBufferedPoints ≥ batchSize, got " + batchSize + ", " + flushIntervalMs + ", " + maxBufferedPoints);
        }
    }

    /** Defaults for live feedback: small batches, flushed every 100 ms. */
    public static InfluxOptions of(String url, String database) {
        return new InfluxOptions(url, database, "", "", 1_000, 100, 200_000);
    }

    /** Reads {@code INFLUX_USERNAME} / {@code INFLUX_PASSWORD} from the environment when set. */
    public static InfluxOptions fromEnvironment(String url, String database) {
        InfluxOptions base = of(url, database);
        return new InfluxOptions(url, database, System.getenv("INFLUX_USERNAME"), System.getenv("INFLUX_PASSWORD"),
                base.batchSize(), base.flushIntervalMs(), base.maxBufferedPoints());
    }

    @Override
    public String toString() {
        return url + "/" + database + (username.isEmpty() ? "" : " as " + username);
    }
}
