package io.tempostream.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The dashboards and provisioning files as the tests read them (paths relative to the module). */
final class Dashboards {
    static final Path GRAFANA = Path.of("grafana");
    static final Path DATASOURCES = Path.of("provisioning/datasources/tempostream.yaml");
    static final Path PROVIDERS = Path.of("provisioning/dashboards/tempostream.yaml");

    /** One panel query, variable query or annotation query of a dashboard. */
    record Query(String dashboard, String title, String influxQl, boolean variable, boolean annotation) {
    }

    private Dashboards() {
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(GRAFANA)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    static List<Query> queries(Path file) throws IOException {
        JsonNode dashboard = read(file);
        String name = dashboard.path("title").asText();
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query(name, panel.path("title").asText(), target.path("query").asText(), false, false));
            }
        }
        for (JsonNode v : dashboard.path("templating").path("list")) {
            queries.add(new Query(name, "variable " + v.path("name").asText(), v.path("query").asText(), true, false));
        }
        // Annotations from InfluxDB (Grafana's own built-in one has no query).
        for (JsonNode a : dashboard.path("annotations").path("list")) {
            if (a.has("query")) {
                queries.add(new Query(name, "annotation " + a.path("name").asText(), a.path("query").asText(), false, true));
            }
        }
        return queries;
    }

    private static final Pattern SELECT = Pattern.compile("^SELECT (.*?) FROM ", Pattern.CASE_INSENSITIVE);
    private static final Pattern AS = Pattern.compile(".* AS \"([^\"]+)\"$");
    private static final Pattern FIELD = Pattern.compile("^\"([^\"]+)\"$");

    /**
     * The columns a panel query returns besides time: each select item's alias, or the field's
     * own name for a plain field. A function without an alias would come back as "last" or "sum";
     * dashboards name every one.
     */
    static List<String> expectedColumns(String influxQl) {
        Matcher m = SELECT.matcher(influxQl);
        if (!m.find()) {
            throw new IllegalArgumentException("not a SELECT: " + influxQl);
        }
        List<String> columns = new ArrayList<>();
        for (String item : splitTopLevel(m.group(1))) {
            Matcher as = AS.matcher(item.strip());
            Matcher field = FIELD.matcher(item.strip());
            if (as.matches()) {
                columns.add(as.group(1));
            } else if (field.matches()) {
                columns.add(field.group(1));
            } else {
                throw new IllegalArgumentException("select item without a name (give it AS \"...\"): " + item);
            }
        }
        return columns;
    }

    private static List<String> splitTopLevel(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (char c : list.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                items.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        items.add(current.toString());
        return items;
    }

    private static final Pattern IDENTIFIER = Pattern.compile("\"([^\"]+)\"");

    /** Every double-quoted name in a query: measurements, fields, tags and aliases. */
    static List<String> names(String influxQl) {
        List<String> names = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(influxQl);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
