package io.tally.attribution.reports;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.Devstack;
import io.tally.devstack.DevstackResource;
import io.tally.devstack.PostgresServer;
import io.tally.events.Conversion;

/**
 * The reporting schema as a BI tool sees it: a login in the read-only role tally_reporting reads the views, and
 * nothing else; the views' figures are the ledger's.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class ReportingSchemaTest {

    private static final String BI_USER = "bi_reader";
    private static final String BI_PASSWORD = "bi-secret";

    @Test
    void aReportingLoginReadsTheViewsAndNothingElse() throws SQLException {
        LocalDate day = uniqueDay();
        Conversion yen = purchase(customer(), at(day, 10), "1500", "JPY");
        send(yen);
        await().atMost(Duration.ofSeconds(30)).until(() -> !sql("SELECT 1 FROM credit WHERE conversion_event_id = ?1",
                yen.eventId()).isEmpty());

        try (Connection admin = DriverManager.getConnection(Devstack.shared().postgres().jdbcUrl(),
                PostgresServer.USER, PostgresServer.PASSWORD); Statement s = admin.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + BI_USER + "') THEN"
                    + " CREATE ROLE " + BI_USER + " LOGIN PASSWORD '" + BI_PASSWORD + "' IN ROLE tally_reporting;"
                    + " END IF; END $$");
        }
        try (Connection bi = DriverManager.getConnection(Devstack.shared().postgres().jdbcUrl(), BI_USER,
                BI_PASSWORD); Statement s = bi.createStatement()) {
            try (ResultSet r = s
                    .executeQuery("SELECT amount, conversions, kind FROM reporting.fact_attributed_revenue_daily"
                            + " WHERE model = 'linear' AND day = DATE '" + day + "' AND currency = 'JPY'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getBigDecimal(1)).isEqualByComparingTo("1500");
                assertThat(r.getBigDecimal(2)).isEqualByComparingTo("1");
                assertThat(r.getString(3)).isEqualTo("unattributed");
            }
            try (ResultSet r = s.executeQuery("SELECT revenue FROM reporting.fact_conversion WHERE conversion_id = '"
                    + yen.eventId() + "'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getBigDecimal(1)).isEqualByComparingTo("1500");
            }
            for (String view : new String[]{"dim_programme", "dim_campaign", "dim_channel", "dim_period",
                    "fact_revenue_journal", "fact_cost_daily"}) {
                s.executeQuery("SELECT * FROM reporting." + view + " LIMIT 1").close();
            }
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM attribution.credit LIMIT 1"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM reporting.fact_conversion"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theRevenueViewSumsToTheLedger() {
        assertThat(sql("SELECT (SELECT coalesce(sum(amount_minor), 0) FROM reporting.fact_attributed_revenue_daily"
                + " WHERE model = ?1) - (SELECT coalesce(sum(amount_minor), 0) FROM credit WHERE model = ?1)",
                "linear")).containsExactly((Object) java.math.BigDecimal.ZERO);
    }
}
