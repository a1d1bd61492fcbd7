package io.tally.attribution.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;
import io.tally.events.Identifiers;

/** The persisted union-find, on the real database. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class IdentityGraphTest {

    @Inject
    IdentityGraph graph;
    @Inject
    IdentityBackfill backfill;
    @Inject
    EntityManager em;

    private static String fresh() {
        return UUID.randomUUID().toString();
    }

    private IdentityGraph.Resolution resolve(Identifiers ids) {
        return QuarkusTransaction.requiringNew().call(() -> graph.resolve(ids, "event-" + fresh()));
    }

    private static Identifiers anon(String id) {
        return new Identifiers(id, null, null, null, null, null);
    }

    @Test
    void identifiersSeenTogetherShareOneProfileAndResolvingAgainChangesNothing() {
        String a = fresh();
        String u = fresh();
        IdentityGraph.Resolution first = resolve(new Identifiers(a, u, null, null, null, null));
        assertThat(first.merged()).isFalse();
        IdentityGraph.Resolution again = resolve(anon(a));
        assertThat(again.profileId()).isEqualTo(first.profileId());
        assertThat(again.merged()).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> graph.identifiersOf(first.profileId())))
                .containsExactly("anonymousId:" + a, "userId:" + u);
    }

    @Test
    void theSmallerProfileMergesIntoTheLargerAndItsRowsFollow() {
        String a1 = fresh();
        String a2 = fresh();
        String u = fresh();
        String e = fresh();
        long big = resolve(new Identifiers(a1, u, null, null, "loyal-" + a1, null)).profileId();
        long small = resolve(anon(a2)).profileId();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO touchpoint (event_id,"
                + " occurred_at, channel, interaction_type, anonymous_id, profile_id) VALUES (?1, now(), 'email',"
                + " 'visit', ?2, ?3)").setParameter(1, "tp-" + e).setParameter(2, a2).setParameter(3, small)
                .executeUpdate());

        IdentityGraph.Resolution joined = resolve(new Identifiers(a2, u, null, null, null, null));

        assertThat(joined.profileId()).isEqualTo(big);
        assertThat(joined.absorbed()).containsExactly(small);
        assertThat(QuarkusTransaction.requiringNew().call(() -> graph.profileOf("anonymousId", a2))).contains(big);
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT profile_id FROM touchpoint WHERE event_id = ?1").setParameter(1, "tp-" + e)
                .getSingleResult())).isEqualTo(big);
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT merged_into || '/' || identifiers FROM profile WHERE profile_id = ?1").setParameter(1, small)
                .getSingleResult())).isEqualTo(big + "/1");
    }

    @Test
    void rowsStoredBeforeTheGraphExistedAreGivenTheirProfile() {
        String a = fresh();
        String u = fresh();
        long known = resolve(new Identifiers(a, u, null, null, null, null)).profileId();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO conversion (event_id, order_id,"
                + " occurred_at, revenue_minor, currency, user_id) VALUES (?1, ?1, now(), 100, 'EUR', ?2)")
                .setParameter(1, "legacy-" + u).setParameter(2, u).executeUpdate());

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);

        @SuppressWarnings("unchecked")
        List<Object> profile = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT profile_id FROM conversion WHERE event_id = ?1").setParameter(1, "legacy-" + u)
                .getResultList());
        assertThat(profile).containsExactly((Object) known);
        assertThat(backfill.run()).isZero();
    }
}
