package io.tally.attribution.storage;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.attribution.intake.IntakeService;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;

/**
 * The monthly partitions of touchpoints, ledger rows and journal entries, on the real PostgreSQL: rows of a month
 * without a partition wait in the default partition until the upkeep gives the month its own; the coming months are
 * made ahead; and a month's query reads that month's partition only.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class MonthlyPartitionsTest {

    @Inject
    MonthlyPartitions partitions;
    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    @Test
    void aMonthWithoutAPartitionGetsOneAndItsRowsMoveIntoIt() {
        YearMonth month = YearMonth.of(2031, 5); // far beyond the months made ahead
        LocalDate day = month.atDay(14);
        Identifiers who = customer();
        intake.recordTouchpoint(visit(who, at(day, 9), Channel.EMAIL, null));
        Conversion order = purchase(who, at(day, 10), "42.00", "EUR");
        intake.recordConversion(order);
        assertThat(where("touchpoint", order)).isEqualTo("touchpoint_default");

        List<String> made = partitions.maintain();

        assertThat(made).contains(MonthlyPartitions.partitionOf("touchpoint", month),
                MonthlyPartitions.partitionOf("credit", month), MonthlyPartitions.partitionOf("revenue_entry", month));
        assertThat(where("touchpoint", order)).isEqualTo("touchpoint_y2031m05");
        assertThat(sql("SELECT DISTINCT tableoid::regclass::text FROM credit WHERE conversion_event_id = ?1",
                order.eventId())).containsExactly("credit_y2031m05");
        assertThat(sql("SELECT DISTINCT tableoid::regclass::text FROM revenue_entry WHERE conversion_event_id = ?1",
                order.eventId())).containsExactly("revenue_entry_y2031m05");
        // each model's credit still sums to the revenue after the move
        assertThat(sql(
                "SELECT DISTINCT sum(amount_minor)::bigint FROM credit WHERE conversion_event_id = ?1 GROUP BY model",
                order.eventId())).containsExactly(4200L);
        // made once (other tests' far-off months may still be made by the next upkeep)
        assertThat(partitions.maintain()).doesNotContain(MonthlyPartitions.partitionOf("touchpoint", month));
    }

    @Test
    void theComingMonthsAreMadeAheadAndAMonthsQueryReadsOnlyItsPartition() {
        partitions.maintain();
        YearMonth now = YearMonth.now(java.time.ZoneOffset.UTC);
        for (int m = -1; m <= 3; m++) {
            for (String table : List.of("touchpoint", "credit", "revenue_entry")) {
                String partition = MonthlyPartitions.partitionOf(table, now.plusMonths(m));
                assertThat(sql("SELECT to_regclass(?1)::text", partition)).as(partition).containsExactly(partition);
            }
        }
        String plan = explain("SELECT count(*) FROM credit WHERE period = '" + now + "'");
        assertThat(plan).contains(MonthlyPartitions.partitionOf("credit", now))
                .doesNotContain(MonthlyPartitions.partitionOf("credit", now.plusMonths(1)))
                .doesNotContain("credit_default");
        String touches = explain("SELECT count(*) FROM touchpoint WHERE occurred_at >= '" + now.atDay(1)
                + " 00:00:00+00' AND occurred_at < '" + now.plusMonths(1).atDay(1) + " 00:00:00+00'");
        assertThat(touches).contains(MonthlyPartitions.partitionOf("touchpoint", now))
                .doesNotContain(MonthlyPartitions.partitionOf("touchpoint", now.minusMonths(1)))
                .doesNotContain("touchpoint_default");
    }

    private static String where(String table, Conversion order) {
        List<Object> found = sql("SELECT DISTINCT t.tableoid::regclass::text FROM " + table + " t JOIN conversion c"
                + " ON c.profile_id = t.profile_id WHERE c.event_id = ?1", order.eventId());
        assertThat(found).hasSize(1);
        return (String) found.get(0);
    }

    @SuppressWarnings("unchecked")
    private String explain(String query) {
        List<Object> lines = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("EXPLAIN " + query)
                .getResultList());
        return String.join("\n", lines.stream().map(Object::toString).toList());
    }
}
