package io.tempostream.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.analytics.TestServices;
import io.tempostream.analytics.influx.InfluxOptions;
import io.tempostream.ingest.ImuBatchCodec;
import io.tempostream.ingest.ImuTopic;
import io.tempostream.ingest.PayloadFormat;
import io.tempostream.ingest.TempoPrescription;
import io.tempostream.ingest.mqtt.MqttClientClose;
import io.tempostream.ingest.mqtt.MqttEndpoint;
import io.tempostream.ingest.mqtt.MqttSourceOptions;
import io.tempostream.ingest.testing.LocalFlink;
import io.tempostream.ingest.testing.OnMessage;
import io.tempostream.ingest.testing.ShippedMosquitto;
import io.tempostream.simulator.SessionPublisher;
import io.tempostream.simulator.SimulatedDevice;
import io.tempostream.simulator.WorkoutOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job against the broker as deploy/mosquitto ships it (TLS, logins, ACL), attacked while an
 * athlete trains by someone holding one valid device login of their own (issue 19): joining the
 * job's shared subscription, taking the job's client id, flooding payloads over the limit. The
 * athlete's every rep still reaches InfluxDB, and the attacker reads none of their samples. A
 * flood within the limits meets the broker's publish budget (BrokerAccessControlIT; how late it
 * makes others' reps is measured in docs/benchmarks.md, "Issue 19").
 */
class DeviceLoginAttackIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(2);

    @TempDir
    Path dir;
    private ShippedMosquitto broker;
    private final String database = TestServices.freshDatabase("attack");
    private final List<MqttAsyncClient> attackers = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (MqttAsyncClient attacker : attackers) {
            MqttClientClose.forGood(attacker, null, 0);
        }
        if (broker != null) {
            broker.close();
        }
        TestServices.dropDatabase(database);
    }

    @Test
    void anAttackerWithADeviceLoginReadsNothingOfTheAthletesAndTheAthleteLosesNoRep() throws Exception {
        broker = new ShippedMosquitto(dir).addDevice("athlete-1", "wrist-1", "a1-secret").addDevice("mallory", "wrist", "m-secret")
                .addDevice("eve", "wrist", "e-secret").addDevice("trudy", "wrist", "t-secret").addJob("job-secret");
        broker.start();
        // As deployed: a session that outlives a restart, at parallelism 2 (which shared one
        // subscription among two readers before; the group name was no secret).
        MqttSourceOptions mqtt = MqttSourceOptions.defaults(broker.endpoint("tempostream-job", "job-secret"),
                ImuTopic.ALL_DEVICE_MESSAGES_FILTER, "tempostream").withSessionExpirySeconds(300);
        JobOptions options = new JobOptions(mqtt, InfluxOptions.of(TestServices.INFLUX_URL, database), 2, 2_000, 500);
        MqttSourceOptions readinessLogin = MqttSourceOptions.defaults(broker.endpoint("eve.wrist", "e-secret"),
                ImuTopic.ALL_DEVICE_MESSAGES_FILTER, "tempostream");

        WorkoutOptions workout = new WorkoutOptions(1, 1, 8, TempoPrescription.parse("2-1-2-0"), 70, 10_000, 50, 10, 7);
        List<SimulatedDevice> devices;
        List<String> stolen = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger takeovers = new AtomicInteger();
        AtomicInteger floods = new AtomicInteger();
        try (RunningJob job = RunningJob.start(options, "device login attack IT", readinessLogin)) {
            // Mallory joins the job's shared group (and others) and reads whatever comes.
            // (Her own login: on the shipped broker a client's id is its login, so a second client of
            // hers, like the flooder below, would push this one off.)
            MqttAsyncClient thief = attacker("mallory.wrist", "m-secret", "thief");
            thief.setCallback(new OnMessage((topic, message) -> stolen.add(topic)));
            thief.subscribe(new String[] {"$share/tempostream/" + ImuTopic.ALL_DEVICE_MESSAGES_FILTER,
                    "$share/tempostream/" + ImuTopic.ALL_DEVICES_FILTER, "$share/x/#", "tempostream/#", "#"},
                    new int[] {1, 1, 1, 1, 1}).waitForCompletion(10_000);
            devices = workout.simulate(System.currentTimeMillis());
            AtomicBoolean attacking = new AtomicBoolean(true);
            Thread attack = new Thread(() -> {
                while (attacking.get()) {
                    // Eve connects with the job's client ids, clean start (discarding a session's queue).
                    for (int subtask = 0; subtask < 2 && attacking.get(); subtask++) {
                        try {
                            MqttClient intruder = new MqttClient(broker.url(), "tempostream-" + subtask, new MemoryPersistence());
                            intruder.connect(broker.endpoint("eve.wrist", "e-secret").connectionOptions());
                            takeovers.incrementAndGet();
                            intruder.disconnect();
                            intruder.close();
                        } catch (MqttException e) {
                            // refused: fine too
                        }
                    }
                    // Trudy floods her own topic with payloads over the limit.
                    try {
                        MqttClient flooder = new MqttClient(broker.url(), "flood", new MemoryPersistence());
                        flooder.connect(broker.endpoint("trudy.wrist", "t-secret").connectionOptions());
                        byte[] huge = new byte[ImuBatchCodec.MAX_PAYLOAD_BYTES * 4];
                        java.util.Arrays.fill(huge, (byte) ' ');
                        huge[0] = '{';
                        flooder.publish("tempostream/trudy/wrist/imu", new MqttMessage(huge));
                        floods.incrementAndGet();
                        flooder.disconnectForcibly(500);
                        flooder.close(true);
                    } catch (MqttException e) {
                        floods.incrementAndGet(); // refused by the broker's packet limit
                    }
                }
            }, "attacker");
            attack.setDaemon(true);
            attack.start();
            try (SessionPublisher publisher = new SessionPublisher(broker.endpoint("athlete-1.wrist-1", "a1-secret"), "athlete-1-wrist-1",
                    PayloadFormat.BINARY, 5)) {
                publisher.publish(devices, sent -> { });
            } finally {
                TestServices.awaitRepCount(database, devices.get(0).reps().size(), 60_000);
                attacking.set(false);
                attack.join(10_000);
            }
        }

        assertTrue(takeovers.get() > 0 && floods.get() > 0, "the attacks ran: " + takeovers + " takeovers, " + floods + " floods");
        assertTrue(attackers.get(0).isConnected(), "the thief was still connected and subscribed at the end");
        assertEquals(devices.get(0).reps().size(), TestServices.repCount(TestServices.INFLUX_URL, database),
                "every rep of the athlete reached InfluxDB");
        assertEquals(List.of(), stolen.stream().filter(topic -> topic.startsWith("tempostream/athlete-1/")).toList(),
                "the attacker read none of the athlete's samples");
    }

    private MqttAsyncClient attacker(String user, String password, String clientId) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(broker.url(), clientId, new MemoryPersistence());
        attackers.add(client);
        client.connect(broker.endpoint(user, password).connectionOptions()).waitForCompletion(10_000);
        return client;
    }
}
