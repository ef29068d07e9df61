package io.tempostream.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tempostream.ingest.testing.LocalFlink;
import io.tempostream.ingest.testing.LocalMosquitto;
import io.tempostream.ingest.testing.OnMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The source against the real Mosquitto (started by .ci/services.sh) on a Flink MiniCluster. */
class MqttSourceIT {
    static final String BROKER = System.getProperty("tempostream.mqtt.url", "").isEmpty()
            ? "tcp://127.0.0.1:1883" : System.getProperty("tempostream.mqtt.url");

    @RegisterExtension
    static final MiniClusterExtension FLINK = LocalFlink.miniCluster(2);

    @Test
    void everyMessageReachesTheJobOnceWithOneReader() throws Exception {
        assertEquals(expected(600), receive(1, 600).payloads());
    }

    /**
     * At any parallelism the source holds one plain subscription, never a shared one another
     * login could join (issue 19): the other readers finish, and every message is read once.
     */
    @Test
    void atParallelismTwoOneReaderReadsEveryMessageOnce() throws Exception {
        Received received = receive(2, 600);
        assertEquals(expected(600), received.payloads());
        assertEquals(Set.of(0), received.readers(), "the source subtasks that read messages");
    }

    /**
     * A message from the broker's retained store is no sample of now: a device that published
     * retained would have it replayed to every new session of the job. The reader drops it.
     */
    @Test
    void retainedMessagesAreRefused() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        MqttClient device = new MqttClient(BROKER, "source-it-retain-" + run, new MemoryPersistence());
        device.connect(MqttEndpoint.of(BROKER).connectionOptions());
        MqttMessage stale = new MqttMessage("stale".getBytes(StandardCharsets.UTF_8));
        stale.setQos(1);
        stale.setRetained(true);
        device.publish("source-it/" + run + "/device-0", stale);
        MqttSourceOptions options = MqttSourceOptions.defaults(MqttEndpoint.of(BROKER), "source-it/" + run + "/+",
                "source-it-retain-" + run);
        List<String> taken = runAndPublish(options, run, 0, 5, 5);
        // Clear the retained message, or the broker keeps it for ever.
        device.publish("source-it/" + run + "/device-0", new byte[0], 1, true);
        device.disconnect();
        device.close();

