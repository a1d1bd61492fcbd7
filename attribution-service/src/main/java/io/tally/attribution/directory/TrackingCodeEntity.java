package io.tally.attribution.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A lower-case tracking code pointing at a campaign for touches in [{@code validFrom}, {@code validUntil}) (null:
 * since ever / open-ended), as assigned by the campaign's CampaignChanged of {@code assignedAt}.
 */
@Entity
@Table(name = "tracking_code")
public class TrackingCodeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    @Column(name = "campaign_id")
    public UUID campaignId;
    public String type;
    @Column(name = "valid_from")
    public Instant validFrom;
    @Column(name = "valid_until")
    public Instant validUntil;
    @Column(name = "assigned_at")
    public Instant assignedAt;
}
