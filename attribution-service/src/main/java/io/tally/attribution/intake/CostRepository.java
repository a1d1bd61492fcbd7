package io.tally.attribution.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.tally.events.Cost;
import io.tally.events.TrackingCodes;

/** Reported costs ({@code cost}), once per event id. */
@ApplicationScoped
public class CostRepository {

    @Inject
    EntityManager em;

    /** Stores the cost; false when its event id was stored before (nothing changes then). */
    public boolean insert(Cost cost) {
        return em.createNativeQuery("INSERT INTO cost (event_id, day, channel, campaign_code, source, amount_minor,"
                + " currency, impressions, clicks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                + " ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, cost.eventId())
                .setParameter(2, cost.date())
                .setParameter(3, cost.channel().wireName())
                .setParameter(4, TrackingCodes.normalise(cost.campaignCode()))
                .setParameter(5, cost.source())
                .setParameter(6, cost.spend().toMinorUnits())
                .setParameter(7, cost.spend().currency())
                .setParameter(8, cost.impressions())
                .setParameter(9, cost.clicks())
                .executeUpdate() == 1;
    }
}
