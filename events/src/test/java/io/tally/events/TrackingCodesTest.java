package io.tally.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one normalisation of tracking codes, which campaign-service stores and attribution-service matches by. */
class TrackingCodesTest {

    @Test
    void codesAreLowerCasedWithoutSurroundingWhitespace() {
        assertThat(TrackingCodes.normalise("  Spring-Sale_IG ")).isEqualTo("spring-sale_ig");
        assertThat(TrackingCodes.normalise("BF-2026")).isEqualTo("bf-2026");
        assertThat(TrackingCodes.normalise(null)).isNull();
    }

    /** {@code trim()} would keep these (it removes only characters up to U+0020); the services once differed here. */
    @Test
    void unicodeWhitespaceAroundACodeIsRemovedToo() {
        assertThat(TrackingCodes.normalise("\u3000Spring\u2003")).isEqualTo("spring");
        assertThat(TrackingCodes.normalise("\u2028spring\u205f")).isEqualTo("spring");
    }

    @Test
    void caseFoldingIgnoresTheDefaultLocale() {
        assertThat(TrackingCodes.normalise("INSTAGRAM-TITLE")).isEqualTo("instagram-title");
        assertThat(TrackingCodes.normalise("ÉTÉ-Promo")).isEqualTo("été-promo");
    }

    @Test
    void whitespaceInsideACodeIsKept() {
        assertThat(TrackingCodes.normalise(" spring sale ")).isEqualTo("spring sale");
    }
}
