package io.tally.attribution.experiments;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.tally.attribution.models.datadriven.IncrementalModel;
import io.tally.support.problem.ProblemException;
import io.tally.support.security.Caller;

/**
 * The experiments analysts record ({@code experiment_revision}): each holdout or lift test of a channel over a period,
 * with its measured relative lift and interval, design, and who entered it. Nothing is overwritten: a correction or a
 * withdrawal is a new revision, and the newest revision is what the experiment says now.
 */
@ApplicationScoped
public class Experiments {

    /** The designs an experiment may name. */
    public static final List<String> DESIGNS = List.of("holdout", "geo", "conversion_lift", "ghost_ads", "other");

    /** The largest lift a replicate draws: the largest an experiment may state. */
    static final double MAX_DRAWN_LIFT = 100;

    /** The confidence levels an interval may state, with the standard normal quantile of each. */
    public static final Map<BigDecimal, Double> LEVELS = Map.of(new BigDecimal("0.8"), 1.2815515655446004,
            new BigDecimal("0.9"), 1.6448536269514722, new BigDecimal("0.95"), 1.959963984540054,
            new BigDecimal("0.99"), 2.5758293035489004);

    /**
     * What an analyst enters: a measured relative lift L (treated over held out, minus 1) and its interval at a
     * confidence level.
     */
    public record Measurement(String channel, LocalDate from, LocalDate to, String design, BigDecimal lift,
            BigDecimal liftLow, BigDecimal liftHigh, BigDecimal level, String note) {
    }

    /** One revision of an experiment. */
    public record Revision(String id, int revision, String channel, LocalDate from, LocalDate to, String design,
            BigDecimal lift, BigDecimal liftLow, BigDecimal liftHigh, BigDecimal level, String note,
            boolean withdrawn, String enteredBy, Instant enteredAt) {

        /** Figures in one spelling, as entered or as stored: no trailing zeros ({@code 0.3}, not {@code 0.300000}). */
        public Revision {
            lift = plain(lift);
            liftLow = plain(liftLow);
            liftHigh = plain(liftHigh);
            level = plain(level);
        }

        private static BigDecimal plain(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }

        /** The calibration it stands for: the share of the treated conversions the channel caused, L / (1 + L). */
        public IncrementalModel.Calibration calibration() {
            return IncrementalModel.Calibration.ofLift(channel, lift.doubleValue());
        }

        /**
         * A calibration with the lift drawn from the experiment's interval, for one bootstrap replicate: log(1 + L)
         * normal around log(1 + lift), with the spread that puts liftLow and liftHigh at the interval's level (their
         * log distance over twice the level's normal quantile). An interval of one point draws the lift itself.
         */
        public IncrementalModel.Calibration calibration(SplittableRandom random) {
            double z = LEVELS.getOrDefault(level, LEVELS.get(new BigDecimal("0.9")));
            double spread = (Math.log1p(liftHigh.doubleValue()) - Math.log1p(liftLow.doubleValue())) / (2 * z);
            if (spread <= 0) {
                return calibration();
            }
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            // at most the largest lift an experiment may state (a far tail draw stays a share below 1)
            return IncrementalModel.Calibration.ofLift(channel, Math.min(MAX_DRAWN_LIFT,
                    Math.expm1(Math.log1p(lift.doubleValue()) + spread * normal)));
        }
    }

    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    /** Records a new experiment as its first revision. */
    @Transactional
    public Revision record(Measurement m) {
        return insert("exp-" + UUID.randomUUID(), 1, m, false);
    }

    /** A correction: a new revision with these figures. */
    @Transactional
    public Revision revise(String id, Measurement m) {
        lock(id);
        Revision current = current(id).orElseThrow(() -> notFound(id));
        return insert(id, current.revision() + 1, m, false);
    }

