package io.tempostream.analytics.cli;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Console logging's exceptions: on the message's own line, as the chain of causes' messages
 * ({@code : cannot subscribe ... <- Unable to connect to server <- Connection refused}), so a
 * broker that is down reads as one line per restart, not 40. With {@code TEMPOSTREAM_DEBUG} set,
 * the full stack trace, as logback prints it by default.
 */
public final class OneLineCause extends ThrowableHandlingConverter {
    private static final Pattern CLASS_NAME_PREFIX = Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*: ");
    private final ThrowableProxyConverter fullTrace = new ThrowableProxyConverter();
    private final boolean debug = System.getenv("TEMPOSTREAM_DEBUG") != null;

    @Override
    public void start() {
        fullTrace.setContext(getContext());
        fullTrace.start();
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return "";
        }
        if (debug) {
            return System.lineSeparator() + fullTrace.convert(event);
        }
        StringBuilder line = new StringBuilder(" (");
        Set<IThrowableProxy> seen = new HashSet<>();
        String previous = null;
        for (IThrowableProxy t = thrown; t != null && seen.add(t); t = t.getCause()) {
            // A wrapper's message is often its cause's toString(): drop the Java class name in front.
            String message = t.getMessage() == null ? simpleName(t.getClassName())
                    : CLASS_NAME_PREFIX.matcher(t.getMessage()).replaceFirst("");
            // Wrappers often repeat their cause's message ("X: msg" around "msg"): say it once.
            if (previous != null && previous.contains(message)) {
                continue;
            }
            if (previous != null) {
                line.append(" <- ");
            }
            line.append(message.replace('\n', ' ').replace('\r', ' '));
            previous = message;
        }
        return line.append(')').toString();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
