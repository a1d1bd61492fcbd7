package io.tally.campaign.goals;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.tally.campaign.plans.PlannedAmount;

/**
 * A revenue goal of a programme for one period, for the whole programme or narrowed to one campaign or one channel.
 * {@code version} is the optimistic lock and the API's ETag; {@code status} is the last evaluated goal status.
 */
@Entity
@Table(name = "goal")
public class Goal {

    @Id
    @GeneratedValue
    private UUID id;

    @Column(name = "programme_id", nullable = false)
    private UUID programmeId;

    @Column(name = "campaign_id")
    private UUID campaignId;

    @Column(name = "channel", length = 32)
    private String channel;

    @Embedded
    private PlannedAmount target;

    @Column(name = "status", length = 16)
    private String status;

    @Column(name = "status_at")
    private Instant statusAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Goal() {
    }

    /** A new goal of a programme. */
    public static Goal create(UUID programmeId, GoalSettings settings, Instant now) {
        Goal g = new Goal();
        g.programmeId = programmeId;
        g.createdAt = now;
        g.replace(settings, now);
        return g;
    }

    /** Replaces the goal's settings (a {@code PUT}); the last status is evaluated again. */
    public void replace(GoalSettings settings, Instant now) {
        campaignId = settings.campaignId();
        channel = settings.channel();
        target = PlannedAmount.of(settings.period(), settings.firstDay(), settings.lastDay(), settings.amount(),
                settings.currency());
        status = null;
        statusAt = null;
        updatedAt = now;
    }

    /** Records a newly evaluated status. */
    public void evaluated(String newStatus, Instant at) {
        status = newStatus;
        statusAt = at;
    }

    /** The current settings. */
    public GoalSettings settings() {
        return new GoalSettings(campaignId, channel, target.period(), target.firstDay(), target.lastDay(),
                target.amount(), target.currency());
    }

    public UUID getId() {
        return id;
    }

    public UUID getProgrammeId() {
        return programmeId;
    }

    public String getStatus() {
        return status;
    }

    public Instant getStatusAt() {
        return statusAt;
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
