package io.tally.attribution.ledger;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One ledger row: part of a conversion's revenue credited to a touch (or to nothing: unattributed) by a model. */
@Entity
@Table(name = "credit")
public class CreditEntity {

    /** From {@code credit_id_seq} in blocks of 50, so the rows of a posting are inserted in one batch. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credit_id")
    @SequenceGenerator(name = "credit_id", sequenceName = "credit_id_seq", allocationSize = 50)
    public Long id;
    @Column(name = "entry_id")
    public String entryId;
    @Column(name = "entry_kind")
    public String entryKind;
    @Column(name = "conversion_event_id")
    public String conversionEventId;
    @Column(name = "conversion_at")
    public Instant conversionAt;
    public String model;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "touchpoint_event_id")
    public String touchpointEventId;
    public String channel;
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "amount_minor")
    public long amountMinor;
    public String currency;
    @Column(name = "conversion_units")
    public long conversionUnits;
    /** The accounting period (YYYY-MM) the row belongs to. */
    public String period;
    /** Why the row was posted: a {@code CreditReason} wire name. */
    public String reason;
}
