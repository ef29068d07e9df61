package io.tempostream.simulator;

import java.util.Random;

/**
 * Which of a device's messages are lost on the way, one after another: {@code percent} of them
 * start a loss at random, and each loss takes {@code run} messages in a row (a radio link that
 * drops out for a moment). What MQTT at QoS 0 does over a weak link, or a broker dropping for a
 * subscriber that fell behind.
 */
public final class MessageLoss {
    private final int percent;
    private final int run;
    private final Random random;
    private int runLeft;

    public MessageLoss(int percent, int run, long seed) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("lost percent must be 0–100, got " + percent);
        }
        if (run < 1) {
            throw new IllegalArgumentException("lost run must be at least 1 message, got " + run);
        }
        this.percent = percent;
        this.run = run;
        this.random = new Random(seed);
    }

    /**
     * The share of all messages lost in the long run: a run starts at {@code percent} of the
     * messages not already in one, so runs of 8 from 1 % lose 8 messages in 107 (7.5 %), not 1 %.
     */
    public static double lostShare(int percent, int run) {
        double start = percent / 100.0;
        return start * run / (1 + start * (run - 1));
    }

    /** Whether the next message is lost. */
    public boolean nextLost() {
        if (runLeft > 0) {
            runLeft--;
            return true;
        }
        if (percent > 0 && random.nextInt(100) < percent) {
            runLeft = run - 1;
            return true;
        }
        return false;
    }
}
