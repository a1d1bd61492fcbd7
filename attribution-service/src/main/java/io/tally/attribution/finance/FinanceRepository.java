package io.tally.attribution.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The figures of the finance reports: the revenue journal and the daily roll-up of one accounting period, per UTC
 * day (the transaction date FX conversion uses).
 */
@ApplicationScoped
public class FinanceRepository {

    /** A journal sum of one kind, UTC day and currency. */
    public record JournalSum(String kind, LocalDate day, String currency, long amountMinor) {
    }

    /** Credited revenue of one programme, campaign and channel (attributed or not), UTC day and currency. */
    public record CreditSum(UUID programmeId, String programmeName, UUID campaignId, String campaignName,
            String channel, boolean attributed, LocalDate day, String currency, long amountMinor) {
    }

    @Inject
    EntityManager em;

    /** The period's journal per kind and currency. */
    @SuppressWarnings("unchecked")
    public List<JournalSum> journal(String period) {
        List<Object[]> rows = em.createNativeQuery("SELECT kind, day, currency, sum(amount_minor) FROM revenue_entry"
                + " WHERE period = ?1 GROUP BY 1, 2, 3").setParameter(1, period).getResultList();
        return rows.stream().map(r -> new JournalSum((String) r[0], (LocalDate) r[1], ((String) r[2]).trim(),
                ((Number) r[3]).longValue())).toList();
    }

    /** The period's credit under a model, per programme, campaign, channel and currency (optionally one programme). */
    @SuppressWarnings("unchecked")
    public List<CreditSum> credit(String period, String model, UUID programmeId) {
        String sql = "SELECT d.programme_id, p.name, d.campaign_id, k.name, d.channel, d.attributed, d.utc_day,"
                + " d.currency, sum(d.amount_minor) FROM credit_daily d"
                + " LEFT JOIN programme p ON p.programme_id = d.programme_id"
                + " LEFT JOIN campaign k ON k.campaign_id = d.campaign_id"
                + " WHERE d.period = ?1 AND d.model = ?2" + (programmeId == null ? "" : " AND d.programme_id = ?3")
                + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(d.amount_minor) <> 0";
        var query = em.createNativeQuery(sql).setParameter(1, period).setParameter(2, model);
        if (programmeId != null) {
            query.setParameter(3, programmeId);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new CreditSum((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                (String) r[4], (Boolean) r[5], (LocalDate) r[6], ((String) r[7]).trim(), ((Number) r[8]).longValue()))
                .toList();
    }
}
