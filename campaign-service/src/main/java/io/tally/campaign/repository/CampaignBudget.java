package io.tally.campaign.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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

    @Column(name = "period", nullable = false, length = 32)
    private String period;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    @Column(name = "amount", nullable = false)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

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
    public static CampaignBudget create(UUID campaignId, UUID programmeId, Line line, Instant now) {
        CampaignBudget b = new CampaignBudget();
        b.campaignId = campaignId;
        b.programmeId = programmeId;
        b.createdAt = now;
        b.replace(line, now);
        return b;
    }

    /** Replaces period and amount (a {@code PUT}). */
    public void replace(Line line, Instant now) {
        period = line.period();
        firstDay = line.firstDay();
        lastDay = line.lastDay();
        amount = line.amount();
        currency = line.currency();
        updatedAt = now;
    }

    /** The period and amount of a budget line. */
    public record Line(String period, LocalDate firstDay, LocalDate lastDay, BigDecimal amount, String currency) {

        /** True when the two periods share a day. */
        public boolean overlaps(LocalDate first, LocalDate last) {
            return !firstDay.isAfter(last) && !lastDay.isBefore(first);
        }
    }

    public Line line() {
        return new Line(period, firstDay, lastDay, amount, currency);
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
