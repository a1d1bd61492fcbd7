package io.tally.campaign.campaigns;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.campaign.programmes.Programme;
import io.tally.events.CampaignChanged;
import io.tally.events.Topics;
import io.tally.events.validation.Violations;
import io.tally.outbox.Outbox;

/**
 * Publishes a campaign's state as {@link CampaignChanged} on {@code tally.campaigns} (key: the campaign id) by
 * appending it to the outbox in the caller's transaction, so the change and its event commit together.
 */
@ApplicationScoped
public class CampaignPublisher {

    @Inject
    CampaignRepository campaigns;

    @Inject
    Outbox outbox;

    /** Publishes the campaign's current state as its next version (after a change made by the caller). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Campaign campaign, Instant now) {
        outbox.append(Topics.CAMPAIGNS, campaign.getId().toString(), toEvent(campaign, now));
    }

    /**
     * Publishes a new version of every live campaign of the programme, because each {@link CampaignChanged} carries its
     * programme's name, currency, time zone, lookback and official model.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void republishProgramme(Programme programme, Instant now) {
        for (Campaign campaign : campaigns.findByProgramme(programme.getId())) {
            if (campaign.isDeleted()) {
                continue;
            }
            campaign.republish(now);
            publish(campaign, now);
        }
    }

    /** The event of the campaign's current state; a state the contract rejects is a bug, not a client error. */
    private static CampaignChanged toEvent(Campaign c, Instant changedAt) {
        Programme p = c.getProgramme();
        CampaignChanged event = new CampaignChanged(CampaignChanged.eventIdOf(c.getId(), c.getVersion()), c.getId(),
                c.getVersion(), changedAt,
                new CampaignChanged.ProgrammeRef(p.getId(), p.getName(), p.getReportingCurrency(), p.getTimeZone(),
                        p.getLookbackDays(), p.settings().officialModel(), p.settings().modelSettings()),
                c.getName(), c.getChannel(),
                c.getTrackingCodes().stream().map(span -> new CampaignChanged.TrackingCode(span.code(), span.type(),
                        span.validFrom(), span.validUntil())).toList(),
                c.isDeleted());
        Violations violations = new Violations();
        event.validate(violations);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("CampaignChanged breaks the contract: " + violations.list());
        }
        return event;
    }
}
