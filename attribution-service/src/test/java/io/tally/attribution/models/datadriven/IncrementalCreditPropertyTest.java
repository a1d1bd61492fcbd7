package io.tally.attribution.models.datadriven;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.tally.attribution.models.CreditSplitter;
import io.tally.attribution.models.JourneyTouch;
import io.tally.events.Channel;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The incremental model on arbitrary journeys, calibrated or not: its weights are never negative, a conversion's
 * revenue split by them sums exactly to the revenue (every minor unit, every conversion unit), and a calibration
 * never leaves the channel's implied share further from the measured one than the data alone had it.
 */
class IncrementalCreditPropertyTest {

    private static final Instant CONVERSION = Instant.parse("2026-11-20T12:00:00Z");
    private static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.PAID_SEARCH, Channel.PAID_SOCIAL,
            Channel.DIRECT, Channel.DIRECT_MAIL, Channel.ORGANIC_SOCIAL);

    @Property(tries = 100)
    void creditsSumExactlyToTheRevenueCalibratedOrNot(@ForAll long seed,
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long revenue) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Channel> channels = CHANNELS.subList(0, 2 + random.nextInt(CHANNELS.size() - 1));
        Map<List<String>, PathStat> rows = new LinkedHashMap<>();
        int paths = 4 + random.nextInt(16);
        for (int p = 0; p < paths; p++) {
            List<String> path = new ArrayList<>();
            for (int t = 1 + random.nextInt(4); t > 0; t--) {
                path.add(channels.get(random.nextInt(channels.size())).wireName());
            }
            rows.putIfAbsent(path, PathStat.of(path, random.nextInt(8), random.nextInt(30)));
        }
        List<String> first = List.of(channels.get(0).wireName());
        rows.put(first, PathStat.of(first, 1 + random.nextInt(5), random.nextInt(20))); // one converting path at least
        rows.put(List.of(), PathStat.of(List.of(), random.nextInt(10), 1 + random.nextInt(100)));

        List<IncrementalModel.Calibration> calibrations = random.nextBoolean()
                ? List.of(IncrementalModel.Calibration.ofLift(channels.get(random.nextInt(channels.size()))
                        .wireName(), -0.5 + 3.5 * random.nextDouble()))
                : List.of();
        IncrementalResult fit = new IncrementalModel().fit(List.copyOf(rows.values()), calibrations);

        assertThat(fit.weights().values()).allSatisfy(w -> assertThat(w.signum()).isNotNegative());
        TrainedModel model = new TrainedModel(IncrementalModel.NAME, "v", fit.weights());
        for (int j = 0; j < 5; j++) {
            List<JourneyTouch> journey = new ArrayList<>();
            for (int t = 1 + random.nextInt(12); t > 0; t--) {
                journey.add(new JourneyTouch(CONVERSION.minusSeconds(random.nextLong(30L * 86_400)),
                        channels.get(random.nextInt(channels.size()))));
            }
            List<CreditSplitter.Share> shares = CreditSplitter.split(model, revenue, journey, CONVERSION);
            assertThat(shares.stream().mapToLong(CreditSplitter.Share::amountMinor).sum()).isEqualTo(revenue);
            assertThat(shares.stream().mapToLong(CreditSplitter.Share::conversionUnits).sum())
                    .isEqualTo(CreditSplitter.CONVERSION_UNITS);
            assertThat(shares).allSatisfy(s -> assertThat(s.amountMinor()).isNotNegative());
        }
        for (IncrementalResult.Applied applied : fit.calibrations()) {
            assertThat(Math.abs(applied.calibratedShare() - applied.measuredShare()))
                    .as("calibrated %s against measured %s", applied.calibratedShare(), applied.measuredShare())
                    .isLessThanOrEqualTo(Math.abs(applied.uncalibratedShare() - applied.measuredShare()) + 1e-9);
        }
        assertThat(fit.weights().keySet()).allSatisfy(state -> assertThat(channels.stream()
                .map(Channel::wireName)).contains(state));
        assertThat(fit.credit().values().stream().mapToDouble(Double::doubleValue).sum())
                .isGreaterThanOrEqualTo(-1e-9);
    }
}
