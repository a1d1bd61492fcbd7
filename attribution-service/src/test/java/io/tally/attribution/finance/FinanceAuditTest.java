package io.tally.attribution.finance;

import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.devstack.Authorized.asApiKey;
import static io.tally.devstack.Authorized.asUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.devstack.DevstackResource;
import io.tally.support.security.Role;

/** Finance actions name their caller from the token, in the answer and in the audit rows. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class FinanceAuditTest {

    /** A past month no other test touches (other finance tests use 2019 on). */
    private static YearMonth someMonth() {
        return YearMonth.of(2000, 1).plusMonths(ThreadLocalRandom.current().nextInt(200));
    }

    @Test
    void closeAndReopenRecordTheUsersOfTheirTokens() {
        String period = someMonth().toString();
        asUser("fiona.finance", Role.FINANCE).contentType(ContentType.JSON).body("{\"reason\":\"books closed\"}")
                .when().post("/api/v1/finance/periods/{p}/close", period)
                .then().statusCode(200).body("changedBy", equalTo("fiona.finance"));
        asUser("ada.admin", Role.ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"late credit note\"}")
                .when().post("/api/v1/finance/periods/{p}/reopen", period)
                .then().statusCode(200).body("changedBy", equalTo("ada.admin"));

        assertThat(sql("SELECT action || ':' || actor FROM accounting_period_audit WHERE period = ?1 ORDER BY id",
                period)).containsSubsequence("close:fiona.finance", "reopen:ada.admin");
        assertThat(sql("SELECT changed_by FROM accounting_period WHERE period = ?1", period))
                .containsExactly("ada.admin");
    }

    @Test
    void fxRatesLoadedWithAnApiKeyNameTheKey() {
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        asApiKey("Treasury rates feed", Role.FINANCE).contentType(ContentType.JSON)
                .body("{\"rates\":[{\"date\":\"" + day
                        + "\",\"currency\":\"CHF\",\"quote\":\"SEK\",\"rate\":\"11.5\"}]}")
                .when().put("/api/v1/finance/fx-rates").then().statusCode(200);
        assertThat(sql("SELECT loaded_by FROM fx_rate WHERE currency = 'CHF' AND quote = 'SEK' AND day = ?1", day))
                .containsExactly("api-key:Treasury rates feed");
    }

    @Test
    void fxRatesLoadedByAUserNameTheUser() {
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
        asUser("fiona.finance", Role.FINANCE).contentType(ContentType.JSON)
                .body("{\"rates\":[{\"date\":\"" + day
                        + "\",\"currency\":\"NOK\",\"quote\":\"DKK\",\"rate\":\"0.65\"}]}")
                .when().put("/api/v1/finance/fx-rates").then().statusCode(200);
        assertThat(sql("SELECT loaded_by FROM fx_rate WHERE currency = 'NOK' AND quote = 'DKK' AND day = ?1", day))
                .containsExactly("fiona.finance");
    }
}
