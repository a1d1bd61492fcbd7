package io.tally.attribution.ledger;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

import io.tally.attribution.directory.ProgrammeEntity;
import io.tally.attribution.directory.ProgrammeRepository;

/**
 * Keeps {@code credit_daily}, the daily roll-up of the ledger, in step with it: every ledger row posted in a
 * transaction is summed in memory by roll-up key, and the sums are added to the table just before the transaction
 * commits, in one batch and one fixed key order. So the roll-up commits with the ledger rows or not at all, and two
 * transactions adding to the same days never deadlock on it (each locks its roll-up rows last, in the same order).
 */
@ApplicationScoped
public class LedgerRollup {

    private static final String PENDING = LedgerRollup.class.getName() + ".pending";
    private static final String UPSERT = "INSERT INTO credit_daily (day, utc_day, period, model, programme_id,"
            + " campaign_id, channel, attributed, currency, amount_minor, conversion_units)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT ON CONSTRAINT credit_daily_key DO UPDATE SET"
            + " amount_minor = credit_daily.amount_minor + excluded.amount_minor,"
            + " conversion_units = credit_daily.conversion_units + excluded.conversion_units";
    private static final String REBUILD_DELETE = "DELETE FROM credit_daily WHERE programme_id = ?1";
    private static final String REBUILD_INSERT = "INSERT INTO credit_daily (day, utc_day, period, model,"
            + " programme_id, campaign_id, channel, attributed, currency, amount_minor, conversion_units)"
            + " SELECT (c.conversion_at AT TIME ZONE ?2)::date, (c.conversion_at AT TIME ZONE 'UTC')::date, c.period,"
            + " c.model, c.programme_id, c.campaign_id, c.channel, c.touchpoint_event_id IS NOT NULL, c.currency,"
            + " sum(c.amount_minor), sum(c.conversion_units) FROM credit c WHERE c.programme_id = ?1"
            + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9";

    /** A row of the roll-up. */
    record Key(LocalDate day, LocalDate utcDay, String period, String model, UUID programmeId, UUID campaignId,
            String channel, boolean attributed, String currency) {
    }

    /** UTC's rules, built once ({@code ZoneOffset.getRules()} builds new ones on every call). */
    private static final ZoneRules UTC = ZoneOffset.UTC.getRules();

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::day).thenComparing(Key::utcDay)
            .thenComparing(Key::period)
            .thenComparing(Key::model)
            .thenComparing(Key::programmeId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::campaignId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::channel, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::attributed).thenComparing(Key::currency);

    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transaction;
    @Inject
    ProgrammeRepository programmes;

    /** Adds the ledger rows of a posting, made in the current transaction, to the roll-up written when it commits. */
    public void addAll(List<CreditRow> rows) {
        Pending pending = pending();
        for (CreditRow row : rows) {
            ZoneRules rules = pending.zones.computeIfAbsent(row.programmeId(), this::rulesOf); // null: UTC
            Instant at = row.conversionAt();
            Key key = new Key(dayIn(at, rules), dayIn(at, UTC), row.period(), row.model(), row.programmeId(),
                    row.campaignId(), row.channel(), row.attributed(), row.currency());
            long[] sums = pending.sums.computeIfAbsent(key, k -> new long[2]);
            sums[0] += row.amountMinor();
            sums[1] += row.conversionUnits();
        }
    }

    /** The calendar day of an instant in a zone (its offset at that instant), without building a zoned date-time. */
    static LocalDate dayIn(Instant at, ZoneRules zone) {
        long local = at.getEpochSecond() + zone.getOffset(at).getTotalSeconds();
        return LocalDate.ofEpochDay(Math.floorDiv(local, 86_400L));
    }

    /**
     * Re-buckets a programme's roll-up from its ledger rows into the days of {@code timeZone} (after the programme's
     * time zone changed); the caller holds the lock that keeps credit from being posted meanwhile.
     */
    public void rebuild(UUID programmeId, String timeZone) {
        Pending pending = (Pending) transaction.getResource(PENDING);
        if (pending != null) {
            pending.zones().clear(); // rows posted after this in the transaction take the new zone
        }
        em.createNativeQuery(REBUILD_DELETE).setParameter(1, programmeId).executeUpdate();
        em.createNativeQuery(REBUILD_INSERT).setParameter(1, programmeId).setParameter(2, timeZone).executeUpdate();
    }

    /** The sums of a transaction's rows by roll-up key, and the time zone of each programme seen (one lookup each). */
    private record Pending(Map<Key, long[]> sums, Map<UUID, ZoneRules> zones) {
    }

    private ZoneRules rulesOf(UUID programmeId) {
        ProgrammeEntity programme = programmeId == null ? null : programmes.findById(programmeId);
        return programme == null ? UTC : ZoneId.of(programme.timeZone).getRules();
    }

    private Pending pending() {
        Pending pending = (Pending) transaction.getResource(PENDING);
        if (pending == null) {
            Pending created = new Pending(new HashMap<>(), new HashMap<>());
            transaction.putResource(PENDING, created);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    write(created.sums());
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing to undo: the rows were written in the transaction
                }
            });
            pending = created;
        }
        return pending;
    }

    private void write(Map<Key, long[]> pending) {
        Map<Key, long[]> ordered = new TreeMap<>(ORDER);
        pending.forEach((key, sums) -> {
            if (sums[0] != 0 || sums[1] != 0) {
                ordered.put(key, sums);
            }
        });
        if (ordered.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (Map.Entry<Key, long[]> e : ordered.entrySet()) {
                    Key k = e.getKey();
                    upsert.setDate(1, Date.valueOf(k.day()));
                    upsert.setDate(2, Date.valueOf(k.utcDay()));
                    upsert.setString(3, k.period());
                    upsert.setString(4, k.model());
                    upsert.setObject(5, k.programmeId(), Types.OTHER);
                    upsert.setObject(6, k.campaignId(), Types.OTHER);
                    upsert.setString(7, k.channel());
                    upsert.setBoolean(8, k.attributed());
                    upsert.setString(9, Objects.requireNonNull(k.currency()));
                    upsert.setLong(10, e.getValue()[0]);
                    upsert.setLong(11, e.getValue()[1]);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }
}
