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

/** A stored touchpoint. */
@Entity
@Table(name = "touchpoint")
public class TouchpointEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String channel;
    @Column(name = "interaction_type")
    public String interactionType;
    public String source;
    public String medium;
    @Column(name = "campaign_code")
    public String campaignCode;
    public String url;
    @Embedded
    public IdentityColumns identity;
    /** The root profile of the identity graph this row belongs to (see {@link IdentityGraph}). */
    @Column(name = "profile_id")
    public Long profileId;
}
