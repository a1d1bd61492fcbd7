package io.tally.attribution.directory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tally.events.TrackingCodes;

/**
 * The campaigns some tracking codes point at, read once for a batch of journeys ({@link CampaignRepository#directoryOf}):
 * a code resolves, for a touch at an instant, to the live campaign whose span of the code covers the instant; should
 * spans of several cover it (their events crossed), to the one assigned last.
 */
final class CodeDirectory {

    /** A span of a code: the campaign it points at for touches in [from, until), as assigned at {@code assignedAt}. */
    record Span(Instant from, Instant until, Instant assignedAt, long id, CampaignEntity campaign) {

        boolean covers(Instant at) {
            return (from == null || !from.isAfter(at)) && (until == null || until.isAfter(at));
        }
    }

    private static final Comparator<Span> LATEST = Comparator.comparing(Span::assignedAt,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(Span::id);

    private final Map<String, List<Span>> spans;

    /** @param spans every live campaign's spans of the codes, by normalised code */
    CodeDirectory(Map<String, List<Span>> spans) {
        this.spans = spans;
    }

    /** The live campaign {@code code} (any case) resolves to for a touch at {@code at}. */
    Optional<CampaignEntity> find(String code, Instant at) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return spans.getOrDefault(TrackingCodes.normalise(code), List.of()).stream()
                .filter(span -> span.covers(at))
                .max(LATEST)
                .map(Span::campaign);
    }
}
