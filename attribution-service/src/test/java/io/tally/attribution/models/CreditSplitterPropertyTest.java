package io.tally.attribution.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.tally.events.Channel;
import io.tally.events.TouchKind;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class CreditSplitterPropertyTest {

    private static final Instant CONVERSION = Instant.parse("2026-11-20T12:00:00Z");

    @Property(tries = 500)
    void creditsSumExactlyToRevenueForEveryModel(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long revenue,
            @ForAll("journeys") List<JourneyTouch> journey, @ForAll("models") AttributionModel model) {
        List<CreditSplitter.Share> shares = CreditSplitter.split(model, revenue, journey, CONVERSION);

        assertThat(shares.stream().mapToLong(CreditSplitter.Share::amountMinor).sum()).isEqualTo(revenue);
        assertThat(shares.stream().mapToLong(CreditSplitter.Share::conversionUnits).sum())
                .isEqualTo(CreditSplitter.CONVERSION_UNITS);
        assertThat(shares).allSatisfy(s -> assertThat(s.amountMinor()).isNotNegative());
    }

    @Property(tries = 300)
    void aRefundMirrorsTheSplitAndNetsToZero(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long revenue,
            @ForAll @IntRange(min = 1, max = 60) int touches) {
        List<java.math.BigDecimal> weights = new ArrayList<>();
        for (int i = 0; i < touches; i++) {
            weights.add(java.math.BigDecimal.valueOf(i % 7 + 1));
        }
        long[] credit = LargestRemainder.split(revenue, weights);
        long[] refund = LargestRemainder.split(-revenue, weights);

        for (int i = 0; i < touches; i++) {
            assertThat(credit[i] + refund[i]).isZero();
        }
        assertThat(Arrays.stream(credit).sum()).isEqualTo(revenue);
    }

    @Property(tries = 500)
    void withTouchWeightsCreditsStillSumExactlyToRevenue(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long revenue,
            @ForAll("weightedJourneys") List<JourneyTouch> journey, @ForAll("models") AttributionModel model) {
        List<CreditSplitter.Share> shares = CreditSplitter.split(model, revenue, journey, CONVERSION);

        assertThat(shares.stream().mapToLong(CreditSplitter.Share::amountMinor).sum()).isEqualTo(revenue);
        assertThat(shares.stream().mapToLong(CreditSplitter.Share::conversionUnits).sum())
                .isEqualTo(CreditSplitter.CONVERSION_UNITS);
        assertThat(shares).allSatisfy(s -> assertThat(s.amountMinor()).isNotNegative());
    }

    @Provide
    Arbitrary<List<JourneyTouch>> journeys() {
        Arbitrary<JourneyTouch> touch = Arbitraries.of(Channel.values())
                .flatMap(c -> Arbitraries.longs().between(0, 90L * 24 * 3600)
                        .map(seconds -> new JourneyTouch(CONVERSION.minusSeconds(seconds), c)));
        return touch.list().ofMinSize(0).ofMaxSize(200);
    }

    /** Touches of every kind with weights from 0.001 to 1000, some tiny beside others. */
    @Provide
    Arbitrary<List<JourneyTouch>> weightedJourneys() {
        Arbitrary<java.math.BigDecimal> weights = Arbitraries.bigDecimals().between(new java.math.BigDecimal("0.001"),
                new java.math.BigDecimal("1000")).ofScale(3);
        Arbitrary<JourneyTouch> touch = Combinators.combine(Arbitraries.of(Channel.values()),
                Arbitraries.of(TouchKind.values()), Arbitraries.longs().between(0, 90L * 24 * 3600), weights)
                .as((channel, kind, seconds, weight) -> new JourneyTouch(CONVERSION.minusSeconds(seconds), channel,
                        kind, weight));
        return touch.list().ofMinSize(0).ofMaxSize(200).map(list -> list.stream()
                .sorted(java.util.Comparator.comparing(JourneyTouch::occurredAt)).toList());
    }

    @Provide
    Arbitrary<AttributionModel> models() {
        ModelRegistry registry = ModelRegistry.standard();
        return Arbitraries.of(registry.names()).map(name -> registry.find(name).orElseThrow());
    }
}
