package io.tally.attribution.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A campaign as attribution knows it: the latest {@code CampaignChanged} version. */
@Entity
@Table(name = "campaign")
public class CampaignEntity {

    @Id
    @Column(name = "campaign_id")
    public UUID id;
    public long version;
    public String name;
    public String channel;
    @Column(name = "programme_id")
    public UUID programmeId;
    public boolean deleted;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