        assertEquals(expected(5), new HashSet<>(taken), "the live messages only");
        assertEquals(5, taken.size());
    }

    /**
     * A job with a named, persistent session is stopped; devices keep publishing; the job comes back
     * under the same name and receives what was published while it was away.
     */
    @Test
    void messagesPublishedWhileTheJobIsDownArriveWhenItReturns() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String filter = "source-it/" + run + "/+";
        MqttSourceOptions options = MqttSourceOptions.defaults(MqttEndpoint.of(BROKER), filter, "source-it-" + run)
                .withSessionExpirySeconds(120);
        List<String> first = runAndPublish(options, run, 0, 100, 100);
        publish(run, 100, 200); // nobody is subscribed now: the broker queues these in the session
        List<String> second = runAndPublish(options, run, 200, 300, 200);

        assertEquals(expected(100), new HashSet<>(first));
        Set<String> afterRestart = new HashSet<>(second);
        assertEquals(200, second.size(), "each message once");
        assertEquals(expected(300).stream().filter(m -> !first.contains(m)).collect(java.util.stream.Collectors.toSet()),
                afterRestart, "the 100 sent while the job was down, then 100 more");
    }

    /**
     * A broker restarted twice for a few seconds: the reader is back within seconds of its return, so
     * the reps of those seconds reach the athlete late by the outage, not by Paho's backoff (which
     * grows to 128 s, its setting for it ignored: paho.mqtt.java#864, and is shared by the JVM's
     * clients; here the reader came back 64 s after a 3 s outage before it asked for reconnects
     * itself). The bound is a deadline for "within seconds", not a speed: the reader asks every 2 s.
     */
    @Test
    void aReaderHearsARestartedBrokerWithinSecondsOfItsReturn(@TempDir Path dir) throws Exception {
        try (LocalMosquitto broker = LocalMosquitto.persistent(dir, "")) {
            broker.start();
            String url = "tcp://127.0.0.1:" + broker.port();
            String run = UUID.randomUUID().toString().substring(0, 8);
            MqttSourceOptions options = MqttSourceOptions.defaults(MqttEndpoint.of(url), "source-it/" + run + "/+",
                    "source-it-restart-" + run).withSessionExpirySeconds(300);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            CloseableIterator<String> received = env
                    .fromSource(new MqttSource(options), WatermarkStrategy.noWatermarks(), "MQTT")
                    .filter(record -> !record.isTick())
                    .map(r -> new String(r.payload(), StandardCharsets.UTF_8))
                    .collectAsync();
            List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
            JobClient job;
            try (ReaderReadiness readiness = new ReaderReadiness(options)) {
                job = env.executeAsync("mqtt source broker restart IT");
                readiness.await(60_000);
            }
            collectInTheBackground(received, all);
            // Other clients in the same JVM that reconnect on their own, as the job's feedback
            // publisher and the demo's simulated devices do: Paho keeps one reconnect delay for
            // all of a JVM's clients (a static field), and each failed attempt of any doubles it.
            List<MqttAsyncClient> neighbours = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    MqttAsyncClient neighbour = new MqttAsyncClient(url, "source-it-neighbour-" + run + "-" + i,
                            new MemoryPersistence());
                    neighbours.add(neighbour);
                    ReliablePublisher.connect(neighbour, MqttEndpoint.of(url).connectionOptions());
                }
                publishTo(url, run, 0, 5);
                awaitTaken(all, 5, 30_000);
                assertEquals(5, all.size(), "before the restart");
                for (int restart = 1; restart <= RESTARTS; restart++) {
                    broker.stop();
                    Thread.sleep(3_000);
                    broker.start();
                    long backMs = System.currentTimeMillis();
                    publishTo(url, run, 5 * restart, 5 * restart + 5);
                    awaitTaken(all, 5 * restart + 5, 150_000);
                    long afterReturnMs = System.currentTimeMillis() - backMs;
                    assertEquals(expected(5 * restart + 5), new HashSet<>(all), "every message, once the reader is back");
                    assertTrue(afterReturnMs < 20_000, "restart " + restart + ": the reader took " + afterReturnMs
                            + " ms after the broker's return");
                }
            } finally {
                job.cancel().get();
                received.close();
                for (MqttAsyncClient neighbour : neighbours) {
                    if (neighbour.isConnected()) {
                        neighbour.disconnectForcibly(0, 1_000, false);
                    }
                    neighbour.close();
                }
            }
        }
    }

    /** Two restarts: Paho's shared delay is doubled on by each, and never set back. */
    private static final int RESTARTS = 2;

    /** Collects on a thread of its own: a message that never comes must fail the test, not hang it. */
    private static void collectInTheBackground(CloseableIterator<String> received, List<String> into) {
        Thread collector = new Thread(() -> {
            try {
                received.forEachRemaining(into::add);
            } catch (RuntimeException cancelled) {
                // the job is cancelled by the test
            }
        });
        collector.setDaemon(true);
        collector.start();
    }

    private static void awaitTaken(List<String> taken, int n, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (taken.size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Messages the job below has taken; the MiniCluster runs in this JVM. */
    private static final AtomicInteger TAKEN = new AtomicInteger();

    /**
     * With acknowledgements held until checkpoints, a job that has taken messages but completed no
     * checkpoint has acknowledged none of them: whoever resumes its session gets them all again.
     * Once a checkpoint has completed after them, nothing comes again.
     */
    @Test
    void messagesAreAcknowledgedOnlyWhenACheckpointCoversThem() throws Exception {
        assertEquals(40, redeliveredAfterTaking(40, 3_600_000), "taken, never checkpointed: all sent again");
        assertEquals(0, redeliveredAfterTaking(40, 200), "taken and checkpointed: none sent again");
    }

    /** Runs a job that takes {@code n} messages, stops it, and counts what its resumed session delivers. */
    private static int redeliveredAfterTaking(int n, long checkpointIntervalMs) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        MqttSourceOptions options = MqttSourceOptions.defaults(MqttEndpoint.of(BROKER), "source-it/" + run + "/+",
                "source-it-ack-" + run).withSessionExpirySeconds(120).withAckAfterCheckpoint(true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(checkpointIntervalMs);
        TAKEN.set(0);
        env.fromSource(new MqttSource(options), WatermarkStrategy.noWatermarks(), "MQTT")
                .filter(record -> !record.isTick()) // the reader's once-a-second sign of life, no message
                .map(record -> TAKEN.incrementAndGet())
                .sinkTo(new DiscardingSink<>());
        try (ReaderReadiness readiness = new ReaderReadiness(options)) {
            JobClient job = env.executeAsync("mqtt source ack-after-checkpoint IT");
            try {
                readiness.await(60_000);
                publish(run, 0, n);
                long deadline = System.currentTimeMillis() + 30_000;
                while (TAKEN.get() < n && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(n, TAKEN.get(), "messages the job took");
                Thread.sleep(2_000); // room for checkpoints to complete, when there are any
            } finally {
                job.cancel().get();
            }
        }
        // Resume the reader's session as a plain client: the broker sends what was not acknowledged.
        AtomicInteger redelivered = new AtomicInteger();
        MqttClient resumed = new MqttClient(BROKER, options.clientIdPrefix() + "-0", new MemoryPersistence());
        resumed.setCallback(new OnMessage((topic, message) -> redelivered.incrementAndGet()));
        MqttConnectionOptions connection = options.endpoint().connectionOptions();
        connection.setCleanStart(false);
        connection.setSessionExpiryInterval(0L); // this client ends the session when it leaves
        resumed.connect(connection);
        Thread.sleep(3_000);
        resumed.disconnect();
        resumed.close();
        return redelivered.get();
    }

    /** Runs a one-reader job, publishes messages [from, to) once it listens, and takes {@code take} messages. */
    private static List<String> runAndPublish(MqttSourceOptions options, String run, int from, int to, int take)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        CloseableIterator<String> received = env
                .fromSource(new MqttSource(options), WatermarkStrategy.noWatermarks(), "MQTT")
                .filter(record -> !record.isTick()) // the reader's once-a-second sign of life, no message
                .map(r -> new String(r.payload(), StandardCharsets.UTF_8))
                .collectAsync();
        List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ReaderReadiness readiness = new ReaderReadiness(options)) {
            JobClient job = env.executeAsync("mqtt source persistent session IT");
            collectInTheBackground(received, all);
            try {
                readiness.await(60_000);
                publish(run, from, to);
                long deadline = System.currentTimeMillis() + 30_000;
                while (all.size() < take && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(500); // anything beyond `take` would be a duplicate: give it time to show
            } finally {
                job.cancel().get();
                received.close();
            }
        }
        return new ArrayList<>(all);
    }

    private static void publish(String run, int from, int to) throws Exception {
        publishTo(BROKER, run, from, to);
    }

    private static void publishTo(String broker, String run, int from, int to) throws Exception {
        MqttAsyncClient publisher = new MqttAsyncClient(broker, "source-it-pub-" + run + "-" + from, new MemoryPersistence());
        ReliablePublisher.connect(publisher, MqttEndpoint.of(broker).connectionOptions());
        for (int i = from; i < to; i++) {
            MqttMessage message = new MqttMessage(("message-" + i).getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            ReliablePublisher.publish(publisher, "source-it/" + run + "/device-" + (i % 7), message);
        }
        publisher.disconnect().waitForCompletion();
        publisher.close();
    }

    private static Set<String> expected(int n) {
        Set<String> payloads = new HashSet<>();
        for (int i = 0; i < n; i++) {
            payloads.add("message-" + i);
        }
        return payloads;
    }

    /** The messages' payloads, and which source subtasks read them. */
    private record Received(Set<String> payloads, Set<Integer> readers) {
    }

    private static Received receive(int parallelism, int n) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String filter = "source-it/" + run + "/+";
        MqttSourceOptions options = MqttSourceOptions.defaults(MqttEndpoint.of(BROKER), filter, "source-it-" + run);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        CloseableIterator<String> received = env
                .fromSource(new MqttSource(options), WatermarkStrategy.noWatermarks(), "MQTT")
                .filter(record -> !record.isTick()) // the reader's once-a-second sign of life, no message
                .map(new ReadBy()) // chained to the source: the reader's own subtask
                .collectAsync();
        List<String> all = new ArrayList<>();
        try (ReaderReadiness readiness = new ReaderReadiness(options)) {
            JobClient job = env.executeAsync("mqtt source IT");
            try {
                readiness.await(60_000);
                MqttAsyncClient publisher = new MqttAsyncClient(BROKER, "source-it-pub-" + run, new MemoryPersistence());
                ReliablePublisher.connect(publisher, options.endpoint().connectionOptions());
                for (int i = 0; i < n; i++) {
                    MqttMessage message = new MqttMessage(("message-" + i).getBytes(StandardCharsets.UTF_8));
                    message.setQos(1);
                    ReliablePublisher.publish(publisher, "source-it/" + run + "/device-" + (i % 7), message);
                }
                publisher.disconnect().waitForCompletion();
                publisher.close();
                while (all.size() < n && received.hasNext()) {
                    all.add(received.next());
                }
            } finally {
                job.cancel().get();
                received.close();
            }
        }
        assertEquals(n, all.size(), "messages received");
        Set<String> payloads = new HashSet<>();
        Set<Integer> readers = new HashSet<>();
        for (String taken : all) {
            int at = taken.lastIndexOf('@');
            payloads.add(taken.substring(0, at));
            readers.add(Integer.parseInt(taken.substring(at + 1)));
        }
        return new Received(payloads, readers);
    }

    /** "payload@subtask" of each message. */
    private static final class ReadBy extends org.apache.flink.api.common.functions.RichMapFunction<MqttRecord, String> {
        @Override
        public String map(MqttRecord record) {
            return new String(record.payload(), StandardCharsets.UTF_8) + "@" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        }
    }
}
