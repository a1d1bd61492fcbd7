package io.tally.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class CostTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final UUID PROGRAMME = UUID.fromString("7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f");

    private static Violations validated(Cost cost) {
        Violations v = new Violations();
        cost.validate(v);
        return v;
    }

    @Test
    void aProgrammeLevelCostNeedsNoChannelNorCode() {
        Cost agency = new Cost("cost:generic:inv-7", "generic:finance:inv-7", DAY, null, null, PROGRAMME, "agency",
                "finance", Money.of("1200.00", "EUR"), null, null, null, null);
        assertThat(validated(agency).list()).isEmpty();
        assertThat(agency.key()).isEqualTo(PROGRAMME.toString());
        assertThat(agency.line()).isEqualTo("generic:finance:inv-7");
    }

    @Test
    void aCostOfNeitherACampaignNorAProgrammeIsRefused() {
        Cost orphan = new Cost("cost:x", null, DAY, Channel.EMAIL, null, null, null, "finance",
                Money.of("10.00", "EUR"), null, null, null, null);
        assertThat(validated(orphan).list()).extracting(Violation::field).containsExactly("campaignCode");
    }

    @Test
    void anAdPlatformCostKeysByItsCodeAndIsItsOwnLineWithoutALineId() {
        Cost ad = new Cost("cost:meta:123:2026-11-20:abc", DAY, Channel.PAID_SOCIAL, "123", "meta",
                Money.of("50.00", "EUR"), 1000L, 20L, null, null);
        assertThat(validated(ad).list()).isEmpty();
        assertThat(ad.key()).isEqualTo("123");
        assertThat(ad.line()).isEqualTo("cost:meta:123:2026-11-20:abc");
    }

    @Test
    void aBlankCampaignCodeIsNoCodeSoTheNamedProgrammeOwnsTheCost() {
        Cost padded = new Cost("cost:y", null, DAY, null, " \t", PROGRAMME, "tools", "finance",
                Money.of("5.00", "EUR"), null, null, null, null);
        assertThat(padded.campaignCode()).isNull();
        assertThat(padded.key()).isEqualTo(PROGRAMME.toString());
        assertThat(validated(padded).list()).isEmpty();
        Cost orphan = new Cost("cost:z", DAY, Channel.EMAIL, "  ", "finance", Money.of("5.00", "EUR"), null, null,
                null, null);
        assertThat(validated(orphan).list()).extracting(Violation::field).containsExactly("campaignCode");
    }
}
