package io.tally.attribution.ledger;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.campaign;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.refund;
import static io.tally.attribution.AttributionFixtures.rollupMismatches;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.attribution.AttributionFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;

/** The daily roll-up follows the ledger: credits, refunds, and a programme's change of time zone. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class LedgerRollupTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theRollupSumsTheLedgerByTheProgrammesDaysAndFollowsATimeZoneChange() {
        LocalDate day = uniqueDay();
        String code = code();
        CampaignChanged v1 = campaign("Rollup", "Rollup social", Channel.PAID_SOCIAL, List.of(code));
        send(v1);
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", code).get(0)
                .toString().equals("1"));

        // 23:30 UTC is the next day in Berlin: the roll-up counts it there
        Identifiers who = customer();
        send(visit(who, at(day, 22), Channel.PAID_SOCIAL, code));
        Instant late = at(day, 23).plus(Duration.ofMinutes(30));
        Conversion order = purchase(who, late, "80.00", "EUR");
        send(order);
        send(refund(order, "20.00"));
        String programme = v1.programme().id().toString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(daily(programme, "last_touch"))
                .containsExactly((Object) (day.plusDays(1) + ":6000")));
        assertThat(rollupMismatches()).isZero();

        // the programme moves to New York: the same credit now falls on the UTC day's date there
        CampaignChanged v2 = new CampaignChanged(CampaignChanged.eventIdOf(v1.campaignId(), 2), v1.campaignId(), 2,
                Instant.now(), new CampaignChanged.ProgrammeRef(v1.programme().id(), "Rollup", "EUR",
                        "America/New_York", 30, "linear"),
                v1.name(), v1.channel(), v1.trackingCodes(), false);
        send(v2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(daily(programme, "last_touch"))
                .containsExactly((Object) (day + ":6000")));
        assertThat(rollupMismatches()).isZero();
    }

    private static List<Object> daily(String programme, String model) {
        return sql("SELECT day || ':' || sum(amount_minor) FROM credit_daily WHERE programme_id = CAST(?1 AS uuid)"
                + " AND model = '" + model + "' GROUP BY day HAVING sum(amount_minor) <> 0 ORDER BY day", programme);
    }
}
