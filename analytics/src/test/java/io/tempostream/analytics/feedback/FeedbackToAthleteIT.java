package io.tempostream.analytics.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.detect.RepPhase;
import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.analytics.job.JobOptions;
import io.tempostream.analytics.job.RunningJob;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.Placement;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.testing.LocalFlink;
import io.tempostream.ingest.testing.OnMessage;
import io.tempostream.simulator.Exercise;
import io.tempostream.simulator.ExerciseSimulator;
import io.tempostream.simulator.RepTruth;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SessionScript;
import io.tempostream.simulator.SetScript;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WorkoutOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job tells each athlete's devices every rep and the phase under way, on the athlete's own
 * feedback topic: simulator → real Mosquitto → the job on a MiniCluster → back through Mosquitto to
 * a subscriber standing in for the athlete's phone.
 */
class FeedbackToAthleteIT {
    private static final long PHASE_TOLERANCE_MS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PHASES = new HashSet<>(
            Arrays.stream(RepPhase.values()).map(RepPhase::wireName).toList());

    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(2);

    private final String database = TestServices.freshDatabase("feedback");

    @AfterEach
    void dropDatabase() {
        TestServices.dropDatabase(database);
    }

    @Test
    void everyRepAndThePhaseUnderWayReachTheAthletesOwnFeedbackTopic() throws Exception {
        WorkoutOptions workout = new WorkoutOptions(2, 1, 8, TempoPrescription.parse("2-1-2-0"), 70, 20_000, 100, 10, 11);
        List<SimulatedDevice> devices = workout.simulate(System.currentTimeMillis());
        ConcurrentLinkedQueue<String[]> heard = heardWhileTheJobRuns(devices, 16);

        Map<String, JsonNode> finals = finalReps(heard);
        Map<String, String> deviceOfAthlete = new HashMap<>();
        int phases = 0;
        for (SimulatedDevice device : devices) {
            deviceOfAthlete.put(device.athleteId(), device.deviceId());
            for (RepTruth truth : device.reps()) {
                String key = ImuTopic.feedbackTopic(device.athleteId()) + "/" + truth.set() + "/" + truth.rep();
                JsonNode rep = finals.get(key);
                assertTrue(rep != null, "no final rep on the athlete's feedback topic for " + key + "; heard " + finals.keySet());
                assertEquals(device.deviceId(), rep.get("device").asText());
                assertClose(truth.concentricMs(), rep.get("concentricMs").asLong(), key + " concentric");
                assertClose(truth.peakHoldMs(), rep.get("peakHoldMs").asLong(), key + " peak hold");
                assertClose(truth.eccentricMs(), rep.get("eccentricMs").asLong(), key + " eccentric");
                assertClose(truth.bottomPauseMs(), rep.get("bottomPauseMs").asLong(), key + " bottom pause");
            }
        }
        assertEquals(16, finals.size(), "final reps heard, once each by set and rep: " + finals.keySet());
        for (String[] message : heard) {
            JsonNode node = JSON.readTree(message[1]);
            String athlete = message[0].split("/")[1];
            assertEquals(deviceOfAthlete.get(athlete), node.get("device").asText(),
                    "feedback on " + message[0] + " is about that athlete's device only: " + message[1]);
            if (node.get("type").asText().equals("phase")) {
                phases++;
                assertTrue(PHASES.contains(node.get("phase").asText()), "a known phase: " + message[1]);
            }
        }
        assertTrue(phases > 0, "the phase under way was reported");
    }

    /**
     * With the exercise selected (the simulated app sends it before the set), a wrist row set's
     * first rep reaches the athlete provisional, before anything about its second rep: it no
     * longer waits for the set to repeat (it came final, with the fourth rep, before).
     */
    @Test
    void withTheExerciseSelectedAWristSetsFirstRepIsToldBeforeItsSecond() throws Exception {
        SimulatedDevice device = ExerciseSimulator.simulate(new SessionScript("athlete-f", "wrist-1", Placement.WRIST, 50, 10,
                5_000, List.of(SetScript.of(Exercise.DUMBBELL_ROW, 6, "2-1-2-0", 10_000))), System.currentTimeMillis(), 3);
        assertEquals(List.of("dumbbell-row"), device.selections().stream().map(s -> s.exercise()).toList());
        ConcurrentLinkedQueue<String[]> heard = heardWhileTheJobRuns(List.of(device), 6);

        assertEquals(6, finalReps(heard).size(), "final reps heard: " + finalReps(heard).keySet());
        List<String> reps = new ArrayList<>();
        for (String[] message : heard) {
            JsonNode node = JSON.readTree(message[1]);
            if (node.get("type").asText().equals("rep")) {
                reps.add(node.get("rep").asInt() + (node.get("final").asBoolean() ? " final" : " provisional"));
            }
        }
        assertEquals("1 provisional", reps.get(0), "the first rep message, in order heard: " + reps);
        assertTrue(reps.indexOf("1 final") < reps.indexOf("2 final"), "rep 1 final before rep 2's: " + reps);
    }

    /**
     * Runs the job on the test broker while {@code devices} are published, with a subscriber
     * standing in for the athletes' phones, until {@code finals} final reps are heard (a minute at
     * most); returns what it heard, in order: topic and payload.
     */
    private ConcurrentLinkedQueue<String[]> heardWhileTheJobRuns(List<SimulatedDevice> devices, int finals) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(MqttEndpoint.of(TestServices.MQTT_URL),
                ImuTopic.ALL_DEVICE_MESSAGES_FILTER, "feedback-" + run);
        JobOptions options = new JobOptions(mqtt, InfluxOptions.of(TestServices.INFLUX_URL, database), 1, 2_000, 500);
        ConcurrentLinkedQueue<String[]> heard = new ConcurrentLinkedQueue<>();
        MqttClient phone = new MqttClient(TestServices.MQTT_URL, "feedback-phone-" + run, new MemoryPersistence());
        phone.setCallback(new OnMessage((topic, message) ->
                heard.add(new String[] {topic, new String(message.getPayload(), StandardCharsets.UTF_8)})));
        phone.connect(new MqttConnectionOptions());
        try (RunningJob job = RunningJob.start(options, "feedback IT")) {
            // MqttClient.subscribe with a listener recurses for ever in Paho 1.2.5: the callback above instead.
            phone.subscribe(ImuTopic.PREFIX + "/+/" + ImuTopic.FEEDBACK_SUFFIX, 1);
            try (SessionPublisher publisher = new SessionPublisher(mqtt.endpoint(), "feedback-sim-" + run,
                    PayloadFormat.JSON, 10)) {
                publisher.publish(devices, sent -> { });
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (finalReps(heard).size() < finals && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
        } finally {
            phone.disconnect();
            phone.close();
        }
        return heard;
    }

    /** Final reps by topic/set/rep; a rep heard twice (at least once delivery) counts once. */
    private static Map<String, JsonNode> finalReps(ConcurrentLinkedQueue<String[]> heard) throws Exception {
        Map<String, JsonNode> finals = new HashMap<>();
        for (String[] message : heard) {
            JsonNode node = JSON.readTree(message[1]);
            if (node.get("type").asText().equals("rep") && node.get("final").asBoolean()) {
                finals.put(message[0] + "/" + node.get("set").asInt() + "/" + node.get("rep").asInt(), node);
            }
        }
        return finals;
    }

    private static void assertClose(long expectedMs, long actualMs, String what) {
        assertTrue(Math.abs(actualMs - expectedMs) <= PHASE_TOLERANCE_MS,
                what + ": expected " + expectedMs + " ms ± " + PHASE_TOLERANCE_MS + ", got " + actualMs);
    }
}
