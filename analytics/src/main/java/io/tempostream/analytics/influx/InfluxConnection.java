package io.tempostream.analytics.influx;

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;

/** Opens an influxdb-java client with short timeouts, so an outage is noticed within seconds. */
public final class InfluxConnection {
    private InfluxConnection() {
    }

    public static InfluxDB open(InfluxOptions options) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .writeTimeout(10, TimeUnit.SECONDS);
        InfluxDB client = !options.username().isEmpty()
                ? InfluxDBFactory.connect(options.url(), options.username(), options.password(), http)
                : InfluxDBFactory.connect(options.url(), http);
        client.setLogLevel(InfluxDB.LogLevel.NONE);
        return client;
    }

    /** Whether InfluxDB answers a ping at {@code options.url()} (within the connect timeout). */
    public static boolean reachable(InfluxOptions options) {
        try (InfluxDB client = open(options)) {
            return client.ping().isGood();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
