package io.tally.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.restassured.path.json.JsonPath;
import io.tally.devstack.LocalIssuer;
import io.tally.devstack.ServiceFleet;
import io.tally.devstack.ServiceFleet.Instance;
import io.tally.events.Event;
import io.tally.support.security.Role;
import io.tally.system.ScaleOutJourneys.Customer;
import io.tally.system.ScaleOutLedger.ModelCredit;

/**
 * The checks of {@code ScaleOutIT} that read the fleet: partitions, profiles, totals and the report for the attribution
 * test; orders, campaigns and which instance served calls for the gateway test. Expectations come from what the test
 * sent, never from another answer of the services.
 */
final class ScaleOutChecks {

    private final ScaleOutLedger ledger;
    private final ServiceFleet fleet;
    private final LocalIssuer issuer;
    private final String gatewayUrl;

    ScaleOutChecks(ScaleOutLedger ledger, ServiceFleet fleet, LocalIssuer issuer, String gatewayUrl) {
        this.ledger = ledger;
        this.fleet = fleet;
        this.issuer = issuer;
        this.gatewayUrl = gatewayUrl;
    }

    /** Every merged customer's two identities landed on different partitions (as the broker says). */
    void assertTheMergedIdentitiesSitOnDifferentPartitions(List<Customer> customers,
            List<ProducerRecord<String, Object>> touches, List<RecordMetadata> landed) {
        Map<String, Integer> partitionOfTouch = new HashMap<>();
        for (int i = 0; i < touches.size(); i++) {
            partitionOfTouch.put(((Event) touches.get(i).value()).eventId(), landed.get(i).partition());
        }
        List<Customer> merged = customers.stream().filter(Customer::merged).toList();
        assertThat(merged).hasSize(customers.size() / 2);
        for (Customer c : merged) {
            Set<Integer> converting = new HashSet<>();
            Set<Integer> other = new HashSet<>();
            c.touches().forEach(t -> (t.identifiers().equals(c.converting()) ? converting : other)
                    .add(partitionOfTouch.get(t.eventId())));
            assertThat(converting).as(c.orderId() + "'s converting identity's partitions").hasSize(1)
                    .doesNotContainAnyElementsOf(other);
        }
    }

    /** Each customer's touches and order are one profile, and no two customers share one. */
    void assertTheMergedCustomersAreOneProfileEachAndNoOthersMerged(String run,
            List<Customer> customers) throws Exception {
        Map<String, Long> profiles = ledger.profiles(List.of(run + "-t", "order:" + run));
        Set<Long> distinct = new HashSet<>();
        for (Customer c : customers) {
            Set<Long> own = new HashSet<>();
            c.touches().forEach(t -> own.add(profiles.get(t.eventId())));
            own.add(profiles.get(c.conversionEventId()));
            assertThat(own).as(c.orderId() + ": the profiles of its touches and order").hasSize(1)
                    .doesNotContainNull();
            distinct.addAll(own);
        }
        assertThat(distinct).as("one profile per customer").hasSize(customers.size());
    }

