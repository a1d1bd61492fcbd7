package io.tally.attribution.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.directory.ProgrammeTouchRules;
import io.tally.attribution.directory.TouchResolver;
import io.tally.attribution.directory.TouchWeighting;
import io.tally.attribution.experiments.Experiments;
import io.tally.attribution.intake.ConversionRepository;
import io.tally.attribution.journeys.JourneyRepository;
import io.tally.attribution.ledger.AdvisoryLocks;
import io.tally.attribution.ledger.CreditReason;
import io.tally.attribution.ledger.CreditService;
import io.tally.attribution.ledger.LedgerLock;
import io.tally.attribution.models.datadriven.BootstrapIntervals;
import io.tally.attribution.models.datadriven.IncrementalModel;
import io.tally.attribution.models.datadriven.IncrementalResult;
import io.tally.attribution.models.datadriven.JourneyPathBuilder;
import io.tally.attribution.models.datadriven.MarkovModel;
import io.tally.attribution.models.datadriven.MarkovResult;
import io.tally.attribution.models.datadriven.PathStat;
import io.tally.attribution.models.datadriven.ShapleyModel;
import io.tally.attribution.models.datadriven.ShapleyResult;
import io.tally.attribution.models.datadriven.TrainedModel;
import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/**
 * Trains the data-driven models on live journeys: the path statistics (converting and non-converting) of a window of
 * days are built from the ledger's touchpoints and conversions by profile, the model is fitted exactly, and the result
 * is stored as a version named by its model, parameters, window and data fingerprint. The newest version credits new
 * conversions; conversions of the window that the model has not credited yet are credited at once. Credit posted under
 * an older version is never rewritten.
 * <p>
 * About 400 lines, as one use case from the window to the stored version and the catch-up crediting; the fitting
 * itself is in {@code models.datadriven}.
 */
@ApplicationScoped
public class ModelTrainingService {

    private static final Logger LOG = Logger.getLogger(ModelTrainingService.class);
    private static final int CREDIT_BATCH = 200;
    /** Seeds the experiments' lift draws of the bootstrap replicates, so a version's intervals are repeatable. */
    private static final long LIFT_DRAWS_SEED = 20_261_207L;

    /** A stored version, as the API shows it. */
    public record Version(String version, String model, String parameters, LocalDate from, LocalDate to,
            int lookbackDays, String dataHash, BigDecimal journeys, BigDecimal conversions,
            Map<String, BigDecimal> weights, Map<String, Object> details, Instant trainedAt) {
    }

    /** A training's outcome: the version, and how many conversions it credited that the model had not credited. */
    public record Training(Version version, long credited) {
    }

    @Inject
    JourneyRepository journeys;
    @Inject
    ModelVersionRepository versions;
    @Inject
    ConversionRepository conversions;
    @Inject
    CreditService credits;
    @Inject
    LedgerLock ledgerLock;
    @Inject
    TrainedModels trained;
    @Inject
    AdvisoryLocks locks;
    @Inject
    AttributionConfig config;
    @Inject
    TouchWeighting weighting;
    @Inject
    TouchResolver resolver;
    @Inject
    Experiments experiments;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /**
     * Retrains every enabled data-driven model on the configured window, up to yesterday; {@code markov} at every order
     * in use (the deployment's and each programme's).
     */
    @Scheduled(identity = "model-training", cron = "${tally.attribution.training.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retrain() {
        LocalDate to = LocalDate.now(clock).minusDays(1);
        LocalDate from = to.minusDays(config.training().windowDays() - 1L);
        for (String model : config.models()) {
            if (!TrainedModels.NAMES.contains(model)) {
                continue;
            }
            List<Integer> orders = MarkovModel.NAME.equals(model) ? markovOrdersInUse() : List.of(0);
            for (int order : orders) {
                try {
                    Training t = train(model, from, to, order == 0 ? null : order);
                    LOG.infof("trained %s; credited %d conversions", t.version().version(), t.credited());
                } catch (ProblemException e) {
                    LOG.infof("%s not retrained: %s", model, e.getMessage());
                }
            }
        }
    }

