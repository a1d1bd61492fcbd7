package io.tally.attribution.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.tally.attribution.ledger.CreditRepository.GroupBy;

/**
 * The figures of the summary reports: credited revenue and conversions from the daily roll-up, and reported costs
 * resolved to campaigns through their tracking-code spans, both per time bucket, group and currency.
 */
@ApplicationScoped
public class SummaryRepository {

    /** How days are bucketed. */
    public enum Interval {
        DAY("d.day"), WEEK("date_trunc('week', d.day)::date"), MONTH("date_trunc('month', d.day)::date"), TOTAL(
                "CAST(:from AS date)");

        private final String bucket;

        Interval(String bucket) {
            this.bucket = bucket;
        }
    }

    /** How rows are grouped: the report's groupBy, or programme and channel together (programme ROI). */
    public enum Grouping {
        PROGRAMME, CAMPAIGN, CHANNEL, PROGRAMME_CHANNEL;

        static Grouping of(GroupBy groupBy) {
            return valueOf(groupBy.name());
        }
    }

    /** Which rows: the model, the days, and optionally one programme, campaign or channel. */
    public record Filter(String model, LocalDate from, LocalDate to, UUID programmeId, UUID campaignId,
            String channel) {
    }

    /** Revenue (minor units) and conversion units of one group in one bucket and currency. */
    public record Revenue(LocalDate bucket, String id, String name, String kind, String currency, long amountMinor,
            long conversionUnits) {
    }

    /** Cost (minor units) of one group in one bucket and currency. */
    public record Spend(LocalDate bucket, String id, String name, String currency, long amountMinor) {
    }

    @Inject
    EntityManager em;

    /** Credited revenue per bucket, group, kind and currency (rows that net to nothing are left out). */
    public List<Revenue> revenue(Filter f, GroupBy groupBy, Interval interval) {
        return revenue(f, Grouping.of(groupBy), interval);
    }

    /** Like the above, for any grouping (the ids of PROGRAMME_CHANNEL are {@code programme|channel}). */
    @SuppressWarnings("unchecked")
    public List<Revenue> revenue(Filter f, Grouping groupBy, Interval interval) {
        Dimension dim = Dimension.of(groupBy, "d");
        String kind = "CASE WHEN NOT d.attributed THEN 'unattributed' WHEN " + dim.id
                + " IS NULL THEN 'unassigned' ELSE 'assigned' END";
        List<String> where = new ArrayList<>(List.of("d.model = :model", "d.day BETWEEN :from AND :to"));
        Map<String, Object> parameters = new HashMap<>(Map.of("model", f.model(), "from", f.from(), "to", f.to()));
        narrow(f, where, parameters, "d.programme_id", "d.campaign_id", "d.channel");
        String sql = "SELECT " + interval.bucket + ", " + dim.id + ", " + dim.name + ", " + kind + ", d.currency,"
                + " sum(d.amount_minor), sum(d.conversion_units) FROM credit_daily d " + dim.join
                + " WHERE " + String.join(" AND ", where) + " GROUP BY 1, 2, 3, 4, 5"
                + " HAVING sum(d.amount_minor) <> 0 OR sum(d.conversion_units) <> 0";
        List<Object[]> rows = bind(em.createNativeQuery(sql), parameters).getResultList();
        return rows.stream().map(r -> new Revenue((LocalDate) r[0], (String) r[1],
                (String) r[2], (String) r[3], ((String) r[4]).trim(), ((Number) r[5]).longValue(),
                ((Number) r[6]).longValue())).toList();
    }

    /**
     * Reported costs per bucket, group and currency: each reported line's latest figure (view {@code cost_current}). A
     * day's cost goes to the campaign its code points at when the day begins in that campaign's programme's time zone
     * (the latest assigned span, as for touches), a cost without a code to the programme it names; a code that points
     * nowhere leaves it unassigned, and so does grouping a shared programme cost (no channel) by channel or campaign.
     */
    public List<Spend> costs(Filter f, GroupBy groupBy, Interval interval) {
        return costs(f, Grouping.of(groupBy), interval);
    }

    /** Like the above, for any grouping. */
    @SuppressWarnings("unchecked")
    public List<Spend> costs(Filter f, Grouping groupBy, Interval interval) {
        Dimension dim = Dimension.ofCost(groupBy);
        List<String> where = new ArrayList<>(List.of("d.day BETWEEN :from AND :to"));
        Map<String, Object> parameters = new HashMap<>(Map.of("from", f.from(), "to", f.to()));
        narrow(f, where, parameters, "d.programme_id", "d.campaign_id", "d.channel");
        String sql = "SELECT " + interval.bucket + ", " + dim.id + ", " + dim.name + ", d.currency,"
                + " sum(d.amount_minor) FROM cost_current d " + dim.join
                + " WHERE " + String.join(" AND ", where) + " GROUP BY 1, 2, 3, 4 HAVING sum(d.amount_minor) <> 0";
        List<Object[]> rows = bind(em.createNativeQuery(sql), parameters).getResultList();
        return rows.stream().map(r -> new Spend((LocalDate) r[0], (String) r[1],
                (String) r[2], ((String) r[3]).trim(), ((Number) r[4]).longValue())).toList();
    }

    private static void narrow(Filter f, List<String> where, Map<String, Object> parameters, String programme,
            String campaign, String channel) {
        if (f.programmeId() != null) {
            where.add(programme + " = :programme");
            parameters.put("programme", f.programmeId());
        }
        if (f.campaignId() != null) {
            where.add(campaign + " = :campaign");
            parameters.put("campaign", f.campaignId());
        }
        if (f.channel() != null) {
            where.add(channel + " = :channel");
            parameters.put("channel", f.channel());
        }
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** The id, name and join of a grouping. */
    private record Dimension(String id, String name, String join) {

        static Dimension of(Grouping groupBy, String alias) {
            return switch (groupBy) {
                case PROGRAMME_CHANNEL -> new Dimension(alias + ".programme_id::text || '|' || " + alias + ".channel",
                        "g.name", "LEFT JOIN programme g ON g.programme_id = " + alias + ".programme_id");
                case PROGRAMME -> new Dimension(alias + ".programme_id::text", "g.name",
                        "LEFT JOIN programme g ON g.programme_id = " + alias + ".programme_id");
                case CAMPAIGN -> new Dimension(alias + ".campaign_id::text", "g.name",
                        "LEFT JOIN campaign g ON g.campaign_id = " + alias + ".campaign_id");
                default -> new Dimension(alias + ".channel", alias + ".channel", "");
            };
        }

        static Dimension ofCost(Grouping groupBy) {
            return switch (groupBy) {
                case PROGRAMME_CHANNEL ->
                    new Dimension("d.programme_id::text || '|' || coalesce(d.channel, '')", "g.name",
                            "LEFT JOIN programme g ON g.programme_id = d.programme_id");
                case PROGRAMME -> new Dimension("d.programme_id::text", "g.name",
                        "LEFT JOIN programme g ON g.programme_id = d.programme_id");
                case CAMPAIGN -> new Dimension("d.campaign_id::text", "g.name",
                        "LEFT JOIN campaign g ON g.campaign_id = d.campaign_id");
                default -> new Dimension("d.channel", "d.channel", "");
            };
        }
    }
}
