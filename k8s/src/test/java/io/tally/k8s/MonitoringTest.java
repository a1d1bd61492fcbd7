package io.tally.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.tally.support.metrics.MetricNames;

/**
 * The monitoring in {@code base/monitoring}, as each overlay renders it: the Grafana dashboard parses and every query
 * of it names only metrics the services expose (service-support's {@link MetricNames}, which each service's metrics
 * test finds on its {@code /q/metrics}); every alert rule has an expression over such metrics, a {@code for}, a
 * severity and a summary and description; the four alerts the pipeline needs exist; Prometheus scrapes every service.
 */
class MonitoringTest {

    /** The alerts issue 18 asks for: lag growing, outbox stuck, rejects spiking, goal monitor not running. */
    static final Set<String> REQUIRED_ALERTS = Set.of("TallyConsumerLagGrowing", "TallyOutboxStuck",
            "TallyRejectsSpiking", "TallyGoalMonitorNotRunning");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** PromQL words that are not metric names: functions are followed by "(", these are not. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "offset", "bool", "inf", "nan");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern
            .compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    /** The metric names a PromQL expression reads (label matchers, ranges, groupings and strings taken out). */
    static Set<String> metricsOf(String expr) {
        String bare = STRING.matcher(expr).replaceAll(" ");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String word = identifier.group(1);
            boolean function = identifier.group(2) != null;
            if (!function && !KEYWORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    @Test
    void metricNamesAreReadFromPromQlAndNothingElse() {
        assertThat(metricsOf("histogram_quantile(0.95, sum by (le) (rate(a_bucket{namespace=\"$ns\"}[5m])))"))
                .containsExactly("a_bucket");
        assertThat(metricsOf("time() - max by (namespace) (b) > 600 or absent(c)")).containsExactly("b", "c");
        assertThat(metricsOf("sum by (app, status) (rate(d{outcome=\"SERVER_ERROR\"}[$__rate_interval]))"))
                .containsExactly("d");
        assertThat(metricsOf("x > 3 * clamp_min((y offset 5m), 0.1)")).containsExactly("x", "y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDashboardParsesAndEveryQueryNamesAnExposedMetric(String overlay) throws IOException {
        ConfigMap configMap = Rendered.overlay(overlay).configMap("tally-dashboard")
                .orElseThrow(() -> new AssertionError(overlay + " renders no tally-dashboard ConfigMap"));
        assertThat(configMap.getMetadata().getLabels()).as("found by the Grafana sidecar")
                .containsEntry("grafana_dashboard", "1");
        JsonNode dashboard = JSON.readTree(configMap.getData().get("tally.json"));
        assertThat(dashboard.path("uid").asText()).isNotBlank();

        List<String> queries = new ArrayList<>();
        assertThat(dashboard.path("panels")).as("panels").isNotEmpty();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertThat(panel.path("targets")).as("queries of panel %s", title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertThat(metricsOf(expr)).as("metrics of panel %s: %s", title, expr).isNotEmpty()
                        .isSubsetOf(MetricNames.names());
                queries.add(expr);
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                String query = variable.path("query").path("query").asText();
                Matcher labelValues = Pattern.compile("label_values\\((\\w+),").matcher(query);
                assertThat(labelValues.find()).as("variable %s", variable.path("name").asText()).isTrue();
                assertThat(MetricNames.names()).contains(labelValues.group(1));
            }
        }
        // the panels issue 18 asks for: lag per group, outbox backlog and age, credits/s, rejects/s by reason,
        // crediting latency p50/p95/p99, HTTP requests and errors
        String all = String.join("\n", queries);
        assertThat(all).contains(MetricNames.CONSUMER_LAG, MetricNames.OUTBOX_BACKLOG, MetricNames.OUTBOX_OLDEST_AGE,
                MetricNames.CREDITED_CONVERSIONS, MetricNames.INTAKE_REJECTS, MetricNames.CONNECTOR_REJECTS,
                MetricNames.CREDIT_LATENCY_BUCKETS, MetricNames.HTTP_REQUESTS, "SERVER_ERROR");
        assertThat(all).contains("histogram_quantile(0.5,", "histogram_quantile(0.95,", "histogram_quantile(0.99,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAlertRuleIsCompleteAndReadsExposedMetrics(String overlay) {
        List<GenericKubernetesResource> ruleSets = Rendered.overlay(overlay).custom("PrometheusRule");
        assertThat(ruleSets).isNotEmpty();
        Set<String> alerts = new TreeSet<>();
        for (GenericKubernetesResource ruleSet : ruleSets) {
            for (Object group : list(map(ruleSet.getAdditionalProperties().get("spec")).get("groups"))) {
                for (Object item : list(map(group).get("rules"))) {
                    Map<String, Object> rule = map(item);
                    String alert = (String) rule.get("alert");
                    assertThat(alert).as("a rule's alert name").isNotBlank();
                    alerts.add(alert);
                    String expr = String.valueOf(rule.get("expr"));
                    assertThat(expr).as("%s expr", alert).isNotBlank();
                    assertThat(metricsOf(expr)).as("metrics of %s: %s", alert, expr).isNotEmpty()
                            .isSubsetOf(MetricNames.names());
                    assertThat(String.valueOf(rule.get("for"))).as("%s for", alert).matches("\\d+[smh]");
                    assertThat(map(rule.get("labels")).get("severity")).as("%s severity", alert)
                            .isIn("warning", "critical");
                    Map<String, Object> annotations = map(rule.get("annotations"));
                    assertThat((String) annotations.get("summary")).as("%s summary", alert).isNotBlank();
                    assertThat((String) annotations.get("description")).as("%s description", alert).isNotBlank();
                }
            }
        }
        assertThat(alerts).containsAll(REQUIRED_ALERTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void prometheusScrapesEveryServiceOnItsMetricsEndpoint(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        GenericKubernetesResource podMonitor = rendered.custom("PodMonitor").stream().findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no PodMonitor"));
        Map<String, Object> spec = map(podMonitor.getAdditionalProperties().get("spec"));
        Map<String, Object> matchLabels = map(map(spec.get("selector")).get("matchLabels"));
        Map<String, Object> endpoint = map(list(spec.get("podMetricsEndpoints")).get(0));
        assertThat(endpoint.get("path")).isEqualTo("/q/metrics");
        for (String service : ManifestsTest.SERVICES) {
            Deployment deployment = rendered.deployment(service);
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).as(service)
                    .containsAllEntriesOf(strings(matchLabels));
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getPorts()).as(service + " has the scraped port")
                    .anySatisfy(port -> assertThat(port.getName()).isEqualTo(endpoint.get("port")));
        }
    }

    @Test
    void theReadmeDocumentsTheDashboardAndEveryAlert() throws IOException {
        String readme = Files.readString(Rendered.K8S.resolve("README.md"));
        assertThat(readme).contains("tally-dashboard");
        REQUIRED_ALERTS.forEach(alert -> assertThat(readme).as("k8s/README.md names " + alert).contains(alert));
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> strings = new java.util.HashMap<>();
        map.forEach((key, value) -> strings.put(key, String.valueOf(value)));
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return (List<?>) value;
    }
}
