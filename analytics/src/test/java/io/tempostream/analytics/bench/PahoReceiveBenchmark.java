package io.tempostream.analytics.bench;

import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Paho 1.2.5's receiving thread does with each PUBLISH the job's subscription gets: the
 * packet, read whole from the socket, parsed into a message (one device's batch: 10 samples,
 * 300 bytes of payload, QoS 1). Paho copies it through a {@code ByteArrayInputStream} a byte at a
 * time, each {@code read()} synchronized: compare a fork with {@code -jvmArgsAppend
 * -XX:+UseBiasedLocking} (what `tempostream run` gives the job's JVM).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PahoReceiveBenchmark {
    private byte[] packet;

    @Setup
    public void packet() throws MqttException {
        MqttMessage message = new MqttMessage(new byte[300]);
        message.setQos(1);
        MqttPublish publish = new MqttPublish("tempostream/athlete-0001/load-1234/imu", message, null);
        publish.setMessageId(7);
        byte[] header = publish.getHeader();
        byte[] payload = publish.getPayload();
        packet = new byte[header.length + payload.length];
        System.arraycopy(header, 0, packet, 0, header.length);
        System.arraycopy(payload, 0, packet, header.length, payload.length);
    }

    @Benchmark
    public byte[] parsePublish() throws MqttException {
        return ((MqttPublish) MqttWireMessage.createWireMessage(packet)).getMessage().getPayload();
    }
}
