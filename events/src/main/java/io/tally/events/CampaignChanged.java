package io.tally.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tally.events.validation.Violations;

/**
 * The full current state of one campaign and its programme, published on every change. {@link Topics#CAMPAIGNS} is
 * compacted and keyed by campaign id, so the latest state of every campaign can always be rebuilt from it. A consumer keeps
 * the highest {@code version} it has seen and ignores older ones.
 *
 * @param trackingCodes the codes that resolve to this campaign (utm_campaign values, email and ad campaign ids, coupon and
 *        offline codes); matched case-insensitively, stored lower-case
 * @param deleted true when the campaign was removed; its codes no longer resolve
 */
public record CampaignChanged(
        String eventId,
        UUID campaignId,
        long version,
        Instant changedAt,
        ProgrammeRef programme,
        String name,
        Channel channel,
        List<String> trackingCodes,
        boolean deleted) implements Event {

    /** The programme a campaign belongs to, as attribution needs it. */
    public record ProgrammeRef(UUID id, String name, String reportingCurrency, String timeZone, int lookbackDays) {
    }

    /** The stable event id of a campaign's {@code version}. */
    public static String eventIdOf(UUID campaignId, long version) {
        return "campaign:" + campaignId + ":v" + version;
    }

    @Override
    public void validate(Violations v) {
        v.required("eventId", eventId);
        v.required("campaignId", campaignId);
        v.required("changedAt", changedAt);
        v.required("name", name);
        if (version < 1) {
            v.add("version", "must be 1 or more");
        }
        if (v.required("programme", programme)) {
            v.nested("programme", programme, p -> {
                v.required("id", p.id());
                v.required("name", p.name());
                v.currency("reportingCurrency", p.reportingCurrency());
                v.required("timeZone", p.timeZone());
                if (p.lookbackDays() < 1 || p.lookbackDays() > 90) {
                    v.add("lookbackDays", "must be between 1 and 90");
                }
            });
        }
        if (trackingCodes == null) {
            v.add("trackingCodes", "is required (may be empty)");
        }
    }
}
