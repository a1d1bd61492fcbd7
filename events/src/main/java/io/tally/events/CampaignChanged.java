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
 *        offline codes), each with its type and the span of time in which it does; matched case-insensitively, stored
 *        lower-case ({@link TrackingCodes#normalise}, in every service). One code may appear more than once (several spans) and may belong to other campaigns in other
 *        spans: a code re-pointed from a date on ends its span in the old campaign where its span in the new one
 *        begins. Should two campaigns' spans of one code overlap (their events crossed), the span published at the
 *        later {@code changedAt} wins.
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
        List<TrackingCode> trackingCodes,
        boolean deleted) implements Event {

    /**
     * The programme a campaign belongs to, as attribution needs it.
     *
     * @param officialModel the attribution model the programme's finance reports use (null from publishers that
     *        predate it: reports then fall back to their default)
     * @param modelSettings how attribution credits the programme's conversions where it departs from the deployment
     *        (touch weights, position shares, half-life, Markov order); null from publishers that predate it, read as
     *        {@link ModelSettings#NONE}
     */
    public record ProgrammeRef(UUID id, String name, String reportingCurrency, String timeZone, int lookbackDays,
            String officialModel, ModelSettings modelSettings) {

        public ProgrammeRef {
            modelSettings = modelSettings == null ? ModelSettings.NONE : modelSettings;
        }

        /** A programme with the deployment's model settings. */
        public ProgrammeRef(UUID id, String name, String reportingCurrency, String timeZone, int lookbackDays,
                String officialModel) {
            this(id, name, reportingCurrency, timeZone, lookbackDays, officialModel, ModelSettings.NONE);
        }
    }

    /**
     * A tracking code of the campaign for touches at or after {@code validFrom} (null: since ever) and before
     * {@code validUntil} (null: open).
     *
     * @param type one of {@link #TYPES}
     */
    public record TrackingCode(String code, String type, Instant validFrom, Instant validUntil) {

        /** The kinds of tracking code. */
        public static final List<String> TYPES = List.of("utm_campaign", "email_campaign", "ad_campaign", "coupon",
                "offline", "other");

        /** An open-ended code valid since ever, of type {@code other}. */
        public static TrackingCode of(String code) {
            return new TrackingCode(code, "other", null, null);
        }

        /** True when a touch at {@code at} falls in this span. */
        public boolean covers(Instant at) {
            return (validFrom == null || !at.isBefore(validFrom)) && (validUntil == null || at.isBefore(validUntil));
        }
    }

    /** The stable event id of a campaign's {@code version}. */
    public static String eventIdOf(UUID campaignId, long version) {
        return "campaign:" + campaignId + ":v" + version;
    }

    @Override
    public void validate(Violations v) {
        v.requiredText("eventId", eventId, 200);
        v.required("campaignId", campaignId);
        v.instant("changedAt", changedAt);
        v.requiredText("name", name, 500);
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
                v.nested("modelSettings", p.modelSettings(), s -> s.validate(v));
            });
        }
        if (trackingCodes == null) {
            v.add("trackingCodes", "is required (may be empty)");
        } else {
            for (int i = 0; i < trackingCodes.size(); i++) {
                if (v.required("trackingCodes[" + i + "]", trackingCodes.get(i))) {
                    v.nested("trackingCodes[" + i + "]", trackingCodes.get(i), code -> {
                        v.requiredText("code", code.code(), 200);
                        if (!TrackingCode.TYPES.contains(code.type())) {
                            v.add("type", "must be one of " + String.join(", ", TrackingCode.TYPES));
                        }
                        if (code.validFrom() != null && code.validUntil() != null
                                && !code.validFrom().isBefore(code.validUntil())) {
                            v.add("validUntil", "must be after validFrom");
                        }
                    });
                }
            }
        }
    }
}
