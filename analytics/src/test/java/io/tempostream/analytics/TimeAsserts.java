package io.tempostream.analytics;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Assertions on epoch times in ms. JUnit's {@code assertEquals(expected, actual, delta, message)}
 * called with two longs and an int delta picks its float overload: at today's epoch (1.76e12 ms) a
 * float resolves only 131 072 ms, so "within 400 ms" passed for times 30 s apart.
 */
public final class TimeAsserts {
    private TimeAsserts() {
    }

    /** Fails unless {@code actualMs} lies within {@code toleranceMs} of {@code expectedMs}. */
    public static void assertWithinMs(long expectedMs, long actualMs, long toleranceMs, String message) {
        if (Math.abs(actualMs - expectedMs) > toleranceMs) {
            fail(message + " ==> expected within " + toleranceMs + " ms of " + expectedMs + " but was " + actualMs
                    + " (" + (actualMs - expectedMs) + " ms off)");
        }
    }
}
