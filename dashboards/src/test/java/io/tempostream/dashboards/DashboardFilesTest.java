package io.tempostream.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The provisioning files and dashboards hold together, without Grafana: what Grafana would load. */
class DashboardFilesTest {
    private static final Set<String> BUILT_IN = Set.of("timeFilter", "__interval");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");

    @SuppressWarnings("unchecked")
    private static String provisionedUid() throws Exception {
        List<Map<String, Object>> sources = (List<Map<String, Object>>) Dashboards.yaml(Dashboards.DATASOURCES).get("datasources");
        assertEquals(1, sources.size());
        assertEquals("influxdb", sources.get(0).get("type"));
        assertEquals("tempostream", ((Map<String, Object>) sources.get(0).get("jsonData")).get("dbName"));
        return (String) sources.get(0).get("uid");
    }

    @Test
    void theFourDashboardsParseAndEveryPanelUsesTheProvisionedDatasource() throws Exception {
        String uid = provisionedUid();
        List<Path> files = Dashboards.files();
        assertEquals(List.of("live-tempo.json", "pipeline-health.json", "program-adherence.json", "session-review.json"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        Set<String> uids = new HashSet<>();
        for (Path file : files) {
            JsonNode dashboard = Dashboards.read(file);
            assertTrue(uids.add(dashboard.path("uid").asText()), "dashboard uids are unique: " + file);
            assertFalse(dashboard.path("panels").isEmpty(), file + " has panels");
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                String where = file.getFileName() + " / " + panel.path("title").asText();
                assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique: " + where);
                assertEquals(uid, panel.path("datasource").path("uid").asText(), where);
                assertFalse(panel.path("targets").isEmpty(), where + " has a query");
                for (JsonNode target : panel.path("targets")) {
                    assertEquals(uid, target.path("datasource").path("uid").asText(), where);
                    assertTrue(target.path("rawQuery").asBoolean(), where + ": InfluxQL as written");
                    assertFalse(target.path("query").asText().isBlank(), where);
                }
            }
            for (JsonNode v : dashboard.path("templating").path("list")) {
                assertEquals(uid, v.path("datasource").path("uid").asText(), file + " variable " + v.path("name"));
            }
        }
    }

    @Test
    void everyVariableAQueryUsesIsDefinedBeforeIt() throws Exception {
        for (Path file : Dashboards.files()) {
            JsonNode dashboard = Dashboards.read(file);
            Set<String> defined = new HashSet<>(BUILT_IN);
            for (JsonNode v : dashboard.path("templating").path("list")) {
                assertUses(v.path("query").asText(), defined, file + " variable " + v.path("name").asText());
                defined.add(v.path("name").asText());
            }
            for (Dashboards.Query q : Dashboards.queries(file)) {
                assertUses(q.influxQl(), defined, file + " / " + q.title());
            }
        }
    }

    private static void assertUses(String query, Set<String> defined, String where) {
        Matcher m = VARIABLE.matcher(query);
        while (m.find()) {
            assertTrue(defined.contains(m.group(1)), where + " uses $" + m.group(1) + ", which is not defined");
        }
    }

    @Test
    void everyPanelNamesItsColumns() throws Exception {
        for (Path file : Dashboards.files()) {
            for (Dashboards.Query q : Dashboards.queries(file)) {
                if (!q.variable()) {
                    assertFalse(Dashboards.expectedColumns(q.influxQl()).isEmpty(), q.title());
                }
            }
        }
    }

    /** Every measurement, field and tag a panel reads is one docs/metrics-schema.md describes. */
    @Test
    void theSchemaDocumentsEveryNameThePanelsRead() throws Exception {
        String schema = Files.readString(Path.of("../docs/metrics-schema.md"));
        for (Path file : Dashboards.files()) {
            for (Dashboards.Query q : Dashboards.queries(file)) {
                List<String> aliases = q.variable() ? List.of() : Dashboards.expectedColumns(q.influxQl());
                for (String name : Dashboards.names(q.influxQl())) {
                    if (aliases.contains(name) && !schema.contains("`" + name + "`")) {
                        continue; // a column's display name, not something the job writes
                    }
                    assertTrue(schema.contains("`" + name + "`"), file.getFileName() + " / " + q.title()
                            + " reads \"" + name + "\", which docs/metrics-schema.md does not describe");
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardProviderLoadsTheDashboardsFolder() throws Exception {
        List<Map<String, Object>> providers = (List<Map<String, Object>>) Dashboards.yaml(Dashboards.PROVIDERS).get("providers");
        assertEquals(1, providers.size());
        assertEquals("file", providers.get(0).get("type"));
        assertTrue(((Map<String, Object>) providers.get(0).get("options")).get("path").toString()
                .startsWith("/var/lib/grafana/dashboards"));
    }
}
