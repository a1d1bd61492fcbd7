package io.tally.campaign.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgrammeRulesTest {

    @Test
    void isoCurrenciesWithMinorUnitsAreAccepted() {
        assertThat(ProgrammeRules.currencyProblem("EUR")).isEmpty();
        assertThat(ProgrammeRules.currencyProblem("JPY")).isEmpty();
        assertThat(ProgrammeRules.currencyProblem("KWD")).isEmpty();
    }

    @Test
    void unknownLowerCaseAndUnitlessCurrenciesAreRejected() {
        assertThat(ProgrammeRules.currencyProblem("EURO")).isPresent();
        assertThat(ProgrammeRules.currencyProblem("eur")).isPresent();
        assertThat(ProgrammeRules.currencyProblem("ABC")).isPresent();
        assertThat(ProgrammeRules.currencyProblem("XAU")).isPresent();
        assertThat(ProgrammeRules.currencyProblem(null)).isPresent();
    }

    @Test
    void zoneIdsAreAcceptedAndNonsenseIsRejected() {
        assertThat(ProgrammeRules.timeZoneProblem("Europe/Berlin")).isEmpty();
        assertThat(ProgrammeRules.timeZoneProblem("UTC")).isEmpty();
        assertThat(ProgrammeRules.timeZoneProblem("Mars/Olympus_Mons")).isPresent();
        assertThat(ProgrammeRules.timeZoneProblem("")).isPresent();
        assertThat(ProgrammeRules.timeZoneProblem(null)).isPresent();
    }

    @Test
    void lookbackDefaultsTo30Days() {
        assertThat(ProgrammeRules.lookbackOrDefault(null)).isEqualTo(30);
        assertThat(ProgrammeRules.lookbackOrDefault(7)).isEqualTo(7);
    }

    @Test
    void unknownChannelNamesTheAllowedOnes() {
        assertThat(ProgrammeRules.channelProblem("paid_social")).isEmpty();
        assertThat(ProgrammeRules.channelProblem("tiktok"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("paid_search").contains("offline")
                        .contains("other"));
    }
}