    /**
     * Serialises the changes of one experiment (to the end of the transaction), so two at once become two revisions
     * in turn rather than one revision number taken twice.
     */
    private void lock(String id) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('experiment:' || ?1))").setParameter(1, id)
                .getSingleResult();
    }

    /**
     * A withdrawal: a new revision, the figures kept, that calibrates nothing; withdrawing a withdrawn experiment
     * records nothing and answers its current revision.
     */
    @Transactional
    public Revision withdraw(String id) {
        lock(id);
        Revision c = current(id).orElseThrow(() -> notFound(id));
        if (c.withdrawn()) {
            return c; // already withdrawn: nothing new to record
        }
        return insert(id, c.revision() + 1, new Measurement(c.channel(), c.from(), c.to(), c.design(), c.lift(),
                c.liftLow(), c.liftHigh(), c.level(), c.note()), true);
    }

    /** The newest revision of an experiment. */
    @Transactional
    public Optional<Revision> current(String id) {
        List<Revision> all = history(id);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every revision of an experiment, oldest first. */
    @Transactional
    public List<Revision> history(String id) {
        return read("WHERE experiment_id = ?1 ORDER BY revision", id);
    }

    /** The newest revision of every experiment, withdrawn ones too, newest period first. */
    @Transactional
    public List<Revision> list() {
        Map<String, Revision> newest = new LinkedHashMap<>();
        for (Revision r : read("ORDER BY experiment_id, revision", null)) {
            newest.put(r.id(), r);
        }
        List<Revision> out = new ArrayList<>(newest.values());
        out.sort(Comparator.comparing(Revision::to).reversed().thenComparing(Revision::id));
        return out;
    }

    /**
     * The experiments that calibrate a model trained on {@code [from, to]}: not withdrawn, their period overlapping
     * the window; of several on one channel, the one whose period ends last (then the one entered last).
     */
    @Transactional
    public List<Revision> applicable(LocalDate from, LocalDate to) {
        Map<String, Revision> byChannel = new LinkedHashMap<>();
        list().stream().filter(r -> !r.withdrawn() && !r.from().isAfter(to) && !r.to().isBefore(from))
                .sorted(Comparator.comparing(Revision::to).thenComparing(Revision::enteredAt))
                .forEach(r -> byChannel.put(r.channel(), r));
        return List.copyOf(byChannel.values());
    }

    private Revision insert(String id, int revision, Measurement m, boolean withdrawn) {
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        em.createNativeQuery("INSERT INTO experiment_revision (experiment_id, revision, channel, period_from,"
                + " period_to, design, lift, lift_low, lift_high, note, withdrawn, entered_by, entered_at, level)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
                .setParameter(1, id).setParameter(2, revision).setParameter(3, m.channel())
                .setParameter(4, m.from()).setParameter(5, m.to()).setParameter(6, m.design())
                .setParameter(7, m.lift()).setParameter(8, m.liftLow()).setParameter(9, m.liftHigh())
                .setParameter(10, m.note()).setParameter(11, withdrawn).setParameter(12, caller.name())
                .setParameter(13, at).setParameter(14, m.level()).executeUpdate();
        return new Revision(id, revision, m.channel(), m.from(), m.to(), m.design(), m.lift(), m.liftLow(),
                m.liftHigh(), m.level(), m.note(), withdrawn, caller.name(), at);
    }

    @SuppressWarnings("unchecked")
    private List<Revision> read(String where, String id) {
        var query = em.createNativeQuery("SELECT experiment_id, revision, channel, period_from, period_to, design,"
                + " lift, lift_low, lift_high, note, withdrawn, entered_by, entered_at, level FROM experiment_revision "
                + where);
        if (id != null) {
            query.setParameter(1, id);
        }
        List<Revision> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            out.add(new Revision((String) r[0], ((Number) r[1]).intValue(), (String) r[2], day(r[3]), day(r[4]),
                    (String) r[5], (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8], (BigDecimal) r[13],
                    (String) r[9], (Boolean) r[10], (String) r[11], instant(r[12])));
        }
        return out;
    }

    private static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("experiment " + id);
    }
}
