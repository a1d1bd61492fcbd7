package io.tally.attribution.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.attribution.intake.IntakeService;
import io.tally.attribution.ledger.ModelCatalogue;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Identifiers;
import io.tally.events.InteractionType;
import io.tally.events.Money;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;

/**
 * Finance reports reconcile whatever happens (seeded, so a failure reproduces): a month of conversions in three
 * currencies, touches that arrive before or after their conversions, partial and full refunds, cancellations, random
 * FX rates. Under every rule-based model, each currency's report, and the report converted into EUR, has attributed +
 * unassigned + unattributed = net to the cent.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class FinanceReconciliationPropertyTest {

    private static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY");
    private static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.PAID_SOCIAL, Channel.DISPLAY);
    private static final AtomicInteger MONTHS = new AtomicInteger();

    @Inject
    IntakeService intake;
    @Inject
    RevenueReportService finance;
    @Inject
    FxRateService fxRates;
    @Inject
    ModelCatalogue catalogue;

    @RepeatedTest(6)
    void everyReportReconcilesToTheCent(RepetitionInfo repetition) {
        Random random = new Random(9000L + repetition.getCurrentRepetition());
        YearMonth month = YearMonth.of(2018, 1).plusMonths(MONTHS.getAndIncrement());
        List<Runnable> events = new ArrayList<>();
        List<Runnable> later = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            Identifiers who = Identifiers.anonymous("fin-" + UUID.randomUUID());
            LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
            Instant at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
            for (int t = random.nextInt(4); t > 0; t--) {
                Touchpoint touch = new Touchpoint("tp-" + UUID.randomUUID(), at.minusSeconds(600L * (1 + random
                        .nextInt(6))), CHANNELS.get(random.nextInt(CHANNELS.size())), InteractionType.VISIT, "test",
                        null, null, who, "https://shop.example/", null, Trust.VERIFIED);
                (random.nextBoolean() ? events : later).add(() -> intake.recordTouchpoint(touch));
            }
            String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
            long minor = 1 + random.nextInt(50_000);
            String order = "fin-order-" + UUID.randomUUID();
            Money revenue = Money.ofMinor(minor, currency);
            Conversion conversion = new Conversion("order:" + order, order, at, revenue, who, null, "web",
                    Trust.VERIFIED);
            events.add(() -> intake.recordConversion(conversion));
            int fate = random.nextInt(4);
            if (fate == 1) {
                Money part = Money.ofMinor(1 + random.nextInt((int) minor), currency);
                later.add(() -> intake.recordAdjustment(new ConversionAdjustment("refund-" + UUID.randomUUID(),
                        order, at, ConversionAdjustment.Kind.REFUND, part, "test", Trust.VERIFIED)));
            } else if (fate == 2) {
                later.add(() -> intake.recordAdjustment(new ConversionAdjustment("cancel-" + UUID.randomUUID(),
                        order, at, ConversionAdjustment.Kind.CANCELLATION, revenue, "test", Trust.VERIFIED)));
            }
        }
        Collections.shuffle(events, random);
        Collections.shuffle(later, random);
        events.forEach(Runnable::run);
        later.forEach(Runnable::run);
        List<FxRates.Rate> rates = new ArrayList<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            rates.add(new FxRates.Rate(d, "USD", "EUR", BigDecimal.valueOf(500_000 + random.nextInt(1_000_000), 6)));
            rates.add(new FxRates.Rate(d, "JPY", "EUR", BigDecimal.valueOf(4_000 + random.nextInt(4_000), 6)));
        }
        fxRates.putRates(rates);

        for (String model : catalogue.enabledModels()) {
            for (String currency : new String[]{null, "EUR"}) {
                FinanceReport report = finance.revenue(month.toString(), model, null, currency);
                assertThat(report.currencies()).isNotEmpty();
                for (FinanceReport.Section section : report.currencies()) {
                    assertThat(section.reconciliation().reconciled())
                            .as("%s %s in %s: %s", month, model, currency == null ? section.currency() : currency,
                                    section.reconciliation().statement())
                            .isTrue();
                    assertThat(section.net()).isEqualByComparingTo(section.booked().add(section.refunds())
                            .add(section.cancellations()));
                }
            }
        }
    }
}
