package io.tally.attribution.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * One ledger row: part of a conversion's revenue credited to a touch (or to nothing: unattributed) by a model. A plain
 * value, written with the rows of its batch in one {@code COPY} ({@link CreditRepository#insertAll}); rows are never
 * read back as objects, only summed by SQL.
 *
 * @param entryKind {@code original} or {@code adjustment}
 * @param period the accounting period (YYYY-MM) the row belongs to
 * @param reason why the row was posted: a {@link CreditReason} wire name
 */
public record CreditRow(
        String entryId,
        String entryKind,
        String conversionEventId,
        Instant conversionAt,
        String model,
        String modelVersion,
        String touchpointEventId,
        String channel,
        UUID campaignId,
        UUID programmeId,
        long amountMinor,
        String currency,
        long conversionUnits,
        String period,
        String reason) {

    /** Whether the row credits a touch (false: the conversion's unattributed share). */
    public boolean attributed() {
        return touchpointEventId != null;
    }
}
