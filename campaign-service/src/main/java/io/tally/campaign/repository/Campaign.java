package io.tally.campaign.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.tally.events.Channel;

/** A campaign row with its (lower-case, globally unique) tracking codes; {@code version} is the event version. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    @GeneratedValue
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_id", nullable = false)
    private Programme programme;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 32)
    private Channel channel;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tracking_code", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    @Column(name = "code", nullable = false, length = 200)
    private List<String> trackingCodes = new ArrayList<>();

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Campaign() {
    }

    /** A new, not yet persisted campaign at version 1; {@code trackingCodes} must already be normalised. */
    public static Campaign create(Programme programme, String name, Channel channel, List<String> trackingCodes,
            Instant now) {
        Campaign c = new Campaign();
        c.programme = programme;
        c.name = name;
        c.channel = channel;
        c.trackingCodes = new ArrayList<>(trackingCodes);
        c.version = 1;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** Replaces name, channel and (normalised) codes: the next version. */
    public void replace(String newName, Channel newChannel, List<String> codes, Instant now) {
        name = newName;
        channel = newChannel;
        trackingCodes.clear();
        trackingCodes.addAll(codes);
        version++;
        updatedAt = now;
    }

    /** A new event version of the same state, e.g. after its programme changed (the event carries the programme). */
    public void republish(Instant now) {
        version++;
        updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public Programme getProgramme() {
        return programme;
    }

    public String getName() {
        return name;
    }

    public Channel getChannel() {
        return channel;
    }

    public List<String> getTrackingCodes() {
        return List.copyOf(trackingCodes);
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
