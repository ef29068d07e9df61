package io.tempostream.analytics.job;

import io.tempostream.analytics.influx.LineProtocolSafety;
import io.tempostream.analytics.training.AnalysedRep;
import io.tempostream.analytics.training.TempoCompliance;
import org.influxdb.dto.Point;

/**
 * An analysed rep as its {@code rep} point with the analysis added (tempo compliance, form flags,
 * velocity loss), or an isometric hold as its {@code hold} point; both tagged with the exercise
 * when the athlete selected one (docs/metrics-schema.md).
 */
final class AnalysedRepPoints {
    private AnalysedRepPoints() {
    }

    static Point toPoint(AnalysedRep analysed) {
        Point.Builder point = analysed.rep().isometric() ? HoldPoints.builder(analysed.rep()) : RepPoints.builder(analysed.rep());
        String exercise = analysed.rep().exercise();
        if (!exercise.isEmpty()) {
            point.tag("exercise", LineProtocolSafety.checked("exercise", exercise));
        }
        if (analysed.rep().isometric()) {
            return point.build();
        }
        TempoCompliance c = analysed.compliance();
        point.addField("tempo", analysed.tempo().toString())
                .addField("prescribed_concentric_ms", analysed.tempo().concentricMs())
                .addField("prescribed_peak_hold_ms", analysed.tempo().peakHoldMs())
                .addField("prescribed_eccentric_ms", analysed.tempo().eccentricMs())
                .addField("prescribed_bottom_pause_ms", analysed.tempo().bottomPauseMs())
                .addField("concentric_dev_s", c.concentricDeviationS())
                .addField("peak_hold_dev_s", c.peakHoldDeviationS())
                .addField("eccentric_dev_s", c.eccentricDeviationS())
                .addField("bottom_pause_dev_s", c.bottomPauseDeviationS())
                .addField("tempo_score", c.score())
                .addField("on_tempo", c.onTempo())
                .addField("swing", analysed.flags().swing())
                .addField("bounce", analysed.flags().bounce())
                .addField("partial", analysed.flags().partial())
                .addField("rushed_eccentric", analysed.flags().rushedEccentric())
                .addField("flags", (long) ((analysed.flags().swing() ? 1 : 0) + (analysed.flags().bounce() ? 1 : 0)
                        + (analysed.flags().partial() ? 1 : 0) + (analysed.flags().rushedEccentric() ? 1 : 0)))
                .addField("velocity_loss_pct", analysed.velocityLossPct());
        if (c.squeezeHeld() != null) {
            point.addField("squeeze_held", c.squeezeHeld());
        }
        return point.build();
    }
}
