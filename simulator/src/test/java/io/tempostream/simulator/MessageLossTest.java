package io.tempostream.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageLossTest {
    @Test
    void lossesStartAtTheGivenShareAndTakeTheirRunOfMessages() {
        MessageLoss loss = new MessageLoss(2, 5, 1);
        int lost = 0;
        int starts = 0;
        int inRun = 0;
        for (int m = 0; m < 100_000; m++) {
            if (loss.nextLost()) {
                lost++;
                inRun++;
            } else if (inRun > 0) {
                assertEquals(0, inRun % 5, "a loss takes whole runs of 5 messages");
                starts += inRun / 5;
                inRun = 0;
            }
        }
        // 2 % of the messages not already lost start a run: about 100 000 / (1 + 0.02 · 4) · 0.02.
        assertEquals(1_852, starts, 150, "runs started");
        assertEquals(5 * starts, lost - inRun, "messages lost");
    }

    /** The share of messages lost that the tables print beside each loss is the share this loss takes. */
    @Test
    void theLostShareIsTheShareLost() {
        int[][] losses = {{1, 8}, {1, 5}, {2, 3}, {5, 1}, {10, 1}};
        for (int[] percentAndRun : losses) {
            MessageLoss loss = new MessageLoss(percentAndRun[0], percentAndRun[1], 7);
            int lost = 0;
            int messages = 2_000_000;
            for (int m = 0; m < messages; m++) {
                lost += loss.nextLost() ? 1 : 0;
            }
            assertEquals(lost / (double) messages, MessageLoss.lostShare(percentAndRun[0], percentAndRun[1]), 0.001,
                    percentAndRun[0] + " % in runs of " + percentAndRun[1]);
        }
        assertEquals(8 / 107.0, MessageLoss.lostShare(1, 8), 1e-12);
    }

    @Test
    void nothingIsLostAtZeroPercent() {
        MessageLoss loss = new MessageLoss(0, 3, 1);
        for (int m = 0; m < 10_000; m++) {
            assertFalse(loss.nextLost());
        }
    }

    @Test
    void aShareOrRunOutOfRangeIsRefusedNamingIt() {
        IllegalArgumentException share = assertThrows(IllegalArgumentException.class, () -> new MessageLoss(101, 1, 1));
        assertTrue(share.getMessage().contains("lost percent") && share.getMessage().contains("101"), share.getMessage());
        IllegalArgumentException run = assertThrows(IllegalArgumentException.class, () -> new MessageLoss(5, 0, 1));
        assertTrue(run.getMessage().contains("lost run") && run.getMessage().contains("0"), run.getMessage());
    }
}