    /** The Markov orders conversions are credited with: the deployment's and every programme's own. */
    @SuppressWarnings("unchecked")
    List<Integer> markovOrdersInUse() {
        List<Number> programmes = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT DISTINCT CAST(model_settings ->> 'markovOrder' AS int) FROM programme"
                        + " WHERE model_settings ->> 'markovOrder' IS NOT NULL")
                .getResultList());
        TreeSet<Integer> orders = new TreeSet<>();
        orders.add(config.markovOrder());
        programmes.forEach(order -> orders.add(order.intValue()));
        return List.copyOf(orders);
    }

    /** Trains a data-driven model ({@code markov} at the deployment's order) on {@code [from, to]}. */
    public Training train(String model, LocalDate from, LocalDate to) {
        return train(model, from, to, null);
    }

    /**
     * Trains a data-driven model on the journeys that ended in {@code [from, to]} (whole UTC days); {@code markov} at
     * {@code markovOrder} (null: the deployment's order).
     *
     * @throws ProblemException 400 for an unknown model, a bad window or an order given for another model than markov;
     *         422 when the window has no converting journey
     */
    public Training train(String model, LocalDate from, LocalDate to, Integer markovOrder) {
        if (!TrainedModels.NAMES.contains(model)) {
            throw ProblemException.invalid("model", "must be one of " + String.join(", ", TrainedModels.NAMES));
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= 366) {
            throw ProblemException.invalid("to", "a training window spans at most 366 days");
        }
        if (markovOrder != null && !MarkovModel.NAME.equals(model)) {
            throw ProblemException.invalid("order", "only markov has an order");
        }
        int order = markovOrder == null ? config.markovOrder() : markovOrder;
        Version version = QuarkusTransaction.requiringNew().timeout(600).call(() -> fitAndStore(model, from, to,
                order));
        trained.invalidate(model);
        long credited = creditUncredited(model, from, to);
        return new Training(version, credited);
    }

    /** Every stored version of a model, newest first. */
    public List<Version> versions(String model) {
        return QuarkusTransaction.requiringNew().call(() -> versions.versions(model).stream().map(this::toVersion)
                .toList());
    }

    private Version fitAndStore(String model, LocalDate from, LocalDate to, int markovOrder) {
        locks.lock("training:" + model); // replicas retraining at once store one version
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int lookbackDays = config.defaultLookbackDays();
        // each touch weighs and reaches back as its programme says (the deployment's defaults for touches of none)
        ProgrammeTouchRules rules = resolver.touchRules();
        JourneyPathBuilder paths = new JourneyPathBuilder(Duration.ofDays(lookbackDays), start);
        try (Stream<JourneyRepository.JourneyEvent> events = journeys.journeyEvents(start.minus(rules
                .longestLookback()), end, weighting.eligibleInteractions(), true)) {
            events.forEach(e -> {
                if (e.conversion()) {
                    paths.conversion(e.profileId(), e.at());
                } else if (rules.eligible(e.programmeId(), e.interaction())) {
                    paths.touch(e.profileId(), e.at(), e.state(), rules.lookbackOf(e.programmeId()));
                }
            });
        }
        List<PathStat> rows = paths.build();
        BigDecimal converting = rows.stream().filter(r -> !r.path().isEmpty()).map(PathStat::conversions)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (converting.signum() == 0) {
            throw ProblemException.unprocessable(List.of(new Violation("window", "has no converting journey with"
                    + " touches between " + from + " and " + to + "; nothing to learn from")));
        }
        String parameters;
        Map<String, BigDecimal> weights;
        Map<String, Object> details = new LinkedHashMap<>();
        if (MarkovModel.NAME.equals(model)) {
            MarkovModel markov = new MarkovModel(markovOrder);
            MarkovResult result = markov.fit(rows);
            parameters = MarkovModel.parametersOf(markov.order());
            weights = result.weights();
            details.put("conversionProbability", result.conversionProbability());
            details.put("removalEffects", result.removalEffects());
            putIntervals(details, model, rows, BootstrapIntervals.sharesOf(weights),
                    r -> BootstrapIntervals.sharesOf(markov.fit(r).weights()));
        } else if (IncrementalModel.NAME.equals(model)) {
            List<Experiments.Revision> tests = experiments.applicable(from, to);
            IncrementalResult result = new IncrementalModel(config.intentSignals()).fit(rows,
                    tests.stream().map(Experiments.Revision::calibration).toList());
            parameters = "rho" + BigDecimal.valueOf(result.decay()).stripTrailingZeros().toPlainString()
                    + (tests.isEmpty() ? "" : ";experiments=" + experimentsKey(tests));
            weights = result.weights();
            details.put("decay", result.decay());
            details.put("intercept", result.intercept());
            details.put("intentWeight", result.intentWeight());
            details.put("intentSignals", result.intentSignals());
            details.put("lifts", result.lifts());
            details.put("intentSlopes", result.intentSlopes());
            details.put("credit", result.credit());
            details.put("iterations", result.iterations());
            details.put("experiments", applied(tests, result.calibrations()));
            // each replicate refits at the chosen recency base, with each experiment's lift drawn from its interval
            IncrementalModel refit = new IncrementalModel(config.intentSignals(), List.of(result.decay()));
            SplittableRandom lifts = new SplittableRandom(LIFT_DRAWS_SEED);
            putIntervals(details, model, rows, BootstrapIntervals.shares(result.credit()),
                    r -> BootstrapIntervals.shares(refit.fit(r, tests.stream().map(t -> t.calibration(lifts))
                            .toList()).credit()));
        } else {
            ShapleyResult result = new ShapleyModel().fit(rows);
            parameters = result.exact() ? "exact" : "sampled" + result.samples();
            weights = result.weights();
            details.put("exact", result.exact());
            details.put("values", result.values());
            details.put("interactions", result.interactions());
            putIntervals(details, model, rows, BootstrapIntervals.sharesOf(weights),
                    r -> BootstrapIntervals.sharesOf(new ShapleyModel().fit(r).weights()));
        }
        String hash = TrainedModel.fingerprint(rows);
        ModelVersionEntity entity = new ModelVersionEntity();
        entity.version = model + "@" + parameters + ":" + from + ".." + to + ":" + hash.substring(0, 12);
        entity.model = model;
        entity.parameters = parameters;
        entity.windowFrom = from;
        entity.windowTo = to;
        entity.lookbackDays = lookbackDays;
        entity.dataHash = hash;
        entity.journeys = rows.stream().map(PathStat::journeys).reduce(BigDecimal.ZERO, BigDecimal::add);
        entity.conversions = rows.stream().map(PathStat::conversions).reduce(BigDecimal.ZERO, BigDecimal::add);
        entity.weights = write(plain(weights));
        entity.details = write(details);
        entity.trainedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        versions.save(entity);
        return toVersion(versions.findById(entity.version));
    }

    /** Credits, in batches, the window's conversions that have no ledger row under the model yet. */
    @SuppressWarnings("unchecked")
    private long creditUncredited(String model, LocalDate from, LocalDate to) {
        if (!config.models().contains(model)) {
            return 0;
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long credited = 0;
        String after = "";
        while (true) {
            String cursor = after;
            List<String> batch = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT v.event_id FROM conversion v WHERE v.occurred_at >= ?1 AND v.occurred_at < ?2"
                            + " AND v.event_id > ?3 AND NOT EXISTS (SELECT 1 FROM credit c"
                            + " WHERE c.conversion_event_id = v.event_id AND c.model = ?4)"
                            + " ORDER BY v.event_id LIMIT " + CREDIT_BATCH)
                    .setParameter(1, start).setParameter(2, end).setParameter(3, cursor).setParameter(4, model)
                    .getResultList());
            if (batch.isEmpty()) {
                return credited;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                LedgerLock.Held held = ledgerLock.forCrediting();
                credits.creditAll(held,
                        conversions.lockAll(batch).stream().map(conversion -> new CreditService.Crediting(
                                conversion, "training:" + model, CreditReason.MODEL_TRAINING, false)).toList());
            });
            credited += batch.size();
            after = batch.get(batch.size() - 1);
        }
    }

    private Version toVersion(ModelVersionEntity e) {
        try {
            Map<String, BigDecimal> weights = new TreeMap<>(trained.toModel(e).channelWeights());
            @SuppressWarnings("unchecked")
            Map<String, Object> details = json.readValue(e.details, Map.class);
            return new Version(e.version, e.model, e.parameters, e.windowFrom, e.windowTo, e.lookbackDays,
                    e.dataHash.trim(), e.journeys, e.conversions, weights, details, e.trainedAt);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("model version " + e.version + " is unreadable", ex);
        }
    }

    /**
     * The version's 90 % bootstrap intervals ({@code tally.attribution.training.interval-replicates} replicates; none
     * when 0), per state ({@code details.intervals}) and per channel, its states summed
     * ({@code details.channelIntervals}, what the model comparison shows): they travel with the version, the ledger
     * keeps points.
     */
    private void putIntervals(Map<String, Object> details, String model, List<PathStat> rows,
            Map<String, Double> point, java.util.function.Function<List<PathStat>, Map<String, Double>> fit) {
        int replicates = config.training().intervalReplicates();
        List<Map<String, Double>> draws = replicates <= 0
                ? List.of()
                : BootstrapIntervals.replicates(rows, fit, replicates);
        details.put("intervals", entries("state", replicates <= 0
                ? List.of()
                : BootstrapIntervals.around(model, point, draws, BootstrapIntervals.LEVEL)));
        details.put("channelIntervals", entries("channel", replicates <= 0
                ? List.of()
                : BootstrapIntervals.around(model, BootstrapIntervals.byChannel(point),
                        draws.stream().map(BootstrapIntervals::byChannel).toList(), BootstrapIntervals.LEVEL)));
    }

    private static List<Map<String, Object>> entries(String key, List<BootstrapIntervals.Interval> intervals) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (BootstrapIntervals.Interval i : intervals) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(key, i.channel());
            entry.put("share", i.share());
            entry.put("low", i.low());
            entry.put("high", i.high());
            entry.put("level", i.level());
            entry.put("replicates", i.replicates());
            out.add(entry);
        }
        return out;
    }

    /** The experiments a version was calibrated to, as its details list them. */
    private static List<Map<String, Object>> applied(List<Experiments.Revision> tests,
            List<IncrementalResult.Applied> calibrations) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Experiments.Revision test : tests) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", test.id());
            entry.put("revision", test.revision());
            entry.put("channel", test.channel());
            entry.put("design", test.design());
            entry.put("lift", test.lift());
            entry.put("from", test.from().toString());
            entry.put("to", test.to().toString());
            Optional<IncrementalResult.Applied> applied = calibrations.stream()
                    .filter(c -> c.channel().equals(test.channel())).findFirst();
            entry.put("applied", applied.isPresent());
            applied.ifPresent(a -> {
                entry.put("measuredShare", a.measuredShare());
                entry.put("uncalibratedShare", a.uncalibratedShare());
                entry.put("calibratedShare", a.calibratedShare());
            });
            out.add(entry);
        }
        return out;
    }

    /** A short, stable key of the experiment revisions applied (a new revision is a new version). */
    private static String experimentsKey(List<Experiments.Revision> tests) {
        String ids = tests.stream().map(t -> t.id() + "r" + t.revision()).sorted()
                .reduce((a, b) -> a + "," + b).orElse("");
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(ids.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> plain(Map<String, BigDecimal> weights) {
        Map<String, String> out = new TreeMap<>();
        weights.forEach((channel, weight) -> out.put(channel, weight.toPlainString()));
        return out;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
