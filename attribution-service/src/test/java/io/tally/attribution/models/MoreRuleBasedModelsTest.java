package io.tally.attribution.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.events.Channel;

/** Hand-checked cases for last non-direct, time decay, the position models and custom weights. */
class MoreRuleBasedModelsTest {

    private static final Instant CONVERSION = Instant.parse("2026-11-20T12:00:00Z");

    private static JourneyTouch touch(Channel channel, long daysBefore) {
        return new JourneyTouch(CONVERSION.minus(Duration.ofDays(daysBefore)), channel);
    }

    private static long[] split(AttributionModel model, long revenue, List<JourneyTouch> journey) {
        return CreditSplitter.split(model, revenue, journey, CONVERSION).stream()
                .mapToLong(CreditSplitter.Share::amountMinor).toArray();
    }

    @Test
    void lastNonDirectSkipsDirectTouchesAtTheEnd() {
        List<JourneyTouch> journey = List.of(touch(Channel.EMAIL, 5), touch(Channel.PAID_SEARCH, 3),
                touch(Channel.DIRECT, 1), touch(Channel.DIRECT, 0));
        assertThat(split(new LastNonDirectModel(), 1000, journey)).containsExactly(0, 1000, 0, 0);
    }

    @Test
    void lastNonDirectLetsDirectWinWhenNothingElseIsInTheWindow() {
        assertThat(split(new LastNonDirectModel(), 1000, List.of(touch(Channel.DIRECT, 3), touch(Channel.DIRECT, 1))))
                .containsExactly(0, 1000);
    }

    @Test
    void timeDecayHalvesTheWeightPerHalfLife() {
        // touches 14, 7 and 0 days out with H = 7 days: weights 1/4, 1/2, 1 → 10000 × (1, 2, 4)/7
        // = 1428.57, 2857.14, 5714.28 → floors 1428, 2857, 5714 (9999); the cent goes to .57 → 1429
        List<JourneyTouch> journey = List.of(touch(Channel.DISPLAY, 14), touch(Channel.EMAIL, 7),
                touch(Channel.PAID_SEARCH, 0));
        assertThat(split(new TimeDecayModel(Duration.ofDays(7)), 10_000, journey)).containsExactly(1429, 2857, 5714);
    }

    @Test
    void timeDecayTreatsTiesInTimeAlike() {
        List<JourneyTouch> journey = List.of(touch(Channel.EMAIL, 2), touch(Channel.PAID_SOCIAL, 2));
        assertThat(split(new TimeDecayModel(Duration.ofDays(7)), 1000, journey)).containsExactly(500, 500);
    }

    @Test
    void timeDecayRefusesANonPositiveHalfLife() {
        assertThatThrownBy(() -> new TimeDecayModel(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void positionBasedGives40To20To40() {
        List<JourneyTouch> five = List.of(touch(Channel.PAID_SOCIAL, 9), touch(Channel.EMAIL, 7),
                touch(Channel.EMAIL, 5), touch(Channel.DISPLAY, 3), touch(Channel.PAID_SEARCH, 1));
        // first 40%, last 40%, the three between share 20%: 6.67% each
        assertThat(split(PositionBasedModel.standard("position_based"), 30_000, five))
                .containsExactly(12_000, 2_000, 2_000, 2_000, 12_000);
    }

    @Test
    void positionBasedGivesOneTouchEverythingAndTwoTouchesHalfEach() {
        AttributionModel model = PositionBasedModel.standard("position_based");
        assertThat(split(model, 999, List.of(touch(Channel.EMAIL, 1)))).containsExactly(999);
        assertThat(split(model, 1000, List.of(touch(Channel.EMAIL, 2), touch(Channel.DIRECT, 1))))
                .containsExactly(500, 500);
    }

    @Test
    void jCurveFavoursTheLastTouchAndInverseJTheFirst() {
        List<JourneyTouch> three = List.of(touch(Channel.PAID_SOCIAL, 3), touch(Channel.EMAIL, 2),
                touch(Channel.PAID_SEARCH, 1));
        assertThat(split(PositionBasedModel.standard("j_curve"), 1000, three)).containsExactly(200, 200, 600);
        assertThat(split(PositionBasedModel.standard("inverse_j"), 1000, three)).containsExactly(600, 200, 200);
        // two touches: first and last in proportion, 20:60 → 25/75
        assertThat(split(PositionBasedModel.standard("j_curve"), 1000, three.subList(0, 2)))
                .containsExactly(250, 750);
    }

    @Test
    void customMultipliesPositionSharesByChannelFactors() {
        CustomModel custom = new CustomModel(new BigDecimal("1"), new BigDecimal("1"), new BigDecimal("1"),
                Map.of(Channel.EMAIL, new BigDecimal("2"), Channel.DIRECT, BigDecimal.ZERO));
        List<JourneyTouch> journey = List.of(touch(Channel.PAID_SOCIAL, 3), touch(Channel.EMAIL, 2),
                touch(Channel.DIRECT, 1));
        // first 1×1, middle 1×2, last 1×0 → 1:2:0
        assertThat(split(custom, 3000, journey)).containsExactly(1000, 2000, 0);
        assertThat(custom.version()).contains("direct=0", "email=2");
    }

    @Test
    void customFallsBackToEqualSharesWhenEveryTouchIsExcluded() {
        CustomModel custom = new CustomModel(new BigDecimal("0.4"), new BigDecimal("0.2"), new BigDecimal("0.4"),
                Map.of(Channel.DIRECT, BigDecimal.ZERO));
        assertThat(split(custom, 1000, List.of(touch(Channel.DIRECT, 2), touch(Channel.DIRECT, 1))))
                .containsExactly(500, 500);
    }

    @Test
    void theRegistryKnowsEveryRuleBasedModel() {
        assertThat(ModelRegistry.standard().names()).containsExactly("first_touch", "last_touch", "last_non_direct",
                "linear", "time_decay", "position_based", "j_curve", "inverse_j", "custom");
    }
}
