package io.tally.attribution.storage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.ledger.LedgerLock;

/**
 * Keeps the monthly partitions of the high-volume tables (migration V20): touchpoints by the UTC month they occurred in,
 * ledger rows and journal entries by their posting period. At start-up and every
 * {@code tally.attribution.partitions.interval} it makes the partitions of the last month, this one and the next
 * {@code months-ahead}, and gives every month whose rows landed in a table's default partition (a month without a
 * partition yet: old imports, clocks far off) a partition of its own, moving the rows into it. It holds the ledger lock
 * exclusively meanwhile, so no row is written into a month while it moves; every replica may run it, one at a time.
 */
@ApplicationScoped
public class MonthlyPartitions {

    private static final Logger LOG = Logger.getLogger(MonthlyPartitions.class);

    /** A partitioned table: its name, and the expression of a default-partition row's month (as a date). */
    private record Table(String name, String month, boolean byPeriod) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("touchpoint", "date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date", false),
            new Table("credit", "to_date(period, 'YYYY-MM')", true),
            new Table("revenue_entry", "to_date(period, 'YYYY-MM')", true));

    @Inject
    EntityManager em;
    @Inject
    LedgerLock ledgerLock;
    @Inject
    AttributionConfig config;

    Clock clock = Clock.systemUTC();

    void onStart(@Observes StartupEvent start) {
        maintain();
    }

    @Scheduled(identity = "monthly-partitions", every = "${tally.attribution.partitions.interval}", delayed = "${tally.attribution.partitions.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        maintain();
    }

    /** Makes the partitions due now and moves rows out of the default partitions; returns the partitions it made. */
    @Transactional
    public List<String> maintain() {
        ledgerLock.exclusive();
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        List<String> made = new java.util.ArrayList<>();
        for (Table table : TABLES) {
            Set<YearMonth> months = new TreeSet<>();
            for (int m = -1; m <= config.partitions().monthsAhead(); m++) {
                months.add(now.plusMonths(m));
            }
            months.addAll(monthsInDefault(table));
            for (YearMonth month : months) {
                if (!exists(partitionOf(table, month))) {
                    make(table, month);
                    made.add(partitionOf(table, month));
                }
            }
        }
        if (!made.isEmpty()) {
            LOG.infof("made monthly partitions %s", made);
        }
        return made;
    }

    /** The partition that holds a table's rows of {@code month}, e.g. {@code touchpoint_y2026m12}. */
    public static String partitionOf(String table, YearMonth month) {
        return "%s_y%04dm%02d".formatted(table, month.getYear(), month.getMonthValue());
    }

    private static String partitionOf(Table table, YearMonth month) {
        return partitionOf(table.name(), month);
    }

    @SuppressWarnings("unchecked")
    private Set<YearMonth> monthsInDefault(Table table) {
        List<Object> rows = em.createNativeQuery("SELECT DISTINCT " + table.month() + " FROM " + table.name()
                + "_default").getResultList();
        Set<YearMonth> months = new TreeSet<>();
        rows.forEach(day -> months.add(YearMonth.from(toLocalDate(day))));
        return months;
    }

    private static LocalDate toLocalDate(Object day) {
        return day instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) day;
    }

    private boolean exists(String partition) {
        return em.createNativeQuery("SELECT to_regclass(?1)::text").setParameter(1, partition)
                .getSingleResult() != null;
    }

    /**
     * Makes the month's partition: a table like the parent, the month's rows moved into it from the default partition,
     * then attached (which builds its indexes and checks the default partition holds none of the month any more).
     */
    private void make(Table table, YearMonth month) {
        String partition = partitionOf(table, month);
        String bounds;
        String inMonth;
        if (table.byPeriod()) {
            bounds = "FOR VALUES IN ('" + month + "')";
            inMonth = "period = '" + month + "'";
        } else {
            String from = month.atDay(1) + " 00:00:00+00";
            String to = month.plusMonths(1).atDay(1) + " 00:00:00+00";
            bounds = "FOR VALUES FROM ('" + from + "') TO ('" + to + "')";
            inMonth = "occurred_at >= '" + from + "' AND occurred_at < '" + to + "'";
        }
        em.createNativeQuery("CREATE TABLE " + partition + " (LIKE " + table.name()
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)").executeUpdate();
        em.createNativeQuery("WITH moved AS (DELETE FROM " + table.name() + "_default WHERE " + inMonth
                + " RETURNING *) INSERT INTO " + partition + " SELECT * FROM moved").executeUpdate();
        em.createNativeQuery("ALTER TABLE " + table.name() + " ATTACH PARTITION " + partition + " " + bounds)
                .executeUpdate();
    }
}
