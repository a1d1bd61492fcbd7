package io.tally.attribution.repository;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lower-case tracking code and the campaign it resolves to. */
@Entity
@Table(name = "tracking_code")
public class TrackingCodeEntity {

    @Id
    public String code;
    @Column(name = "campaign_id")
    public UUID campaignId;
}
