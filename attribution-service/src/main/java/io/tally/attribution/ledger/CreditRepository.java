package io.tally.attribution.ledger;

import static io.tally.attribution.sql.SqlArrays.texts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.tally.attribution.reports.ReportRow;
import io.tally.outbox.sql.BinaryCopy;

/** The credit ledger: appends rows and reads positions and report groups. Rows are never updated or deleted. */
@ApplicationScoped
public class CreditRepository {

    @Inject
    EntityManager em;

    /** How the attribution report groups credit. */
    public enum GroupBy {
        PROGRAMME, CAMPAIGN, CHANNEL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Each conversion's current net positions per model and credit key, for the conversions that hold credit (a model
     * without entries has none: never credited); one query.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, List<CreditPosition>>> positionsByModel(Collection<String> conversionEventIds) {
        Map<String, Map<String, List<CreditPosition>>> positions = new HashMap<>();
        if (conversionEventIds.isEmpty()) {
            return positions;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT conversion_event_id, model,"
                + " touchpoint_event_id, channel, campaign_id, programme_id, sum(amount_minor), sum(conversion_units)"
                + " FROM credit WHERE conversion_event_id = ANY(CAST(?1 AS text[]))"
                + " GROUP BY conversion_event_id, model, touchpoint_event_id, channel, campaign_id, programme_id")
                .setParameter(1, texts(conversionEventIds))
                .getResultList();
        for (Object[] r : rows) {
            CreditPosition position = new CreditPosition((String) r[1], (String) r[2], (String) r[3], (UUID) r[4],
                    (UUID) r[5], ((Number) r[6]).longValue(), ((Number) r[7]).longValue());
            positions.computeIfAbsent((String) r[0], c -> new HashMap<>())
                    .computeIfAbsent(position.model(), m -> new ArrayList<>()).add(position);
        }
        return positions;
    }

    /**
     * Appends the rows with one binary {@code COPY} (their ids from {@code credit_id_seq}), streamed: no statement to
     * parse and no array of the batch in memory.
     */
    public void insertAll(List<CreditRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (BinaryCopy copy = BinaryCopy.into(connection, "credit", "entry_id", "entry_kind",
                    "conversion_event_id", "conversion_at", "model", "model_version", "touchpoint_event_id", "channel",
                    "campaign_id", "programme_id", "amount_minor", "currency", "conversion_units", "period",
                    "reason")) {
                for (CreditRow r : rows) {
                    copy.row().text(r.entryId()).text(r.entryKind()).text(r.conversionEventId())
                            .timestamptz(r.conversionAt()).text(r.model()).text(r.modelVersion())
                            .text(r.touchpointEventId()).text(r.channel()).uuid(r.campaignId())
                            .uuid(r.programmeId()).bigint(r.amountMinor()).text(r.currency())
                            .bigint(r.conversionUnits()).text(r.period()).text(r.reason());
                }
                copy.finish();
            }
        });
    }

    /**
     * Conversions credited to a touch carrying one of these (normalised, as stored) codes, or that redeemed a coupon with one of
     * them: their credit moves when the codes move.
     */
    @SuppressWarnings("unchecked")
    public List<String> conversionsTouchedByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("SELECT c.conversion_event_id FROM credit c "
                + "JOIN touchpoint t ON t.event_id = c.touchpoint_event_id "
                + "WHERE t.campaign_code IN (:codes) "
                + "UNION SELECT v.event_id FROM conversion v WHERE v.coupon_code IN (:codes) ORDER BY 1")
                .setParameter("codes", codes)
                .getResultList();
    }

    /**
     * Conversions in open accounting periods whose journey may hold a touch of the programme's campaigns: the
     * profile had a touch with one of their codes (any span) at most {@code maxLookbackDays} before, or the conversion
     * redeemed one of their coupons. What a change of the programme's lookback or model settings may re-credit.
     */
    @SuppressWarnings("unchecked")
    public List<String> openConversionsReachableFrom(UUID programmeId, int maxLookbackDays) {
        String codes = "SELECT c.code FROM tracking_code c JOIN campaign k ON k.campaign_id = c.campaign_id"
                + " WHERE k.programme_id = :programme";
        return em.createNativeQuery("SELECT event_id FROM (SELECT v.event_id, v.occurred_at"
                + " FROM conversion v JOIN touchpoint t ON t.profile_id = v.profile_id"
                + " AND t.occurred_at <= v.occurred_at AND t.occurred_at >= v.occurred_at - make_interval(days => :days)"
                + " WHERE t.campaign_code IN (" + codes + ")"
                + " UNION SELECT v.event_id, v.occurred_at FROM conversion v WHERE v.coupon_code IN (" + codes + ")) r"
                + " WHERE to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM') NOT IN"
                + " (SELECT period FROM accounting_period WHERE state = 'closed') ORDER BY 1")
                .setParameter("programme", programmeId)
                .setParameter("days", maxLookbackDays)
                .getResultList();
    }

    /**
     * Credited revenue and conversions per group, for conversions on the UTC days from..to, under {@code model}; read
     * from the daily roll-up.
     */
    @SuppressWarnings("unchecked")
    public List<ReportRow> report(String model, LocalDate from, LocalDate to, GroupBy groupBy) {
        String id;
        String name;
        String join;
        switch (groupBy) {
            case PROGRAMME -> {
                id = "c.programme_id::text";
                name = "p.name";
                join = "LEFT JOIN programme p ON p.programme_id = c.programme_id";
            }
            case CAMPAIGN -> {
                id = "c.campaign_id::text";
                name = "k.name";
                join = "LEFT JOIN campaign k ON k.campaign_id = c.campaign_id";
            }
            default -> {
                id = "c.channel";
                name = "c.channel";
                join = "";
            }
        }
        String kind = "CASE WHEN NOT c.attributed THEN 'unattributed' WHEN " + id
                + " IS NULL THEN 'unassigned' ELSE 'assigned' END";
        String sql = "SELECT " + id + " AS id, " + name + " AS name, " + kind + " AS kind, c.currency, "
                + "sum(c.amount_minor), sum(c.conversion_units) FROM credit_daily c " + join
                + " WHERE c.model = :model AND c.utc_day BETWEEN :from AND :to"
                + " GROUP BY 1, 2, 3, 4 HAVING sum(c.amount_minor) <> 0 OR sum(c.conversion_units) <> 0"
                + " ORDER BY 5 DESC, 2";
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter("model", model)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        return rows.stream()
                .map(r -> new ReportRow((String) r[0], (String) r[1], (String) r[2], ((String) r[3]).trim(),
                        ((Number) r[4]).longValue(), ((Number) r[5]).longValue()))
                .toList();
    }
}
