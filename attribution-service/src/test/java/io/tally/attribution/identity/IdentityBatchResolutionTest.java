package io.tally.attribution.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;
import io.tally.events.Identifiers;
import io.tally.events.Trust;

/**
 * Resolving events in batches ({@link IdentityGraph#resolveAll}, as the consumers do) ends where resolving them one by
 * one, each in a transaction of its own, ends: the same customers (identifiers grouped into the same profiles), each
 * event in the same customer, the same joins refused. Random event streams over a small pool of identifiers, so events
 * of a batch join each other, join profiles stored by earlier batches, merge several, and overstep an unverified
 * event's bounds; each stream is resolved twice, under identifiers of its own, and the outcomes compared.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class IdentityBatchResolutionTest {

    /** One event: its identifiers as kind to a pool index, and its trust. */
    private record Event(Map<String, Integer> identifiers, Trust trust) {
    }

    @Inject
    IdentityGraph graph;
    @Inject
    EntityManager em;

    @Test
    void batchesEndWhereOneByOneEnds() {
        int merges = 0;
        int refusals = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            List<Event> events = stream(random, 80);
            String one = "one-" + UUID.randomUUID() + "-";
            String batched = "batch-" + UUID.randomUUID() + "-";

            List<IdentityGraph.Resolution> alone = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                IdentityGraph.Request request = request(one, i, events.get(i));
                alone.add(QuarkusTransaction.requiringNew().call(() -> graph.resolve(request.identifiers(),
                        request.eventId(), request.trust())));
            }
            List<IdentityGraph.Resolution> together = new ArrayList<>();
            for (int from = 0; from < events.size();) {
                int to = Math.min(events.size(), from + 1 + random.nextInt(25));
                List<IdentityGraph.Request> batch = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    batch.add(request(batched, i, events.get(i)));
                }
                together.addAll(QuarkusTransaction.requiringNew().call(() -> graph.resolveAll(batch)));
                from = to;
            }

            assertThat(customers(batched)).as("seed %d: the customers", seed).isEqualTo(customers(one));
            for (int i = 0; i < events.size(); i++) {
                assertThat(customerOf(batched, together.get(i).profileId()))
                        .as("seed %d, event %d: its customer", seed, i)
                        .isEqualTo(customerOf(one, alone.get(i).profileId()));
                assertThat(together.get(i).refused()).as("seed %d, event %d: refused", seed, i)
                        .isEqualTo(alone.get(i).refused());
                assertThat(together.get(i).merged()).as("seed %d, event %d: merged", seed, i)
                        .isEqualTo(alone.get(i).merged());
                merges += alone.get(i).merged() ? 1 : 0;
                refusals += alone.get(i).refused() != null ? 1 : 0;
            }
        }
        // the streams did exercise merges and refused joins
        assertThat(merges).isGreaterThan(10);
        assertThat(refusals).isGreaterThan(10);
    }

    /** Events of one to three identifiers (anonymous ids, user ids, e-mails) from a small pool; a third unverified. */
    private static List<Event> stream(Random random, int n) {
        List<String> kinds = List.of("anonymousId", "userId", "emailSha256");
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Integer> ids = new TreeMap<>();
            int count = 1 + random.nextInt(3);
            for (int k = 0; k < count; k++) {
                String kind = kinds.get(random.nextInt(kinds.size()));
                ids.put(kind, random.nextInt(kind.equals("anonymousId") ? 30 : 12));
            }
            events.add(new Event(ids, random.nextInt(3) == 0 ? Trust.UNVERIFIED : Trust.VERIFIED));
        }
        return events;
    }

    private static IdentityGraph.Request request(String prefix, int i, Event event) {
        Map<String, Integer> ids = event.identifiers();
        return new IdentityGraph.Request(new Identifiers(value(prefix, "a", ids.get("anonymousId")),
                value(prefix, "u", ids.get("userId")), value(prefix, "e", ids.get("emailSha256")), null, null, null),
                prefix + "event-" + i, event.trust());
    }

    private static String value(String prefix, String kind, Integer index) {
        return index == null ? null : prefix + kind + index;
    }

    /** Every customer of the run: the identifiers (without the run's prefix) of each profile holding any. */
    @SuppressWarnings("unchecked")
    private Set<Set<String>> customers(String prefix) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT profile_id, identifier FROM identity WHERE identifier LIKE ?1").setParameter(1,
                        "%:" + prefix
                                + "%")
                .getResultList());
        Map<Long, Set<String>> byProfile = new TreeMap<>();
        for (Object[] row : rows) {
            byProfile.computeIfAbsent(((Number) row[0]).longValue(), p -> new TreeSet<>())
                    .add(((String) row[1]).replace(prefix, ""));
        }
        return new java.util.HashSet<>(byProfile.values());
    }

    /** The identifiers (without the prefix) of the profile an event's profile is part of now. */
    @SuppressWarnings("unchecked")
    private Set<String> customerOf(String prefix, long profileId) {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "WITH RECURSIVE up(id, next) AS (SELECT profile_id, merged_into FROM profile WHERE profile_id = ?1"
                        + " UNION ALL SELECT p.profile_id, p.merged_into FROM profile p JOIN up ON p.profile_id = up.next)"
                        + " SELECT i.identifier FROM identity i WHERE i.profile_id = (SELECT id FROM up WHERE next IS NULL)")
                .setParameter(1, profileId).getResultList());
        Set<String> customer = new TreeSet<>();
        ids.forEach(id -> customer.add(id.replace(prefix, "")));
        return customer;
    }
}
