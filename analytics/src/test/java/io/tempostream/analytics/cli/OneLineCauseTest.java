package io.tempostream.analytics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Console logging tells an exception as its causes' messages on one line, with no Java class names. */
class OneLineCauseTest {
    private static String convert(Throwable thrown) {
        LoggerContext context = new LoggerContext();
        OneLineCause converter = new OneLineCause();
        converter.setContext(context);
        converter.start();
        return converter.convert(new LoggingEvent("test", context.getLogger("test"), Level.WARN, "failed", thrown, null));
    }

    @Test
    void aBrokerThatIsDownIsItsCausesMessagesOnOneLine() {
        Exception down = new IllegalStateException("cannot subscribe at tcp://127.0.0.1:1999: Unable to connect to server",
                new Exception("Unable to connect to server", new ConnectException("Connection refused")));
        assertEquals(" (cannot subscribe at tcp://127.0.0.1:1999: Unable to connect to server <- Connection refused)",
                convert(down));
    }

    @Test
    void aWrappersClassNamePrefixIsDroppedAndARepeatedMessageSaidOnce() {
        Exception inner = new IllegalStateException("Task name with subtask: Source (1/1)\nwas not ready");
        Exception wrapper = new RuntimeException("Checkpoint was declined (tasks not ready)", new RuntimeException(inner));
        assertEquals(" (Checkpoint was declined (tasks not ready) <- Task name with subtask: Source (1/1) was not ready)",
                convert(wrapper));
    }

    @Test
    void aTraceIsToldFromAOneLineCause() {
        assertEquals(true, ConsoleOutput.hasStackTrace("x\njava.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n"));
        assertEquals(true, ConsoleOutput.hasStackTrace("org.apache.flink.runtime.checkpoint.CheckpointException: x"));
        assertEquals(false, ConsoleOutput.hasStackTrace("12:00:00.000 WARN  Task: failed (Connection refused)\n"));
    }

    @Test
    void noExceptionAddsNothing() {
        assertEquals("", convert(null));
    }
}
