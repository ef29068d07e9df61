package io.tempostream.analytics.cli;

import java.util.regex.Pattern;

/** What a command printed, read as a user reads it. */
final class ConsoleOutput {
    /** A stack trace's first line ({@code java.lang.IllegalStateException: …}) or one of its frames. */
    private static final Pattern TRACE_LINE = Pattern.compile("(?m)^(\\s+at |Caused by: |(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b)");

    private ConsoleOutput() {
    }

    static boolean hasStackTrace(String output) {
        return TRACE_LINE.matcher(output).find();
    }
}
