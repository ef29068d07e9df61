package io.tempostream.analytics.influx;

import java.io.Serializable;
import org.influxdb.dto.Point;

/** Turns one stream element into the InfluxDB point docs/metrics-schema.md describes. */
@FunctionalInterface
public interface PointMapper<T> extends Serializable {
    Point toPoint(T element);
}
