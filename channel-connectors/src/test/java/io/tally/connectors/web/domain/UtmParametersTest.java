package io.tally.connectors.web.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UtmParametersTest {

    @Test
    void readsSourceMediumAndCampaign() {
        UtmParameters utm = UtmParameters.parse(
                "https://shop.example/p?utm_source=newsletter&utm_medium=email&utm_campaign=BF-2026&size=42");

        assertThat(utm).isEqualTo(new UtmParameters("newsletter", "email", "BF-2026", java.util.Set.of()));
    }

    @Test
    void decodesPercentEncodingAndPlusSigns() {
        UtmParameters utm = UtmParameters.parse(
                "https://shop.example/?utm_source=caf%C3%A9+news&utm_campaign=Black%20Friday%2026&utm_medium=e%2Dmail");

        assertThat(utm.source()).isEqualTo("café news");
        assertThat(utm.campaign()).isEqualTo("Black Friday 26");
        assertThat(utm.medium()).isEqualTo("e-mail");
    }

    @Test
    void trimsCampaignAndTreatsBlankValuesAsAbsent() {
        UtmParameters utm = UtmParameters
                .parse("https://shop.example/?utm_campaign=%20BF-2026%20&utm_source=+&utm_medium=");

        assertThat(utm.campaign()).isEqualTo("BF-2026");
        assertThat(utm.source()).isNull();
        assertThat(utm.medium()).isNull();
    }

    @Test
    void urlWithoutQueryHasNoParameters() {
        assertThat(UtmParameters.parse("https://shop.example/shoes")).isEqualTo(UtmParameters.NONE);
        assertThat(UtmParameters.parse("https://shop.example/shoes?")).isEqualTo(UtmParameters.NONE);
        assertThat(UtmParameters.parse(null)).isEqualTo(UtmParameters.NONE);
    }

    @Test
    void fragmentIsNotPartOfTheQuery() {
        UtmParameters utm = UtmParameters.parse("https://shop.example/?utm_source=google#utm_medium=cpc&gclid=abc");

        assertThat(utm.source()).isEqualTo("google");
        assertThat(utm.medium()).isNull();
        assertThat(utm.clickIds()).isEmpty();
    }

    @Test
    void questionMarkInsideTheFragmentStartsNoQuery() {
        assertThat(UtmParameters.parse("https://shop.example/#/shoes?utm_medium=email")).isEqualTo(UtmParameters.NONE);
    }

    @Test
    void findsClickIdsWithAValue() {
        UtmParameters utm = UtmParameters.parse("https://shop.example/?gclid=Cj0KCQ&fbclid=&msclkid=x1");

        assertThat(utm.clickIds()).containsExactlyInAnyOrder("gclid", "msclkid");
    }

    @Test
    void parameterNamesAreCaseInsensitiveAndTheFirstOccurrenceWins() {
        UtmParameters utm = UtmParameters.parse("https://shop.example/?UTM_Source=first&utm_source=second&GCLID=1");

        assertThat(utm.source()).isEqualTo("first");
        assertThat(utm.clickIds()).containsExactly("gclid");
    }

    @Test
    void malformedEscapeIsKeptAsSent() {
        assertThat(UtmParameters.parse("https://shop.example/?utm_campaign=100%off").campaign()).isEqualTo("100%off");
    }
}
