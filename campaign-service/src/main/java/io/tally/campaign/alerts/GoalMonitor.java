package io.tally.campaign.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tally.campaign.config.CampaignConfig;
import io.tally.campaign.goals.Goal;
import io.tally.campaign.goals.GoalSettings;
import io.tally.campaign.pacing.GoalProgress;
import io.tally.campaign.programmes.Programme;
import io.tally.campaign.programmes.ProgrammeService;
import io.tally.campaign.progress.ProgressService;
import io.tally.events.Channel;
import io.tally.events.GoalStatusChanged;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.outbox.Outbox;

/**
 * Evaluates the goals whose period has started and has not been over for long, on a schedule
 * ({@code tally.goals.evaluate-every}): a goal whose status changed gets an alert row and a {@link GoalStatusChanged}
 * on {@code tally.goal-status}, written through the outbox in the transaction that records the new status. Each goal
 * is locked while it is evaluated (others' locks are skipped), so replicas never announce one change twice. Each
 * sweep is counted, and the time of the last one that finished is a gauge ({@link GoalMonitorMetrics}).
 */
@ApplicationScoped
public class GoalMonitor {

    private static final Logger LOG = Logger.getLogger(GoalMonitor.class);

    @Inject
    EntityManager em;
    @Inject
    ProgressService progress;
    @Inject
    ProgrammeService programmes;
    @Inject
    GoalAlertRepository alerts;
    @Inject
    Outbox outbox;
    @Inject
    CampaignConfig config;

    @Inject
    GoalMonitorMetrics metrics;

    @Scheduled(identity = "goal-monitor", every = "${tally.goals.evaluate-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            evaluateAll(ProgrammeService.now());
        } catch (RuntimeException e) {
            metrics.failed();
            throw e;
        }
        metrics.succeeded(Instant.now());
    }

    /** Evaluates every goal due at {@code now}; returns how many changed status. */
    public int evaluateAll(Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate endedAfter = today.minusDays(config.goals().evaluateAfterEnd().toDays() + 1);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select g.id from Goal g where g.target.firstDay <= :tomorrow and g.target.lastDay >= :endedAfter",
                UUID.class)
                .setParameter("tomorrow", today.plusDays(1)).setParameter("endedAfter", endedAfter)
                .getResultList());
        int changed = 0;
        for (UUID id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> evaluate(id, now))) {
                    changed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "evaluating goal %s failed; it is tried again at the next sweep", id);
            }
        }
        return changed;
    }

    /** Evaluates one goal in the caller's transaction; true when its status changed. */
    private boolean evaluate(UUID id, Instant now) {
        Goal goal = em.createQuery("select g from Goal g where g.id = :id", Goal.class).setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: another replica has it
                .getResultStream().findFirst().orElse(null);
        if (goal == null) {
            return false;
        }
        Programme programme = programmes.require(goal.getProgrammeId());
        GoalProgress p = progress.progressOf(goal, programme, now);
        String status = p.status().wireName();
        String previous = goal.getStatus();
        if (Objects.equals(previous, status)) {
            return false;
        }
        goal.evaluated(status, now);
        GoalAlert alert = GoalAlert.of(goal, previous, status, now, p.attributed(), p.expectedToDate());
        alerts.persistAndFlush(alert);
        GoalSettings s = goal.settings();
        outbox.append(Topics.GOAL_STATUS, goal.getId().toString(), new GoalStatusChanged(
                goal.getId() + ":" + alert.getId(), goal.getId(), goal.getProgrammeId(), s.campaignId(),
                s.channel() == null ? null : Channel.fromWireName(s.channel()).orElse(null), s.period(), previous,
                status, now, new Money(p.goal(), s.currency()), new Money(p.attributed(), s.currency()),
                new Money(p.expectedToDate(), s.currency())));
        return true;
    }
}