    /** Every model's total is the net revenue sent, in the ledger and in the report (served by a running instance). */
    void assertTotals(String run, LocalDate day, List<Customer> customers) throws Exception {
        long sent = customers.stream().mapToLong(Customer::netMinor).sum();
        long counted = customers.stream().filter(c -> !c.fullyRefunded()).count();
        Map<String, Map<String, ModelCredit>> credits = ledger.credits("order:" + run);
        for (String model : ScaleOutIT.RULE_BASED) {
            long credited = credits.values().stream().mapToLong(m -> m.get(model).minor()).sum();
            assertThat(credited).as(model + " total in the ledger").isEqualTo(sent);
        }
        Instance serving = fleet.instances().stream()
                .filter(a -> a.module().equals("attribution-service") && fleet.isReady(a)).findFirst().orElseThrow();
        JsonPath report = given().baseUri(serving.url()).auth().oauth2(issuer.token(Role.ANALYST))
                .queryParam("from", day.toString()).queryParam("to", day.toString())
                .queryParam("model", "linear").queryParam("groupBy", "channel")
                .get("/api/v1/reports/attribution").then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("totals")).hasSize(1);
        assertThat(new BigDecimal(report.getString("totals[0].revenue"))).as("the report's revenue")
                .isEqualByComparingTo(BigDecimal.valueOf(sent, 2));
        assertThat(new BigDecimal(report.getString("totals[0].conversions"))).as("the report's conversions")
                .isEqualByComparingTo(BigDecimal.valueOf(counted));
    }

    /** Each accepted order: once in the ledger under every rule-based model, its revenue, nothing else. */
    List<String> orderDiscrepancies(Map<String, Long> orders,
            Map<String, Map<String, ModelCredit>> credits) {
        List<String> wrong = new ArrayList<>();
        orders.forEach((order, cents) -> {
            Map<String, ModelCredit> models = credits.getOrDefault("order:" + order, Map.of());
            if (!models.keySet().equals(Set.copyOf(ScaleOutIT.RULE_BASED))) {
                wrong.add(order + ": credited under " + models.keySet());
                return;
            }
            models.forEach((model, m) -> {
                // a page view processed after its purchase re-credits it (late_touch); nothing else may
                if (m.minor() != cents || m.units() != ScaleOutIT.ONE_CONVERSION || m.originalMinor() != cents
                        || m.originalUnits() != ScaleOutIT.ONE_CONVERSION || !Set.of("late_touch").containsAll(
                                m.adjustmentReasons())) {
                    wrong.add(order + " " + model + ": " + m + ", expected " + cents + " once");
                }
            });
        });
        Set<String> extra = new HashSet<>(credits.keySet());
        orders.keySet().forEach(order -> extra.remove("order:" + order));
        if (!extra.isEmpty()) {
            wrong.add("credited without a 202: " + extra);
        }
        return wrong;
    }

    /** Campaigns that exist by what the callers were told: answered 201, or 409 on a retry. */
    static Set<String> existingCampaigns(GatewayCallers callers) {
        Set<String> existing = new HashSet<>(callers.campaignsCreated());
        existing.addAll(callers.campaignsFoundCreated());
        return existing;
    }

    /**
     * Every campaign the callers were told exists (201, or 409 on a retry) is in the programme once with exactly its
     * code, which attribution-service resolves to it; a campaign never accepted is there at most once; nothing else.
     */
    @SuppressWarnings("unchecked")
    void assertTheCampaignsAreCreatedOnceEachWithTheirCode(String programme, GatewayCallers callers,
            Map<String, Set<String>> codesInAttribution) {
        Map<String, List<String>> idsByName = new HashMap<>();
        Map<String, List<String>> codesByName = new HashMap<>();
        int total = Integer.MAX_VALUE;
        for (int page = 0; page * 50 < total; page++) {
            JsonPath list = given().baseUri(gatewayUrl).auth().oauth2(issuer.token(Role.MARKETER))
                    .queryParam("size", 50).queryParam("page", page)
                    .get("/api/v1/programmes/" + programme + "/campaigns").then().statusCode(200).extract()
                    .jsonPath();
            total = list.getInt("totalItems");
            List<Map<String, Object>> items = list.getList("items");
            for (Map<String, Object> item : items) {
                String name = (String) item.get("name");
                idsByName.computeIfAbsent(name, k -> new ArrayList<>()).add((String) item.get("id"));
                List<Map<String, Object>> codes = (List<Map<String, Object>>) item.get("trackingCodes");
                codes.forEach(c -> codesByName.computeIfAbsent(name, k -> new ArrayList<>())
                        .add((String) c.get("code")));
            }
        }
        Set<String> existing = existingCampaigns(callers);
        assertThat(callers.campaignsTried()).as("campaigns tried").containsAll(existing);
        for (String name : callers.campaignsTried()) {
            List<String> ids = idsByName.getOrDefault(name, List.of());
            if (existing.contains(name)) {
                assertThat(ids).as(name + " in the programme (accepted)").hasSize(1);
            } else {
                assertThat(ids).as(name + " in the programme (never accepted)").hasSizeLessThanOrEqualTo(1);
            }
            if (!ids.isEmpty()) {
                String code = GatewayCallers.codeOf(name).toLowerCase();
                assertThat(codesByName.get(name)).as(name + "'s codes").containsExactly(code);
                assertThat(codesInAttribution.get(code)).as(code + " in attribution-service")
                        .isEqualTo(Set.of(ids.get(0)));
            }
        }
        assertThat(idsByName.keySet()).as("campaigns in the programme").filteredOn(n -> !n.endsWith(" social"))
                .allMatch(callers.campaignsTried()::contains);
    }

    /** Requests to {@code uri} (its route template) that {@code instance} answered since it last started. */
    long served(Instance instance, String uri) {
        String metrics = given().baseUri(instance.url()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("uri=\"" + uri + "\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
