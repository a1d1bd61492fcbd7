package io.tally.attribution.intake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tally.attribution.identity.IdentityColumns;
import io.tally.attribution.identity.IdentityGraph;

/** A stored conversion, its revenue in minor units of its currency. */
@Entity
@Table(name = "conversion")
public class ConversionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "revenue_minor")
    public long revenueMinor;
    public String currency;
    @Column(name = "coupon_code")
    public String couponCode;
    public String source;
    /** Who stated the revenue: {@code verified} or {@code unverified} (see {@link io.tally.events.Trust}). */
    public String trust;
    @Embedded
    public IdentityColumns identity;
    /** The root profile of the identity graph this row belongs to (see {@link IdentityGraph}). */
    @Column(name = "profile_id")
    public Long profileId;
}
