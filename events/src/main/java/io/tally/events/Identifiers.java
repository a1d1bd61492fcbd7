package io.tally.events;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.tally.events.validation.Violations;

/**
 * The identifiers of one customer seen in one event. Raw e-mail addresses and phone numbers never travel: only their
 * SHA-256 (of the trimmed, lower-cased address; of the E.164 number).
 */
public record Identifiers(
        String anonymousId,
        String userId,
        String emailSha256,
        String phoneSha256,
        String loyaltyId,
        String customerId) {

    public static Identifiers anonymous(String anonymousId) {
        return new Identifiers(anonymousId, null, null, null, null, null);
    }

    /**
     * The present identifiers as {@code kind → value}, most durable first (customerId, userId, loyaltyId, emailSha256,
     * phoneSha256, anonymousId).
     */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, "customerId", customerId);
        put(map, "userId", userId);
        put(map, "loyaltyId", loyaltyId);
        put(map, "emailSha256", emailSha256);
        put(map, "phoneSha256", phoneSha256);
        put(map, "anonymousId", anonymousId);
        return map;
    }

    /**
     * The Kafka record key for topics that feed journeys: the most durable identifier present, as {@code kind:value}, so
     * one customer's events stay on one partition.
     */
    public String partitionKey() {
        return asMap().entrySet().stream()
                .findFirst()
                .map(e -> e.getKey() + ":" + e.getValue())
                .orElseThrow(() -> new IllegalStateException("no identifier"));
    }

    @JsonIgnore // derived: not a field of the JSON
    public boolean isEmpty() {
        return asMap().isEmpty();
    }

    public void validate(Violations v) {
        if (isEmpty()) {
            v.add("", "at least one identifier is required");
        }
        v.text("anonymousId", anonymousId, 200);
        v.text("userId", userId, 200);
        v.text("loyaltyId", loyaltyId, 200);
        v.text("customerId", customerId, 200);
        v.sha256("emailSha256", emailSha256);
        v.sha256("phoneSha256", phoneSha256);
    }

    private static void put(Map<String, String> map, String kind, String value) {
        if (value != null && !value.isBlank()) {
            map.put(kind, value);
        }
    }
}
