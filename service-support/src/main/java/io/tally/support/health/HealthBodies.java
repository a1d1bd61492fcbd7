package io.tally.support.health;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.quarkus.arc.Unremovable;
import io.smallrye.health.api.HealthContentFilter;

/**
 * Health bodies show the overall status and each check's name and status, never how a check failed: Quarkus' own checks
 * put exception messages in {@code data} (the datasource check names the JDBC host and port and the SQL error, the Kafka
 * check the broker addresses), which are not for whoever can reach {@code /q/health}. A check's {@code data} stays only
 * when every value is a generic state ({@code UP}, {@code DOWN}, or {@code DOWN (HTTP 503)}, {@code DOWN (timeout)},
 * {@code DOWN (unreachable)}, as the gateway reports its upstreams, and how many of a service's instances are ready).
 * The full detail is in the service's log.
 */
@ApplicationScoped
@Unremovable
public class HealthBodies implements HealthContentFilter {

    /**
     * The values a check may show: a state and, for DOWN, a generic reason; for a service with several instances behind
     * the gateway, how many are ready ({@code UP (1 of 2 instances ready)}, {@code DOWN (none of 2 instances ready)}).
     */
    static final Pattern GENERIC = Pattern.compile("UP( \\(\\d+ of \\d+ instances ready\\))?"
            + "|DOWN( \\((HTTP \\d{3}|timeout|unreachable|none of \\d+ instances ready)\\))?");

    @Override
    public JsonObject filter(JsonObject payload) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (payload.containsKey("status")) {
            body.add("status", payload.get("status"));
        }
        JsonArrayBuilder checks = Json.createArrayBuilder();
        if (payload.get("checks") instanceof jakarta.json.JsonArray list) {
            for (JsonValue value : list) {
                if (value instanceof JsonObject check) {
                    checks.add(check(check));
                }
            }
        }
        return body.add("checks", checks).build();
    }

    private static JsonObject check(JsonObject check) {
        JsonObjectBuilder kept = Json.createObjectBuilder();
        if (check.get("name") instanceof JsonString name) {
            kept.add("name", name);
        }
        if (check.containsKey("status")) {
            kept.add("status", check.get("status"));
        }
        if (check.get("data") instanceof JsonObject data && !data.isEmpty() && data.values().stream()
                .allMatch(v -> v instanceof JsonString s && GENERIC.matcher(s.getString()).matches())) {
            kept.add("data", data);
        }
        return kept.build();
    }
}
