package io.tally.attribution.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tally.events.Identifiers;

/** A JPQL condition "shares any identifier with these", with its parameters. */
record IdentityMatch(String condition, Map<String, Object> parameters) {

    private static final Map<String, String> FIELDS = Map.of(
            "anonymousId", "identity.anonymousId",
            "userId", "identity.userId",
            "emailSha256", "identity.emailSha256",
            "phoneSha256", "identity.phoneSha256",
            "loyaltyId", "identity.loyaltyId",
            "customerId", "identity.customerId");

    static IdentityMatch of(String alias, Identifiers identifiers) {
        List<String> terms = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        identifiers.asMap().forEach((kind, value) -> {
            terms.add(alias + "." + FIELDS.get(kind) + " = :" + kind);
            parameters.put(kind, value);
        });
        return new IdentityMatch("(" + String.join(" OR ", terms) + ")", parameters);
    }
}
