package io.tally.campaign.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What goal progress is computed from: attributed revenue per day (from {@code Attribution} events) and reported
 * costs (from {@code Cost} events), each event taken in once.
 */
@ApplicationScoped
public class ProgressInputRepository {

    @Inject
    EntityManager em;

    /** Marks an event as handled by a consumer; false when it was handled before (a redelivery). */
    public boolean firstDelivery(String consumer, String eventId, Instant now) {
        return em.createNativeQuery("insert into processed_event (consumer, event_id, handled_at) values (?1, ?2, ?3)"
                + " on conflict do nothing")
                .setParameter(1, consumer).setParameter(2, eventId).setParameter(3, now)
                .executeUpdate() == 1;
    }

    /** Adds one credit to its day's roll-up. */
    public void addAttributed(UUID programmeId, UUID campaignId, String channel, String model, LocalDate day,
            String currency, BigDecimal amount, BigDecimal conversions) {
        em.createNativeQuery("insert into attributed_daily (programme_id, campaign_id, channel, model, day, currency,"
                + " amount, conversions) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                + " on conflict (programme_id, campaign_id, channel, model, day, currency) do update"
                + " set amount = attributed_daily.amount + excluded.amount,"
                + " conversions = attributed_daily.conversions + excluded.conversions")
                .setParameter(1, programmeId).setParameter(2, campaignId).setParameter(3, channel)
                .setParameter(4, model).setParameter(5, day).setParameter(6, currency).setParameter(7, amount)
                .setParameter(8, conversions)
                .executeUpdate();
    }

    /**
     * One reported cost as stored: a campaign's (by its normalised code) or a programme's own (by id, no code).
     *
     * @param line the reported line it is the latest figure of
     * @param channel null for a shared cost of the programme
     */
    public record CostLine(String eventId, String line, String campaignCode, UUID programmeId, String channel,
            LocalDate day, String currency, BigDecimal amount, String source) {
    }

    /** Stores a reported cost once; false when its event id is known. */
    public boolean addCost(CostLine cost, Instant now) {
        return em.createNativeQuery("insert into cost_entry (event_id, line_id, campaign_code, programme_id, channel,"
                + " day, currency, amount, source, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                + " on conflict do nothing")
                .setParameter(1, cost.eventId()).setParameter(2, cost.line()).setParameter(3, cost.campaignCode())
                .setParameter(4, cost.programmeId()).setParameter(5, cost.channel()).setParameter(6, cost.day())
                .setParameter(7, cost.currency()).setParameter(8, cost.amount()).setParameter(9, cost.source())
                .setParameter(10, now)
                .executeUpdate() == 1;
    }

    /** Revenue (and fractional conversions) or cost of one campaign, channel and currency over some days. */
    public record Amounts(UUID campaignId, String channel, String currency, BigDecimal amount, BigDecimal conversions) {
    }

    /** A programme's attributed revenue under one model, per campaign, channel and currency, for days [from, to]. */
    @SuppressWarnings("unchecked")
    public List<Amounts> attributed(UUID programmeId, String model, LocalDate from, LocalDate to) {
        List<Object[]> rows = em
                .createNativeQuery("select campaign_id, channel, currency, sum(amount), sum(conversions)"
                        + " from attributed_daily where programme_id = ?1 and model = ?2 and day between ?3 and ?4"
                        + " group by campaign_id, channel, currency")
                .setParameter(1, programmeId).setParameter(2, model).setParameter(3, from).setParameter(4, to)
                .getResultList();
        return rows.stream().map(r -> new Amounts((UUID) r[0], (String) r[1], ((String) r[2]).strip(),
                (BigDecimal) r[3], (BigDecimal) r[4])).toList();
    }

    /**
     * Costs reported for the programme, per campaign, channel and currency, for days [from, to]: its campaigns' (through
     * their tracking codes: a day's cost goes to the campaign the code points at when the day begins in the programme's
     * time zone) and its own (campaign null, channel null for a shared cost). Each reported line counts with its latest
     * figure.
     */
    @SuppressWarnings("unchecked")
    public List<Amounts> costs(UUID programmeId, LocalDate from, LocalDate to) {
        String latest = " and not exists (select 1 from cost_entry n where n.line_id = e.line_id and n.seq > e.seq)";
        List<Object[]> rows = em.createNativeQuery("select c.id, e.channel, e.currency, sum(e.amount) from cost_entry e"
                + " join tracking_code t on t.code = e.campaign_code join campaign c on c.id = t.campaign_id"
                + " join programme p on p.id = c.programme_id"
                + " where c.programme_id = ?1 and e.day between ?2 and ?3"
                + " and (t.valid_from is null or t.valid_from <= e.day::timestamp at time zone p.time_zone)"
                + " and (t.valid_until is null or e.day::timestamp at time zone p.time_zone < t.valid_until)" + latest
                + " group by c.id, e.channel, e.currency"
                + " union all select null, e.channel, e.currency, sum(e.amount) from cost_entry e"
                + " where e.campaign_code is null and e.programme_id = ?1 and e.day between ?2 and ?3" + latest
                + " group by e.channel, e.currency")
                .setParameter(1, programmeId).setParameter(2, from).setParameter(3, to)
                .getResultList();
        return rows.stream().map(r -> new Amounts((UUID) r[0], (String) r[1], ((String) r[2]).strip(),
                (BigDecimal) r[3], BigDecimal.ZERO)).toList();
    }
}
