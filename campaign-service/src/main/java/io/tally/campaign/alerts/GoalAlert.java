package io.tally.campaign.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.tally.campaign.goals.Goal;
import io.tally.campaign.goals.GoalSettings;

/** A change of a goal's status, with the figures that caused it. */
@Entity
@Table(name = "goal_alert")
public class GoalAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "goal_id", nullable = false)
    private UUID goalId;

    @Column(name = "programme_id", nullable = false)
    private UUID programmeId;

    @Column(name = "period", nullable = false, length = 32)
    private String period;

    @Column(name = "previous_status", length = 16)
    private String previousStatus;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "at", nullable = false)
    private Instant at;

    @Column(name = "goal_amount", nullable = false)
    private BigDecimal goalAmount;

    @Column(name = "attributed", nullable = false)
    private BigDecimal attributed;

    @Column(name = "expected", nullable = false)
    private BigDecimal expected;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    protected GoalAlert() {
    }

    public static GoalAlert of(Goal goal, String previousStatus, String status, Instant at, BigDecimal attributed,
            BigDecimal expected) {
        GoalAlert a = new GoalAlert();
        GoalSettings s = goal.settings();
        a.goalId = goal.getId();
        a.programmeId = goal.getProgrammeId();
        a.period = s.period();
        a.previousStatus = previousStatus;
        a.status = status;
        a.at = at;
        a.goalAmount = s.amount();
        a.attributed = attributed;
        a.expected = expected;
        a.currency = s.currency();
        return a;
    }

    public Long getId() {
        return id;
    }

    public UUID getGoalId() {
        return goalId;
    }

    public UUID getProgrammeId() {
        return programmeId;
    }

    public String getPeriod() {
        return period;
    }

    public String getPreviousStatus() {
        return previousStatus;
    }

    public String getStatus() {
        return status;
    }

    public Instant getAt() {
        return at;
    }

    public BigDecimal getGoalAmount() {
        return goalAmount;
    }

    public BigDecimal getAttributed() {
        return attributed;
    }

    public BigDecimal getExpected() {
        return expected;
    }

    public String getCurrency() {
        return currency;
    }
}
