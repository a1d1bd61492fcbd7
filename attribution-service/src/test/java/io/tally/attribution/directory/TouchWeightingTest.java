package io.tally.attribution.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.events.TouchKind;

class TouchWeightingTest {

    @Test
    void configuredWeightsOverrideTheDefaultsByWireNameInAnyCase() {
        Map<TouchKind, BigDecimal> weights = TouchWeighting.parse(Map.of("Impression", new BigDecimal("0.1"),
                "coupon_redemption", BigDecimal.ZERO));
        assertThat(weights.get(TouchKind.IMPRESSION)).isEqualByComparingTo("0.1");
        assertThat(weights.get(TouchKind.COUPON_REDEMPTION)).isEqualByComparingTo("0");
        assertThat(weights.get(TouchKind.EMAIL_OPEN)).isEqualByComparingTo("0.5");
        assertThat(weights).hasSize(TouchKind.values().length);
    }

    @Test
    void anUnknownKindOrANegativeWeightStopsTheService() {
        assertThatThrownBy(() -> TouchWeighting.parse(Map.of("page_view", BigDecimal.ONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("touch-weights.page_view");
        assertThatThrownBy(() -> TouchWeighting.parse(Map.of("click", new BigDecimal("-1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }
}
