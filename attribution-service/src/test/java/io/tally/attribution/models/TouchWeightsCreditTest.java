package io.tally.attribution.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.attribution.models.datadriven.TrainedModel;
import io.tally.events.Channel;
import io.tally.events.TouchKind;

/** Touch weights in the split, each case computed by hand in its comment (100.00 = 10000 minor units). */
class TouchWeightsCreditTest {

    private static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");
    private static final ModelRegistry MODELS = ModelRegistry.standard();

    private static JourneyTouch touch(Duration before, Channel channel, TouchKind kind, String weight) {
        return new JourneyTouch(AT.minus(before), channel, kind, new BigDecimal(weight));
    }

    private static long[] amounts(String model, List<JourneyTouch> journey) {
        return CreditSplitter.split(MODELS.find(model).orElseThrow(), 10_000, journey, AT).stream()
                .mapToLong(CreditSplitter.Share::amountMinor).toArray();
    }

    @Test
    void linearCreditsInProportionToTheWeights() {
        // weights 1, 0.5, 0.5 of a sum of 2: 50.00, 25.00, 25.00
        List<JourneyTouch> journey = List.of(touch(Duration.ofDays(3), Channel.DIRECT_MAIL, TouchKind.OFFLINE_CONTACT,
                "1"), touch(Duration.ofDays(2), Channel.EMAIL, TouchKind.EMAIL_OPEN, "0.5"),
                touch(Duration.ofDays(1), Channel.ORGANIC_SOCIAL, TouchKind.ENGAGEMENT, "0.5"));
        assertThat(amounts("linear", journey)).containsExactly(5000, 2500, 2500);
    }

    @Test
    void timeDecayMultipliesTheDecayByTheWeight() {
        // half-life 7 days: a click 7 days before weighs 0.5 × 1, an open at the purchase 1 × 0.5: 50.00 each
        List<JourneyTouch> journey = List.of(touch(Duration.ofDays(7), Channel.PAID_SEARCH, TouchKind.CLICK, "1"),
                touch(Duration.ZERO, Channel.EMAIL, TouchKind.EMAIL_OPEN, "0.5"));
        assertThat(amounts("time_decay", journey)).containsExactly(5000, 5000);
    }

    @Test
    void aPositionsShareIsScaledByItsTouchsWeight() {
        // 0.4/0.2/0.4 × weights 0.5, 1, 1 = 0.2, 0.2, 0.4 of a sum of 0.8: 25.00, 25.00, 50.00
        List<JourneyTouch> journey = List.of(touch(Duration.ofDays(5), Channel.EMAIL, TouchKind.EMAIL_OPEN, "0.5"),
                touch(Duration.ofDays(4), Channel.PHONE, TouchKind.OFFLINE_CONTACT, "1"),
                touch(Duration.ofDays(1), Channel.PAID_SEARCH, TouchKind.CLICK, "1"));
        assertThat(amounts("position_based", journey)).containsExactly(2500, 2500, 5000);
    }

    @Test
    void singleTouchModelsStillGiveEverythingToTheirTouch() {
        List<JourneyTouch> journey = List.of(touch(Duration.ofDays(5), Channel.EMAIL, TouchKind.EMAIL_OPEN, "0.5"),
                touch(Duration.ofDays(1), Channel.RETAIL, TouchKind.COUPON_REDEMPTION, "0.25"));
        assertThat(amounts("last_touch", journey)).containsExactly(0, 10000);
        assertThat(amounts("first_touch", journey)).containsExactly(10000, 0);
    }

    @Test
    void dataDrivenModelsWeighStatesAndIgnoreTouchWeights() {
        // learnt: email:open 1, email:click 3; touch weights 0.5 and 1 are not applied again: 25.00, 75.00
        TrainedModel markov = new TrainedModel("markov", "markov@test", Map.of("email:open", BigDecimal.ONE,
                "email:click", new BigDecimal("3")));
        List<JourneyTouch> journey = List.of(touch(Duration.ofDays(2), Channel.EMAIL, TouchKind.EMAIL_OPEN, "0.5"),
                touch(Duration.ofDays(1), Channel.EMAIL, TouchKind.CLICK, "1"));
        assertThat(CreditSplitter.split(markov, 10_000, journey, AT).stream()
                .mapToLong(CreditSplitter.Share::amountMinor)).containsExactly(2500L, 7500L);
    }

    @Test
    void aVersionTrainedOnChannelsAloneStillWeighsByChannel() {
        // a state it does not know falls back to the channel: email 1, paid_search 1: 50.00 each
        TrainedModel old = new TrainedModel("markov", "markov@old", Map.of("email", BigDecimal.ONE, "paid_search",
                BigDecimal.ONE));
        List<JourneyTouch> journey = List.of(touch(Duration.ofDays(2), Channel.EMAIL, TouchKind.EMAIL_OPEN, "0.5"),
                touch(Duration.ofDays(1), Channel.PAID_SEARCH, TouchKind.CLICK, "1"));
        assertThat(CreditSplitter.split(old, 10_000, journey, AT).stream()
                .mapToLong(CreditSplitter.Share::amountMinor)).containsExactly(5000L, 5000L);
    }

    @Test
    void aTouchOfWeightZeroNeverReachesAModel() {
        assertThatThrownBy(() -> touch(Duration.ZERO, Channel.DISPLAY, TouchKind.IMPRESSION, "0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
