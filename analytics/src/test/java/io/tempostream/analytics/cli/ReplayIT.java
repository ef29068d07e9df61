package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.detect.Rep;
import io.tempostream.analytics.job.TempoStreamJob;
import io.tempostream.ingest.ImuBatch;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSource;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.mqtt.ReaderReadiness;
import io.tempostream.ingest.recording.RecordingCsv;
import io.tempostream.ingest.testing.LocalFlink;
import io.tempostream.simulator.DeviceSession;
import io.tempostream.simulator.FaultPlan;
import io.tempostream.simulator.RecordingBatches;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.ReplayCli;
import io.tempostream.simulator.SetPlan;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WristRowSimulator;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A recording replayed through the real Mosquitto into the job gives what {@code analyze} gives offline. */
class ReplayIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(1);

    @TempDir
    Path dir;

    private SimulatedDevice device;
    private Path csv;
    private JsonNode offline;

    private void recordAndAnalyseOffline() throws Exception {
        device = WristRowSimulator.simulate(new DeviceSession("a", "w", Placement.WRIST,
                1_764_000_000_000L, 50, 5, 3_000,
                List.of(new SetPlan(5, TempoPrescription.parse("2-1-2-0.5"), 65, 20_000),
                        new SetPlan(4, TempoPrescription.parse("2-1-2-0.5"), 65, 4_000)), 0.05, 99));
        csv = dir.resolve("session.csv");
        try (Writer writer = Files.newBufferedWriter(csv)) {
            RecordingCsv.write(device.toRecording(), writer, "replay IT");
        }

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        assertEquals(0, AnalyzeCommand.run(new String[] {"--csv", csv.toString(), "--output", "json"},
                new PrintStream(json, true, StandardCharsets.UTF_8), System.err));
        offline = new ObjectMapper().readTree(json.toByteArray()).get("reps");
        assertEquals(9, offline.size(), "offline analysis of the recording");
    }

    @Test
    void replayedRecordingGivesTheSameRepsAsOfflineAnalysis() throws Exception {
        recordAndAnalyseOffline();
        String athlete = "replay-it-" + UUID.randomUUID().toString().substring(0, 8);
        List<Rep> reps = runJob(athlete, () -> assertEquals(0, ReplayCli.run(new String[] {"--csv", csv.toString(),
                "--athlete", athlete, "--device", "wrist-1", "--speed", "0", "--mqtt-url", TestServices.MQTT_URL},
                new PrintStream(OutputStream.nullOutputStream()))));
        assertSameReps(athlete, reps);
    }

    @Test
    void duplicatedAndReorderedBatchesGiveTheSameReps() throws Exception {
        recordAndAnalyseOffline();
        String athlete = "faulty-it-" + UUID.randomUUID().toString().substring(0, 8);
        List<ImuBatch> clean = RecordingBatches.of(RecordingCsv.read(csv), athlete, "wrist-1", Placement.WRIST, 5, 0);
        // QoS 1 redelivery and a shared subscription's interleaving, within the 500 ms tolerance.
        List<ImuBatch> faulty = new FaultPlan(0, 0.1, 0.2, 0, -1, 0).apply(clean, 3);
        assertTrue(faulty.size() > clean.size(), "some batches are sent twice");
        List<Rep> reps = runJob(athlete, () -> {
            try (SessionPublisher publisher = new SessionPublisher(MqttEndpoint.of(TestServices.MQTT_URL),
                    "faulty-it-" + UUID.randomUUID(), PayloadFormat.BINARY, 0)) {
                publisher.publishInOrder(faulty, sent -> { });
            }
        });
        assertSameReps(athlete, reps);
    }

    private interface Publishing {
        void run() throws Exception;
    }

    private List<Rep> runJob(String athlete, Publishing publishing) throws Exception {
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL),
                "tempostream/" + athlete + "/+/imu", "replay-it-" + UUID.randomUUID().toString().substring(0, 8));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        CloseableIterator<Rep> live = new TempoStreamJob(new MqttSource(mqtt), new DiscardingSink<>(), 500)
                .addTo(env).collectAsync();
        List<Rep> reps = new ArrayList<>();
        try (ReaderReadiness readiness = new ReaderReadiness(mqtt)) {
            JobClient job = env.executeAsync("replay IT");
            try {
                readiness.await(60_000);
                publishing.run();
                // The last reps close when the job sees the device fall silent (5 s of wall time).
                while (reps.size() < offline.size() && live.hasNext()) {
                    reps.add(live.next());
                }
            } finally {
                job.cancel().get();
                live.close();
            }
        }
        return reps;
    }

    private void assertSameReps(String athlete, List<Rep> reps) {
        assertEquals(offline.size(), reps.size(), "reps from the replay through MQTT and Flink");
        for (int i = 0; i < reps.size(); i++) {
            Rep rep = reps.get(i);
            JsonNode expected = offline.get(i);
            String what = "rep " + i;
            assertEquals(athlete, rep.athleteId());
            assertEquals(expected.get("set").asInt(), rep.set(), what);
            assertEquals(expected.get("rep").asInt(), rep.rep(), what);
            assertEquals(expected.get("startMs").asLong(), rep.startMs(), what);
            assertEquals(expected.get("endMs").asLong(), rep.endMs(), what);
            assertEquals(expected.get("concentricMs").asLong(), rep.concentricMs(), what);
            assertEquals(expected.get("peakHoldMs").asLong(), rep.peakHoldMs(), what);
            assertEquals(expected.get("eccentricMs").asLong(), rep.eccentricMs(), what);
            assertEquals(expected.get("bottomPauseMs").asLong(), rep.bottomPauseMs(), what);
        }
    }
}
