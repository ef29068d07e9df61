package io.tempostream.ingest.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Command-line flags of the form {@code --name value} or {@code --name} (a switch). Every command
 * declares the flags it knows; anything else is an error that names it. Values are converted and
 * checked once, with errors that name the flag and the value.
 */
public final class Flags {
    private final Map<String, String> values;

    private Flags(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param valued   flags that take a value
     * @param switches flags that take none
     */
    public static Flags parse(String[] args, Set<String> valued, Set<String> switches) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (flags look like --name value)");
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name) && inline == null) {
                values.put(name, "true");
            } else if (valued.contains(name)) {
                if (inline == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    inline = args[++i];
                }
                values.put(name, inline);
            } else if (switches.contains(name)) {
                throw new IllegalArgumentException("--" + name + " takes no value, got '" + inline + "'");
            } else {
                throw new IllegalArgumentException("unknown flag --" + name);
            }
        }
        return new Flags(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * A folder to write into, made if it is missing; refused, naming the flag and the value, when
     * the path is a file or the folder cannot be made.
     */
    public Optional<Path> outputDirectory(String name) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Path.of(value.get());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--" + name + " must name a folder, but '" + value.get() + "' is a file");
        }
        for (Path up = dir.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                if (!Files.isDirectory(up)) {
                    throw new IllegalArgumentException("--" + name + " '" + value.get() + "': " + up + " is a file, not a folder");
                }
                break;
            }
        }
        try {
            return Optional.of(Files.createDirectories(dir));
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("--" + name + " '" + value.get() + "': no permission to make " + e.getFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("--" + name + " '" + value.get() + "': cannot make the folder (" + e.getMessage() + ")");
        }
    }

    public int getInt(String name, int fallback, int min, int max) {
        return getNumber(name, fallback, min, max, Integer::parseInt);
    }

    public long getLong(String name, long fallback, long min, long max) {
        return getNumber(name, fallback, min, max, Long::parseLong);
    }

    public double getDouble(String name, double fallback, double min, double max) {
        return getNumber(name, fallback, min, max, Double::parseDouble);
    }

    private <T extends Number & Comparable<T>> T getNumber(String name, T fallback, T min, T max,
            Function<String, T> parser) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        T value;
        try {
            value = parser.apply(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + raw + "'");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0 || Double.isNaN(value.doubleValue())) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", got '" + raw + "'");
        }
        return value;
    }
}
