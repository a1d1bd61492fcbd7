package io.tally.attribution.ledger;

import java.math.BigDecimal;
import java.util.List;

import io.tally.attribution.intake.ConversionEntity;
import io.tally.attribution.models.CreditSplitter;
import io.tally.events.Attribution;
import io.tally.events.Channel;
import io.tally.events.Money;

/** Turns the ledger rows of one posting (one conversion, one model) into the {@code Attribution} event. */
final class AttributionEvents {

    /** Conversion units per conversion are a power of ten (10^6): a count of units is a decimal of this scale. */
    private static final int UNITS_SCALE = BigDecimal.valueOf(CreditSplitter.CONVERSION_UNITS).precision() - 1;

    private AttributionEvents() {
    }

    /**
     * @param rows the rows just posted, all of one conversion and model and of one kind; never empty
     * @param causeEventId the event that caused an adjustment (ignored for an original)
     */
    static Attribution of(ConversionEntity conversion, List<CreditRow> rows, String causeEventId) {
        CreditRow first = rows.get(0);
        boolean original = "original".equals(first.entryKind());
        long total = rows.stream().mapToLong(CreditRow::amountMinor).sum();
        List<Attribution.Credit> credits = rows.stream().map(r -> new Attribution.Credit(r.touchpointEventId(),
                r.channel() == null ? null : Channel.fromWireName(r.channel()).orElse(Channel.OTHER), r.campaignId(),
                r.programmeId(), Money.ofMinor(r.amountMinor(), r.currency()),
                BigDecimal.valueOf(r.conversionUnits(), UNITS_SCALE).stripTrailingZeros()))
                .toList();
        // unique per conversion, model and cause, so a redelivered Attribution is recognisable downstream
        String eventId = original
                ? "attribution:original:" + conversion.eventId + ":" + first.model()
                : "attribution:adjustment:" + causeEventId + ":" + conversion.eventId + ":" + first.model();
        return new Attribution(eventId, conversion.eventId, conversion.orderId, conversion.occurredAt, first.model(),
                first.modelVersion(), original ? Attribution.Kind.ORIGINAL : Attribution.Kind.ADJUSTMENT,
                Money.ofMinor(total, conversion.currency), credits);
    }
}
