package io.tally.attribution.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.tally.attribution.config.AttributionConfig;

/**
 * What an unverified event (the open collector or pixel, which anyone can call) may join in the identity graph: an
 * anonymous visitor to a known customer (a sign-up or login), but never two known customers into one, never a second
 * identifier of one kind (a second user id, e-mail address, …) to a known customer, and never more than
 * {@code tally.attribution.identity.max-anonymous-ids} anonymous ids to one customer, so that a stream of forged
 * sign-ups cannot move a customer's history around or re-credit it without end. Refusals are recorded in
 * {@code identity_refusal} and counted in {@code tally_identity_refusals_total{reason}}.
 */
@ApplicationScoped
public class IdentityBounds {

    /** Identifier kinds, most durable first; every kind but {@code anonymousId} names a known customer. */
    static final List<String> DURABILITY = List.of("customerId", "userId", "loyaltyId", "emailSha256", "phoneSha256",
            "anonymousId");
    private static final String ANONYMOUS = "anonymousId";

    @Inject
    EntityManager em;
    @Inject
    AttributionConfig config;
    @Inject
    MeterRegistry registry;

    /**
     * Why joining {@code keys} (identifiers as {@code kind:value}) would overstep an unverified event's bounds, given the
     * profiles of those already known; empty when it would not.
     */
    Optional<String> refusal(List<String> keys, Map<String, Long> profiles) {
        if (!mayOverstep(keys, profiles)) {
            return Optional.empty();
        }
        Set<Long> involved = new TreeSet<>(profiles.values());
        List<String> fresh = keys.stream().filter(key -> !profiles.containsKey(key)).toList();
        Map<Long, List<String>> durable = durableIdentifiers(involved);
        if (durable.size() > 1) {
            return Optional.of("an unverified event may not join two known customers");
        }
        Map<String, Set<String>> valuesByKind = new TreeMap<>();
        durable.values().forEach(ids -> ids.forEach(id -> add(valuesByKind, id)));
        fresh.stream().filter(key -> !kindOf(key).equals(ANONYMOUS)).forEach(key -> add(valuesByKind, key));
        for (Map.Entry<String, Set<String>> kind : valuesByKind.entrySet()) {
            if (kind.getValue().size() > 1) {
                return Optional.of("an unverified event may not give a known customer a second " + kind.getKey());
            }
        }
        long anonymous = anonymousIds(involved) + fresh.stream().filter(key -> kindOf(key).equals(ANONYMOUS)).count();
        int max = config.identity().maxAnonymousIds();
        if (!durable.isEmpty() && anonymous > max) {
            return Optional.of("an unverified event may not give a customer more than " + max + " anonymous ids");
        }
        return Optional.empty();
    }

    /**
     * Whether joining {@code keys} could overstep the bounds at all: not for a new customer, nor for one whose
     * identifiers are all known already (nothing to join). Only then does {@link #refusal} read the database.
     */
    static boolean mayOverstep(List<String> keys, Map<String, Long> profiles) {
        long involved = profiles.values().stream().distinct().count();
        return involved > 1 || (involved == 1 && keys.stream().anyMatch(key -> !profiles.containsKey(key)));
    }

    /** Records a refused join of {@code eventId}. */
    void record(String eventId, String reason, List<String> keys) {
        em.createNativeQuery("INSERT INTO identity_refusal (event_id, reason, identifiers) VALUES (?1, ?2, ?3)")
                .setParameter(1, eventId).setParameter(2, reason).setParameter(3, keys.toArray(String[]::new))
                .executeUpdate();
        registry.counter("tally.identity.refusals", "reason", tag(reason)).increment();
    }

    /** The durable identifiers of each profile that has any. */
    @SuppressWarnings("unchecked")
    private Map<Long, List<String>> durableIdentifiers(Collection<Long> profiles) {
        List<Object[]> rows = em.createNativeQuery("SELECT profile_id, identifier FROM identity"
                + " WHERE profile_id IN (?1) AND identifier NOT LIKE 'anonymousId:%'").setParameter(1, profiles)
                .getResultList();
        Map<Long, List<String>> byProfile = new HashMap<>();
        for (Object[] row : rows) {
            byProfile.computeIfAbsent(((Number) row[0]).longValue(), p -> new ArrayList<>())
                    .add((String) row[1]);
        }
        return byProfile;
    }

    private long anonymousIds(Collection<Long> profiles) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM identity WHERE profile_id IN (?1)"
                + " AND identifier LIKE 'anonymousId:%'").setParameter(1, profiles).getSingleResult()).longValue();
    }

    private static void add(Map<String, Set<String>> valuesByKind, String key) {
        valuesByKind.computeIfAbsent(kindOf(key), k -> new TreeSet<>()).add(key);
    }

    private static String kindOf(String key) {
        return key.substring(0, key.indexOf(':'));
    }

    private static String tag(String reason) {
        return reason.contains("two known")
                ? "joins_known_customers"
                : reason.contains("second") ? "second_identifier" : "too_many_anonymous_ids";
    }
}
