package io.tally.campaign.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.campaign.codes.CodeSpan;

/** A code of a campaign as the API shows it: type and the span in which it points at the campaign. */
@Schema(name = "TrackingCode", description = "A tracking code of the campaign and when it points at it")
public record TrackingCodeView(
        @Schema(examples = "spring-sale-ig") String code,
        @Schema(examples = "utm_campaign") String type,
        @Schema(description = "Touches from this instant on (null: since ever)", examples = "2026-11-30T23:00:00Z") Instant validFrom,
        @Schema(description = "Touches before this instant (null: open-ended)") Instant validUntil) {

    public static TrackingCodeView of(CodeSpan span) {
        return new TrackingCodeView(span.code(), span.type(), span.validFrom(), span.validUntil());
    }
}
