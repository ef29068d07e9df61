package io.tempostream.analytics.job;

import io.tempostream.analytics.influx.PointMapper;
import io.tempostream.analytics.training.AnalysedRep;
import io.tempostream.analytics.training.SessionSet;
import io.tempostream.analytics.training.SessionSummary;
import io.tempostream.analytics.training.SetAnalysis;
import io.tempostream.analytics.training.TrainingRecord;
import io.tempostream.analytics.training.WeekSummary;
import org.influxdb.dto.Point;

/**
 * What the training analytics emit, as points: reps to {@code rep}, isometric holds to
 * {@code hold}, sets to {@code set}, sessions to {@code session} and their sets to
 * {@code session_set}, weeks to {@code week}.
 */
public final class TrainingPoints implements PointMapper<TrainingRecord> {
    @Override
    public Point toPoint(TrainingRecord record) {
        // Java 17: no pattern switch yet; the interface is sealed to these five.
        if (record instanceof AnalysedRep rep) {
            return AnalysedRepPoints.toPoint(rep);
        } else if (record instanceof SetAnalysis set) {
            return SetPoints.toPoint(set);
        } else if (record instanceof SessionSummary session) {
            return SessionPoints.toPoint(session);
        } else if (record instanceof SessionSet set) {
            return SetPoints.toPoint(set);
        }
        return SessionPoints.toPoint((WeekSummary) record);
    }
}
