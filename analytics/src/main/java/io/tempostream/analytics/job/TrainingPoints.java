package io.tempostream.analytics.job;

import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.influx.PointMapper;
import org.influxdb.dto.Point;

/** What the detector emits, as points: reps to the {@code rep} measurement, isometric holds to {@code hold}. */
public final class TrainingPoints implements PointMapper<Rep> {
    private final RepPoints reps = new RepPoints();
    private final HoldPoints holds = new HoldPoints();

    @Override
    public Point toPoint(Rep rep) {
        return rep.isometric() ? holds.toPoint(rep) : reps.toPoint(rep);
    }
}
