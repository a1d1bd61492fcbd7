package io.tally.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TouchKindTest {

    @Test
    void everyInteractionIsAKindOfTheSameName() {
        for (InteractionType interaction : InteractionType.values()) {
            if (interaction != InteractionType.PAGE_VIEW) {
                assertThat(TouchKind.of(interaction)).map(TouchKind::name).contains(interaction.name());
            }
        }
        // every interaction but page_view, plus coupon_redemption
        assertThat(TouchKind.values()).hasSize(InteractionType.values().length);
    }

    @Test
    void anInternalPageViewIsNoTouch() {
        assertThat(TouchKind.of(InteractionType.PAGE_VIEW)).isEmpty();
        assertThat(InteractionType.PAGE_VIEW.wireName()).isEqualTo("page_view");
    }

    @Test
    void wireNamesAndStates() {
        assertThat(TouchKind.COUPON_REDEMPTION.wireName()).isEqualTo("coupon_redemption");
        assertThat(TouchKind.fromWireName("Email_Open")).contains(TouchKind.EMAIL_OPEN);
        assertThat(TouchKind.fromWireName("page_view")).isEmpty();
        assertThat(TouchKind.EMAIL_OPEN.stateOf("email")).isEqualTo("email:open");
        assertThat(TouchKind.CLICK.stateOf("email")).isEqualTo("email:click");
        assertThat(Arrays.stream(TouchKind.values()).map(k -> k.stateOf("x")).distinct()).hasSize(7);
    }

    @Test
    void defaultsLeaveImpressionsOutAndWeighWeakSignalsLess() {
        assertThat(TouchKind.IMPRESSION.defaultWeight()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(TouchKind.CLICK.defaultWeight()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(TouchKind.EMAIL_OPEN.defaultWeight()).isEqualByComparingTo("0.5");
        assertThat(TouchKind.COUPON_REDEMPTION.defaultWeight()).isEqualByComparingTo("0.5");
    }
}
