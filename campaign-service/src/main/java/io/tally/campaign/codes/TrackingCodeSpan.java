package io.tally.campaign.codes;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One row of {@code tracking_code}: a code of the owning campaign, its type and validity span. */
@Embeddable
public class TrackingCodeSpan {

    @Column(name = "code", nullable = false, length = 200)
    private String code;

    @Column(name = "type", nullable = false, length = 32)
    private String type;

    @Column(name = "valid_from")
    private Instant validFrom;

    @Column(name = "valid_until")
    private Instant validUntil;

    protected TrackingCodeSpan() {
    }

    public static TrackingCodeSpan of(CodeSpan span) {
        TrackingCodeSpan row = new TrackingCodeSpan();
        row.code = span.code();
        row.type = span.type();
        row.validFrom = span.validFrom();
        row.validUntil = span.validUntil();
        return row;
    }

    public CodeSpan toSpan(UUID campaignId) {
        return new CodeSpan(campaignId, code, type, validFrom, validUntil);
    }

    public String code() {
        return code;
    }
}
