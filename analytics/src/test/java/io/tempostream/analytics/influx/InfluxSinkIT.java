package io.tempostream.analytics.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.training.AnalysedRep;
import io.tempostream.analytics.training.FormFlags;
import io.tempostream.analytics.training.TempoCompliance;
import io.tempostream.analytics.training.TrainingRecord;
import io.tempostream.ingest.TempoPrescription;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import io.tempostream.analytics.job.RepPoints;
import io.tempostream.analytics.job.TrainingPoints;
import io.tempostream.ingest.testing.LocalFlink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sink against the real InfluxDB: hostile tag values are escaped exactly, or refused and counted. */
class InfluxSinkIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(1);

    private final String database = TestServices.freshDatabase("sink");

    @AfterEach
    void dropDatabase() {
        TestServices.dropDatabase(database);
    }

    private static Rep rep(String athlete, String device, long startMs) {
        return new Rep(athlete, device, 1, 1, startMs, startMs + 5_000, 2_000, 1_000, 2_000, 0, 60, 0);
    }

    @Test
    void lineProtocolInjectionIsEscapedOrRefused() throws Exception {
        long t = 1_764_000_000_000L;
        List<Rep> reps = List.of(
                rep("a,b=c d\"e", "dev'1", t),                                        // escaped by the client
                rep("mallory", "x\ny,athlete=evil concentric_ms=1", t + 10_000),      // newline: refused
                rep("trail\\", "d", t + 20_000),                                        // trailing backslash: refused
                rep("plain", "wrist-1", t + 30_000));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(reps).sinkTo(new InfluxSink<>(InfluxOptions.of(TestServices.INFLUX_URL, database), new RepPoints()));
        env.execute("influx sink IT");

        List<Map<String, Object>> rows = TestServices.query(database, "SELECT * FROM rep GROUP BY athlete, device");
        assertEquals(2, rows.size(), "points written: " + rows);
        Set<String> athletes = rows.stream().map(r -> (String) r.get("athlete")).collect(Collectors.toSet());
        assertEquals(Set.of("a,b=c d\"e", "plain"), athletes, "tag values round-trip exactly, nothing injected");
        Set<String> devices = rows.stream().map(r -> (String) r.get("device")).collect(Collectors.toSet());
        assertEquals(Set.of("dev'1", "wrist-1"), devices);
        assertEquals(0, TestServices.query(database, "SELECT * FROM rep WHERE athlete = 'evil'").size());
    }

    @Test
    void isometricHoldsGoToTheHoldMeasurementNotToReps() throws Exception {
        long t = 1_764_000_000_000L;
        Rep row = rep("ath", "back-1", t);
        // A scapular squeeze: 1 s out, held 8 s, 1 s back; the first hold of set 2.
        Rep squeeze = new Rep("ath", "back-1", 2, 1, t + 60_000, t + 72_000, 1_000, 8_000, 1_000, 2_000, 12, 0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        TempoPrescription tempo = TempoPrescription.parse("3-1-3-0");
        env.fromData(TypeInformation.of(TrainingRecord.class),
                        new AnalysedRep(row, tempo, TempoCompliance.of(row, tempo), FormFlags.NONE, 0),
                        new AnalysedRep(squeeze, tempo, TempoCompliance.of(squeeze, tempo), FormFlags.NONE, 0))
                .sinkTo(new InfluxSink<>(InfluxOptions.of(TestServices.INFLUX_URL, database), new TrainingPoints()));
        env.execute("influx sink IT, holds");

        List<Map<String, Object>> reps = TestServices.query(database, "SELECT * FROM rep");
        assertEquals(1, reps.size(), "only the row is a rep: " + reps);
        List<Map<String, Object>> holds = TestServices.query(database,
                "SELECT \"set\", \"hold\", duration_ms, end_ms FROM hold WHERE athlete = 'ath'");
        assertEquals(1, holds.size(), "holds: " + holds);
        Map<String, Object> hold = holds.get(0);
        assertEquals(2, ((Number) hold.get("set")).intValue());
        assertEquals(1, ((Number) hold.get("hold")).intValue());
        assertEquals(8_000, ((Number) hold.get("duration_ms")).longValue());
        assertEquals(t + 61_000, ((Number) hold.get("time")).longValue(), "a hold starts where the squeeze does");
        assertEquals(t + 69_000, ((Number) hold.get("end_ms")).longValue());
    }
}
