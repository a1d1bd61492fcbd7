package io.tally.attribution.intake;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored refund or cancellation of an order, its amount in minor units of its currency. */
@Entity
@Table(name = "conversion_adjustment")
public class AdjustmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    /** {@code refund} or {@code cancellation}. */
    public String kind;
    @Column(name = "amount_minor")
    public long amountMinor;
    public String currency;
    public String reason;
}
