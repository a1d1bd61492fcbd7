package io.tally.campaign.budgets;

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

/** One line of a campaign's spend plan: the budget for a period. {@code version} is the ETag. */
@Entity
@Table(name = "campaign_budget")
public class CampaignBudget {

    @Id
    @GeneratedValue
    private UUID id;

    @Column(name = "campaign_id", nullable = false)
    private UUID campaignId;

    @Column(name = "programme_id", nullable = false)
    private UUID programmeId;

    @Embedded
    private PlannedAmount line;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CampaignBudget() {
    }

    /** A new budget line of a campaign. */
    public static CampaignBudget create(UUID campaignId, UUID programmeId, PlannedAmount line, Instant now) {
        CampaignBudget b = new CampaignBudget();
        b.campaignId = campaignId;
        b.programmeId = programmeId;
        b.createdAt = now;
        b.replace(line, now);
        return b;
    }

    /** Replaces period and amount (a {@code PUT}). */
    public void replace(PlannedAmount newLine, Instant now) {
        line = newLine;
        updatedAt = now;
    }

    /** The period and amount of the line. */
    public PlannedAmount line() {
        return line;
    }

    public UUID getId() {
        return id;
    }

    public UUID getCampaignId() {
        return campaignId;
    }

    public UUID getProgrammeId() {
        return programmeId;
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
