package io.tally.attribution.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.tally.events.Cost;
import io.tally.events.TrackingCodes;

/**
 * Reported costs ({@code cost}), once per event id; a later figure of the same reported line replaces the earlier one
 * when read (view {@code cost_current}).
 */
@ApplicationScoped
public class CostRepository {

    @Inject
    EntityManager em;

    /** Stores the cost; false when its event id was stored before (nothing changes then). */
    public boolean insert(Cost cost) {
        return em.createNativeQuery("INSERT INTO cost (event_id, day, channel, campaign_code, source, amount_minor,"
                + " currency, impressions, clicks, programme_id, category, line_id)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, cost.eventId())
                .setParameter(2, cost.date())
                .setParameter(3, cost.channel() == null ? null : cost.channel().wireName())
                .setParameter(4, TrackingCodes.normalise(cost.campaignCode()))
                .setParameter(5, cost.source())
                .setParameter(6, cost.spend().toMinorUnits())
                .setParameter(7, cost.spend().currency())
                .setParameter(8, cost.impressions())
                .setParameter(9, cost.clicks())
                .setParameter(10, cost.campaignCode() == null ? cost.programmeId() : null)
                .setParameter(11, cost.category())
                .setParameter(12, cost.line())
                .executeUpdate() == 1;
    }
}
