package io.tally.attribution.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tally.events.Channel;

class RuleBasedModelsTest {

    private static final Instant CONVERSION = Instant.parse("2026-11-20T12:00:00Z");
    private static final List<JourneyTouch> SOCIAL_EMAIL_SEARCH = List.of(
            new JourneyTouch(Instant.parse("2026-11-01T09:00:00Z"), Channel.PAID_SOCIAL),
            new JourneyTouch(Instant.parse("2026-11-10T09:00:00Z"), Channel.EMAIL),
            new JourneyTouch(Instant.parse("2026-11-19T09:00:00Z"), Channel.ORGANIC_SEARCH));

    private static long[] amounts(AttributionModel model, long revenue, List<JourneyTouch> journey) {
        return CreditSplitter.split(model, revenue, journey, CONVERSION).stream()
                .mapToLong(CreditSplitter.Share::amountMinor).toArray();
    }

    @Test
    void lastTouchGivesEverythingToTheLastTouch() {
        assertThat(amounts(new LastTouchModel(), 10_000, SOCIAL_EMAIL_SEARCH)).containsExactly(0, 0, 10_000);
    }

    @Test
    void firstTouchGivesEverythingToTheFirstTouch() {
        assertThat(amounts(new FirstTouchModel(), 10_000, SOCIAL_EMAIL_SEARCH)).containsExactly(10_000, 0, 0);
    }

    @Test
    void linearSplitsEquallyWithTheOddCentToTheFirstTouch() {
        assertThat(amounts(new LinearModel(), 10_000, SOCIAL_EMAIL_SEARCH)).containsExactly(3_334, 3_333, 3_333);
    }

    @Test
    void linearCreditsARepeatedChannelOncePerTouch() {
        List<JourneyTouch> socialSocialEmail = List.of(SOCIAL_EMAIL_SEARCH.get(0), SOCIAL_EMAIL_SEARCH.get(0),
                SOCIAL_EMAIL_SEARCH.get(1));
        assertThat(amounts(new LinearModel(), 300, socialSocialEmail)).containsExactly(100, 100, 100);
    }

    @Test
    void aSingleTouchEarnsEverythingUnderEveryModel() {
        List<JourneyTouch> one = List.of(SOCIAL_EMAIL_SEARCH.get(1));
        for (AttributionModel model : List.of(new FirstTouchModel(), new LastTouchModel(), new LinearModel())) {
            assertThat(amounts(model, 4_990, one)).as(model.name()).containsExactly(4_990);
        }
    }

    @Test
    void anEmptyJourneyIsOneUnattributedShareOfTheWholeConversion() {
        List<CreditSplitter.Share> shares = CreditSplitter.split(new LinearModel(), 4_990, List.of(), CONVERSION);
        assertThat(shares).containsExactly(new CreditSplitter.Share(-1, 4_990, CreditSplitter.CONVERSION_UNITS));
        assertThat(shares.get(0).unattributed()).isTrue();
    }

    @Test
    void conversionCreditIsSplitInMillionthsThatSumToOne() {
        List<CreditSplitter.Share> shares = CreditSplitter.split(new LinearModel(), 100, SOCIAL_EMAIL_SEARCH,
                CONVERSION);
        assertThat(shares).extracting(CreditSplitter.Share::conversionUnits).containsExactly(333_334L, 333_333L,
                333_333L);
    }
}
