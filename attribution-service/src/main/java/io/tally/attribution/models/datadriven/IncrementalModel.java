package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The incremental model: a latent-intent model of exposure and conversion, fitted by maximum likelihood on converting
 * and non-converting journeys, whose credit is each channel's expected incremental conversions.
 *
 * <p>
 * Every journey has an unobserved purchase intent u ~ N(0, 1). Intent decides which states a journey reaches and, with
 * the touches, whether it converts:
 *
 * <pre>
 * P(journey reaches state s | u)          = σ(a_s + b_s·u)
 * P(convert | u, touches)                 = σ(β0 + γ·u + Σ_s λ_s·e_s),   λ_s ≥ 0
 * e_s = ρ^k   k = the touches after the journey's last touch of state s (0 if s is the last touch), 0 if unreached
 * </pre>
 *
 * Without u, a state that high-intent customers reach just before buying (typing the address, searching the brand)
 * looks like a cause. With it, the reach model learns which states go with intent (b_s) and the conversion model can
 * tell intent (γ) from a touch's lift (λ_s). That separation needs at least one <em>intent signal</em>: a channel known
 * to have no lift of its own, whose states are exposure indicators with λ fixed at 0 (a negative-control exposure; by
 * default {@code direct}). Its link with conversion is then all intent, which fixes γ, and γ with the reach slopes
 * removes intent from every other state's lift. Lifts are at least 0 (a touch does not lower the chance to buy).
 *
 * <p>
 * The fit is EM over a {@value #NODES}-point quadrature of N(0, 1) on [−4, 4], accelerated by SQUAREM, started
 * from the marginal rates, no lift and slopes of {@value #START_SLOPE}; it stops when a round moves the
 * log-likelihood by less than {@value #TOLERANCE} of itself, or after {@value #MAX_ITERATIONS} rounds. Slopes, γ and
 * lifts carry a ridge penalty of {@value #RIDGE}. The recency base ρ is the one of {@link #DECAYS} whose fit has the
 * highest likelihood. Everything is deterministic: the same rows give the same result, in any order.
 *
 * <p>
 * Credit: for a journey with touches, the game v(S) = E[σ(β0 + γu + Σ_{s∈S} λ_s·e_s) − σ(β0 + γu)] over intent
 * given what was seen (its states and whether it converted) is split by exact Shapley values among its credited
 * states (up to {@value #MAX_EXACT_STATES}; above that in proportion to λ_s·e_s). A state's credit is its sum over
 * every journey, converting or not: the conversions it is expected to have caused.
 */
public final class IncrementalModel {

    /** The model's name. */
    public static final String NAME = "incremental";

    /** The recency bases tried; 1 means a touch counts fully however many touches followed it. */
    public static final List<Double> DECAYS = List.of(1.0, 0.85, 0.7, 0.5);

    /** The channels that only signal intent unless configured otherwise. */
    public static final Set<String> DEFAULT_INTENT_SIGNALS = Set.of("direct");

    static final int NODES = 25;
    static final int MAX_ITERATIONS = 200;
    static final double TOLERANCE = 1e-11;
    static final double RIDGE = 1.0;
    static final int MAX_EXACT_STATES = 12;
    static final int CALIBRATION_ROUNDS = 4;
    static final double START_SLOPE = 0.1;
    /** Touches after a state's last touch count up to this many: ρ^24 is under 0.021 for every ρ in DECAYS below 1. */
    static final int MAX_AFTER = 24;

    private static final double[] Z = new double[NODES];
    private static final double[] LOG_W = new double[NODES];

    static {
        double sum = 0;
        double[] w = new double[NODES];
        for (int k = 0; k < NODES; k++) {
            Z[k] = -4.0 + 8.0 * k / (NODES - 1);
            w[k] = Math.exp(-Z[k] * Z[k] / 2);
            sum += w[k];
        }
        for (int k = 0; k < NODES; k++) {
            LOG_W[k] = Math.log(w[k] / sum);
        }
    }

    private final Set<String> intentSignals;
    private final List<Double> decays;

    /** With {@link #DEFAULT_INTENT_SIGNALS}. */
    public IncrementalModel() {
        this(DEFAULT_INTENT_SIGNALS);
    }

    /** @param intentSignals channel names whose states signal intent and earn nothing */
    public IncrementalModel(Set<String> intentSignals) {
        this(intentSignals, DECAYS);
    }

    /**
     * @param intentSignals channel names whose states signal intent and earn nothing
     * @param decays the recency bases to try (one, to refit at a base already chosen, as a bootstrap does)
     */
    public IncrementalModel(Set<String> intentSignals, List<Double> decays) {
        this.intentSignals = Set.copyOf(intentSignals);
        if (decays.isEmpty() || decays.stream().anyMatch(d -> !(d > 0 && d <= 1))) {
            throw new IllegalArgumentException("decays must be in (0, 1], at least one: " + decays);
        }
        this.decays = List.copyOf(decays);
    }

    /** The channel of a path entry: {@code email} of {@code email:open}. */
    static String channelOf(String state) {
        int colon = state.indexOf(':');
        return colon < 0 ? state : state.substring(0, colon);
    }

    /**
     * Fits the model; the result does not depend on the order of the rows.
     *
     * @throws IllegalArgumentException when no row has a touch
     */
    public IncrementalResult fit(List<PathStat> rows) {
        return fit(rows, List.of());
    }

    /**
     * A measured effect of one channel, from a holdout or lift test: the share of the conversions of journeys
     * exposed to the channel that the channel caused. A test that measured a relative lift L (exposed against held
     * out) gives L / (1 + L).
     *
     * @param channel the channel, as the paths name it ({@code paid_search}; every state {@code paid_search:*})
     * @param incrementalShare at least 0 and below 1
     */
    public record Calibration(String channel, double incrementalShare) {

        public Calibration {
            if (!(incrementalShare >= 0 && incrementalShare < 1)) {
                throw new IllegalArgumentException("incrementalShare must be in [0, 1), was " + incrementalShare);
            }
        }

        /** From a relative lift L > −1: L / (1 + L), at least 0. */
        public static Calibration ofLift(String channel, double lift) {
            return new Calibration(channel, Math.max(0, lift / (1 + lift)));
        }
    }

    /**
     * Fits the model, then calibrates it to measured effects: each calibrated channel's lifts are scaled (one factor
     * for all its states) until the share of its exposed journeys' conversions the model says it caused equals the
     * measured one, and the intercept and the other lifts are refitted with those lifts held, intent and the reach
     * model staying as the data fitted them (refitting them too lets intent absorb what the experiment moved);
     * {@value #CALIBRATION_ROUNDS} rounds.
     * A calibration for a channel the rows never reach, or an intent signal, is not applied.
     */
    public IncrementalResult fit(List<PathStat> rows, List<Calibration> calibrations) {
        Data data = Data.of(rows, intentSignals);
        Fit best = null;
        for (double decay : decays) {
            Fit fit = new Fit(data.at(decay), data);
            fit.run();
            fit.orient();
            if (best == null || fit.logLikelihood > best.logLikelihood) {
                best = fit;
            }
        }
        List<IncrementalResult.Applied> applied = best.calibrate(calibrations);
        return best.result(applied);
    }

    /** The journeys grouped by what the model sees of them: which states, how many touches after each, converted. */
    record Data(List<String> states, boolean[] signal, List<Unit> units, double total) {

        static Data of(List<PathStat> rows, Set<String> intentSignals) {
            TreeSet<String> names = new TreeSet<>();
            rows.forEach(r -> names.addAll(r.path()));
            if (names.isEmpty()) {
                throw new IllegalArgumentException("no journey has a touch; nothing to learn from");
            }
            List<String> states = List.copyOf(names);
            Map<String, Integer> index = new HashMap<>();
            for (int j = 0; j < states.size(); j++) {
                index.put(states.get(j), j);
            }
            boolean[] signal = new boolean[states.size()];
            for (int j = 0; j < signal.length; j++) {
                signal[j] = intentSignals.contains(channelOf(states.get(j)));
            }
            Map<String, Unit> units = new LinkedHashMap<>();
            double total = 0;
            // one order whatever the caller's, so that sums come out the same to the last bit
            List<PathStat> sorted = new ArrayList<>(rows);
            sorted.sort(java.util.Comparator.comparing((PathStat r) -> String.join(">", r.path()))
                    .thenComparing(PathStat::conversions).thenComparing(PathStat::nulls));
            for (PathStat row : sorted) {
                int[] after = new int[states.size()];
                Arrays.fill(after, -1);
                List<String> path = row.path();
                for (int t = 0; t < path.size(); t++) {
                    after[index.get(path.get(t))] = path.size() - 1 - t;
                }
                double conversions = row.conversions().doubleValue();
                double nulls = row.nulls().doubleValue();
                total += conversions + nulls;
                String key = Arrays.toString(after);
                if (conversions > 0) {
                    units.merge(key + "+", new Unit(after, true, conversions), Unit::plus);
                }
                if (nulls > 0) {
                    units.merge(key + "-", new Unit(after, false, nulls), Unit::plus);
                }
            }
            return new Data(states, signal, new ArrayList<>(new TreeMap<>(units).values()), total);
        }

        /** The units at recency base {@code decay}, those it cannot tell apart merged. */
        Grouped at(double decay) {
            Map<String, Integer> index = new TreeMap<>();
            List<Unit> merged = new ArrayList<>();
            for (Unit unit : units) {
                int[] key = unit.after().clone();
                for (int j = 0; j < key.length; j++) {
                    key[j] = key[j] < 0 ? -1 : decay == 1.0 ? 0 : Math.min(key[j], MAX_AFTER);
                }
                String name = Arrays.toString(key) + unit.converted();
                Integer at = index.get(name);
                if (at == null) {
                    index.put(name, merged.size());
                    merged.add(new Unit(key, unit.converted(), unit.weight()));
                } else {
                    merged.set(at, merged.get(at).plus(unit));
                }
            }
            int size = merged.size();
            int[][] after = new int[size][];
            double[][] exposure = new double[size][states.size()];
            boolean[] converted = new boolean[size];
            double[] weight = new double[size];
            for (int i = 0; i < size; i++) {
                Unit unit = merged.get(i);
                after[i] = unit.after();
                for (int j = 0; j < states.size(); j++) {
                    exposure[i][j] = after[i][j] < 0 ? 0 : Math.pow(decay, after[i][j]);
                }
                converted[i] = unit.converted();
                weight[i] = unit.weight();
            }
            return new Grouped(decay, after, exposure, converted, weight);
        }
    }

    /**
     * The journeys as one recency base ρ sees them: each distinct exposure vector and outcome once, with its weight
     * and, per state, its touches after the last touch of the state (−1 unreached; any such count will do at ρ = 1).
     */
    record Grouped(double decay, int[][] after, double[][] exposure, boolean[] converted, double[] weight) {
    }

    /** Journeys that look alike: touches after each state's last touch (−1 unreached), converted, how many. */
    record Unit(int[] after, boolean converted, double weight) {

        Unit plus(Unit other) {
            return new Unit(after, converted, weight + other.weight);
        }
    }

    /** One EM fit at one recency base. */
    static final class Fit {

        final Grouped units;
        final boolean[] signal;
        final List<String> states;
        final double decay;
        final int n;
        final int size;
        final double[] a;
        final double[] b;
        final double[] lift;
        /** A lift held by a calibration, NaN where the lift is free. */
        final double[] fixed;
        /** While calibrating, intent and the reach model stay as the data fitted them. */
        boolean intentHeld;
        double intercept;
        double intent;
        double logLikelihood = Double.NEGATIVE_INFINITY;
        int iterations;
        final double[][] exposure;
        final double[][] posterior;

        Fit(Grouped units, Data data) {
            this.units = units;
            this.signal = data.signal();
            this.states = data.states();
            this.decay = units.decay();
            this.n = states.size();
            this.size = units.weight().length;
            a = new double[n];
            b = new double[n];
            lift = new double[n];
            fixed = new double[n];
            Arrays.fill(fixed, Double.NaN);
            exposure = units.exposure();
            posterior = new double[size][NODES];
            double converted = 0;
            double total = data.total();
            double[] reached = new double[n];
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < n; j++) {
                    if (units.after()[i][j] >= 0) {
                        reached[j] += units.weight()[i];
                    }
                }
                converted += units.converted()[i] ? units.weight()[i] : 0;
            }
            // from the marginal rates, with a little intent (at exactly none, u and −u balance and EM cannot leave)
            for (int j = 0; j < n; j++) {
                a[j] = logit((reached[j] + 0.5) / (total + 1));
                b[j] = START_SLOPE;
            }
            intercept = logit((converted + 0.5) / (total + 1));
            intent = START_SLOPE;
        }

        /**
         * EM accelerated by SQUAREM (Varadhan and Roland, 2008): two EM steps from θ0 give r = θ1 − θ0 and
         * v = θ2 − 2θ1 + θ0; the jump θ0 − 2αr + α²v with α = −|r|/|v| (at most −1) is kept when an EM step from it
         * does not lose likelihood, else the plain EM step θ2 is. EM alone crawls along the ridge where intent and
         * the intent slopes trade off.
         */
        void run() {
            double previous = expectation();
            for (iterations = 1; iterations <= MAX_ITERATIONS; iterations++) {
                double[] start = state();
                step();
                double[] first = state();
                step();
                double[] second = state();
                double[] r = new double[start.length];
                double[] v = new double[start.length];
                double rr = 0;
                double vv = 0;
                for (int i = 0; i < start.length; i++) {
                    r[i] = first[i] - start[i];
                    v[i] = second[i] - 2 * first[i] + start[i];
                    rr += r[i] * r[i];
                    vv += v[i] * v[i];
                }
                double plain = expectation();
                if (vv > 0) {
                    double alpha = Math.min(-1, -Math.sqrt(rr / vv));
                    double[] jump = new double[start.length];
                    for (int i = 0; i < start.length; i++) {
                        jump[i] = start[i] - 2 * alpha * r[i] + alpha * alpha * v[i];
                    }
                    restore(jump);
                    expectation();
                    step();
                    double accelerated = expectation();
                    if (!(accelerated >= plain)) {
                        restore(second);
                        expectation();
                    }
                }
                logLikelihood = expectation();
                if (Math.abs(logLikelihood - previous) <= TOLERANCE * Math.abs(logLikelihood)) {
                    break;
                }
                previous = logLikelihood;
            }
        }

        /** One EM round from the current posterior. */
        void step() {
            if (!intentHeld) {
                maximiseReach();
            }
            maximiseConversion();
            expectation();
        }

        /** a, b, β0, γ and the lifts as one vector. */
        double[] state() {
            double[] out = new double[3 * n + 2];
            System.arraycopy(a, 0, out, 0, n);
            System.arraycopy(b, 0, out, n, n);
            out[2 * n] = intercept;
            out[2 * n + 1] = intent;
            System.arraycopy(lift, 0, out, 2 * n + 2, n);
            return out;
        }

        /** Sets the vector back, lifts kept at 0 or more and intent signals' at 0. */
        void restore(double[] state) {
            System.arraycopy(state, 0, a, 0, n);
            System.arraycopy(state, n, b, 0, n);
            intercept = state[2 * n];
            intent = state[2 * n + 1];
            for (int j = 0; j < n; j++) {
                lift[j] = signal[j] ? 0 : Double.isNaN(fixed[j]) ? Math.max(0, state[2 * n + 2 + j]) : fixed[j];
            }
        }

        /** The fit done: the sign of intent fixed so that it raises the chance to buy. */
        void orient() {
            if (intent < 0) { // u and −u fit alike: intent raises the chance to buy
                intent = -intent;
                for (int j = 0; j < n; j++) {
                    b[j] = -b[j];
                }
                expectation();
            }
        }

        /** Posterior over the nodes per unit (each row sums to the unit's weight); returns the log-likelihood. */
        double expectation() {
            double total = 0;
            double[] log = new double[NODES];
            // log P(reached | node) and log P(not reached | node) per state, once per round
            double[][] in = new double[n][NODES];
            double[][] out = new double[n][NODES];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < NODES; k++) {
                    in[j][k] = logBernoulli(true, a[j] + b[j] * Z[k]);
                    out[j][k] = logBernoulli(false, a[j] + b[j] * Z[k]);
                }
            }
            for (int i = 0; i < size; i++) {
                double linear = linear(i);
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < NODES; k++) {
                    double l = LOG_W[k];
                    for (int j = 0; j < n; j++) {
                        l += units.after()[i][j] >= 0 ? in[j][k] : out[j][k];
                    }
                    l += logBernoulli(units.converted()[i], linear + intent * Z[k]);
                    log[k] = l;
                    max = Math.max(max, l);
                }
                double sum = 0;
                for (int k = 0; k < NODES; k++) {
                    posterior[i][k] = Math.exp(log[k] - max);
                    sum += posterior[i][k];
                }
                for (int k = 0; k < NODES; k++) {
                    posterior[i][k] *= units.weight()[i] / sum;
                }
                total += units.weight()[i] * (max + Math.log(sum));
            }
            return total - penalty();
        }

        double penalty() {
            double p = intent * intent;
            for (int j = 0; j < n; j++) {
                p += b[j] * b[j] + lift[j] * lift[j];
            }
            return RIDGE / 2 * p;
        }

        double linear(int i) {
            double l = intercept;
            for (int j = 0; j < n; j++) {
                l += lift[j] * exposure[i][j];
            }
            return l;
        }

        /** Each state's reach: a two-parameter logistic regression on the nodes, weighted by the posterior. */
        void maximiseReach() {
            double[] weight = new double[NODES];
            for (double[] p : posterior) {
                for (int k = 0; k < NODES; k++) {
                    weight[k] += p[k];
                }
            }
            for (int j = 0; j < n; j++) {
                double[] reached = new double[NODES];
                for (int i = 0; i < size; i++) {
                    if (units.after()[i][j] >= 0) {
                        for (int k = 0; k < NODES; k++) {
                            reached[k] += posterior[i][k];
                        }
                    }
                }
                for (int step = 0; step < 3; step++) {
                    double g0 = 0;
                    double g1 = -RIDGE * b[j];
                    double h00 = 1e-9;
                    double h01 = 0;
                    double h11 = RIDGE;
                    for (int k = 0; k < NODES; k++) {
                        double p = sigmoid(a[j] + b[j] * Z[k]);
                        double w = weight[k] * p * (1 - p);
                        double r = reached[k] - weight[k] * p;
                        g0 += r;
                        g1 += r * Z[k];
                        h00 += w;
                        h01 += w * Z[k];
                        h11 += w * Z[k] * Z[k];
                    }
                    double det = h00 * h11 - h01 * h01;
                    a[j] += (h11 * g0 - h01 * g1) / det;
                    b[j] += (-h01 * g0 + h00 * g1) / det;
                }
            }
        }

        /**
         * The conversion model: a Newton step on the expected penalised log-likelihood over β0, γ and the free lifts
         * (intent signals' lifts stay 0, a lift pushed below 0 stays at 0), halved until it does not lose.
         */
        void maximiseConversion() {
            int p = n + 2;
            boolean[] free = new boolean[p];
            free[0] = true;
            free[1] = !intentHeld;
            for (int j = 0; j < n; j++) {
                free[2 + j] = !signal[j] && Double.isNaN(fixed[j]);
            }
            double[] g = new double[p];
            double[][] h = new double[p][p];
            double[] x = new double[p];
            x[0] = 1;
            for (int i = 0; i < size; i++) {
                double linear = linear(i);
                System.arraycopy(exposure[i], 0, x, 2, n);
                double y = units.converted()[i] ? 1 : 0;
                for (int k = 0; k < NODES; k++) {
                    double pk = posterior[i][k];
                    if (pk < 1e-300) {
                        continue;
                    }
                    x[1] = Z[k];
                    double mu = sigmoid(linear + intent * Z[k]);
                    double w = pk * mu * (1 - mu);
                    for (int r = 0; r < p; r++) {
                        if (x[r] == 0) {
                            continue;
                        }
                        g[r] += pk * (y - mu) * x[r];
                        for (int c = r; c < p; c++) {
                            h[r][c] += w * x[r] * x[c];
                        }
                    }
                }
            }
            double[] current = parameters();
            g[1] -= RIDGE * intent;
            h[1][1] += RIDGE;
            for (int j = 0; j < n; j++) {
                g[2 + j] -= RIDGE * lift[j];
                h[2 + j][2 + j] += RIDGE;
                // a lift at its bound that would go lower stays there
                if (free[2 + j] && lift[j] == 0 && g[2 + j] <= 0) {
                    free[2 + j] = false;
                }
            }
            double[] step = Newton.solve(h, g, free);
            double before = expectedConversion();
            for (double scale = 1; scale > 1e-6; scale /= 2) {
                double[] next = current.clone();
                for (int r = 0; r < p; r++) {
                    next[r] += scale * step[r];
                }
                for (int j = 0; j < n; j++) {
                    next[2 + j] = Double.isNaN(fixed[j]) ? Math.max(0, next[2 + j]) : fixed[j];
                }
                set(next);
                if (expectedConversion() >= before - 1e-12 * Math.abs(before)) {
                    return;
                }
            }
            set(current);
        }

        double expectedConversion() {
            double q = 0;
            for (int i = 0; i < size; i++) {
                boolean y = units.converted()[i];
                double linear = linear(i);
                for (int k = 0; k < NODES; k++) {
                    if (posterior[i][k] > 0) {
                        q += posterior[i][k] * logBernoulli(y, linear + intent * Z[k]);
                    }
                }
            }
            double p = intent * intent;
            for (double l : lift) {
                p += l * l;
            }
            return q - RIDGE / 2 * p;
        }

        double[] parameters() {
            double[] out = new double[n + 2];
            out[0] = intercept;
            out[1] = intent;
            System.arraycopy(lift, 0, out, 2, n);
            return out;
        }

        void set(double[] parameters) {
            intercept = parameters[0];
            intent = parameters[1];
            System.arraycopy(parameters, 2, lift, 0, n);
        }

        /** Applies the calibrations (see {@link IncrementalModel#fit(List, List)}); what was applied, by channel. */
        List<IncrementalResult.Applied> calibrate(List<Calibration> calibrations) {
            Map<String, boolean[]> members = new TreeMap<>();
            Map<String, Double> targets = new TreeMap<>();
            Map<String, Double> before = new TreeMap<>();
            for (Calibration c : calibrations) {
                boolean[] in = new boolean[n];
                boolean any = false;
                for (int j = 0; j < n; j++) {
                    in[j] = !signal[j] && channelOf(states.get(j)).equals(c.channel());
                    any |= in[j];
                }
                if (any) {
                    members.put(c.channel(), in);
                    targets.put(c.channel(), c.incrementalShare());
                    before.put(c.channel(), impliedShare(in));
                }
            }
            if (members.isEmpty()) {
                return List.of();
            }
            intentHeld = true;
            Map<String, double[]> base = new TreeMap<>();
            members.forEach((channel, in) -> {
                double[] shape = new double[n];
                boolean learnt = false;
                for (int j = 0; j < n; j++) {
                    learnt |= in[j] && lift[j] > 0;
                }
                for (int j = 0; j < n; j++) {
                    shape[j] = !in[j] ? 0 : learnt ? lift[j] : 1;
                }
                base.put(channel, shape);
            });
            for (int round = 0; round < CALIBRATION_ROUNDS; round++) {
                for (Map.Entry<String, boolean[]> member : members.entrySet()) {
                    double[] shape = base.get(member.getKey());
                    double factor = solveFactor(member.getValue(), shape, targets.get(member.getKey()));
                    for (int j = 0; j < n; j++) {
                        if (member.getValue()[j]) {
                            fixed[j] = factor * shape[j];
                            lift[j] = fixed[j];
                        }
                    }
                }
                expectation();
                run();
                orient();
            }
            List<IncrementalResult.Applied> applied = new ArrayList<>();
            members.forEach((channel, in) -> applied.add(new IncrementalResult.Applied(channel,
                    targets.get(channel), before.get(channel), impliedShare(in))));
            return applied;
        }

        /** The factor on a channel's lift shape whose implied share is the target, by bisection, posterior held. */
        double solveFactor(boolean[] in, double[] shape, double target) {
            double[] saved = lift.clone();
            double low = 0;
            double high = 1;
            while (shareWith(in, shape, high) < target && high < 1e4) {
                high *= 2;
            }
            for (int step = 0; step < 60; step++) {
                double mid = (low + high) / 2;
                if (shareWith(in, shape, mid) < target) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            System.arraycopy(saved, 0, lift, 0, n);
            return (low + high) / 2;
        }

        private double shareWith(boolean[] in, double[] shape, double factor) {
            for (int j = 0; j < n; j++) {
                if (in[j]) {
                    lift[j] = factor * shape[j];
                }
            }
            return impliedShare(in);
        }

        /**
         * The share of the conversions of journeys that reached the channel ({@code in}: its states) that the model
         * says the channel caused: Σ over those journeys of E[σ(ℓ) − σ(ℓ without the channel's lifts)] over the
         * conversions they had.
         */
        double impliedShare(boolean[] in) {
            double caused = 0;
            double conversions = 0;
            for (int i = 0; i < size; i++) {
                double own = 0;
                boolean reached = false;
                for (int j = 0; j < n; j++) {
                    if (in[j] && units.after()[i][j] >= 0) {
                        own += lift[j] * exposure[i][j];
                        reached = true;
                    }
                }
                if (!reached) {
                    continue;
                }
                double linear = linear(i);
                for (int k = 0; k < NODES; k++) {
                    double l = linear + intent * Z[k];
                    caused += posterior[i][k] * (sigmoid(l) - sigmoid(l - own));
                }
                conversions += units.converted()[i] ? units.weight()[i] : 0;
            }
            return conversions == 0 ? 0 : caused / conversions;
        }

        IncrementalResult result(List<IncrementalResult.Applied> applied) {
            double[] credit = new double[n];
            double[] convertingCredit = new double[n];
            double[] convertingReach = new double[n];
            for (int i = 0; i < size; i++) {
                double weight = units.weight()[i];
                double[] phi = credit(i);
                for (int j = 0; j < n; j++) {
                    credit[j] += weight * phi[j];
                    if (units.converted()[i]) {
                        convertingCredit[j] += weight * phi[j];
                        convertingReach[j] += units.after()[i][j] >= 0 ? weight : 0;
                    }
                }
            }
            Map<String, Double> lifts = new TreeMap<>();
            Map<String, Double> slopes = new TreeMap<>();
            Map<String, Double> credits = new TreeMap<>();
            Map<String, BigDecimal> weights = new TreeMap<>();
            Set<String> signals = new TreeSet<>();
            for (int j = 0; j < n; j++) {
                String state = states.get(j);
                lifts.put(state, lift[j]);
                slopes.put(state, b[j]);
                credits.put(state, credit[j]);
                double perJourney = convertingReach[j] == 0 ? 0 : convertingCredit[j] / convertingReach[j];
                weights.put(state, BigDecimal.valueOf(Math.max(0, perJourney)));
                if (signal[j]) {
                    signals.add(state);
                }
            }
            return new IncrementalResult(decay, intercept, intent, lifts, slopes, signals, credits, weights,
                    logLikelihood, iterations, applied);
        }

        /** Shapley values of one unit's credited states in v(S) above (0 for the others). */
        double[] credit(int i) {
            List<Integer> credited = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (units.after()[i][j] >= 0 && lift[j] > 0) {
                    credited.add(j);
                }
            }
            double[] phi = new double[n];
            int m = credited.size();
            if (m == 0) {
                return phi;
            }
            double total = units.weight()[i];
            if (m > MAX_EXACT_STATES) {
                double sum = 0;
                double all = 0;
                for (int j : credited) {
                    sum += lift[j] * exposure[i][j];
                }
                for (int k = 0; k < NODES; k++) {
                    double base = intercept + intent * Z[k];
                    all += posterior[i][k] / total * (sigmoid(base + sum) - sigmoid(base));
                }
                for (int j : credited) {
                    phi[j] = all * lift[j] * exposure[i][j] / sum;
                }
                return phi;
            }
            double[] v = new double[1 << m];
            for (int k = 0; k < NODES; k++) {
                double w = posterior[i][k] / total;
                if (w < 1e-15) {
                    continue;
                }
                double base = intercept + intent * Z[k];
                double none = sigmoid(base);
                for (int mask = 1; mask < v.length; mask++) {
                    double l = base;
                    for (int q = 0; q < m; q++) {
                        if ((mask & (1 << q)) != 0) {
                            l += lift[credited.get(q)] * exposure[i][credited.get(q)];
                        }
                    }
                    v[mask] += w * (sigmoid(l) - none);
                }
            }
            double[] values = ExactShapley.values(v, m);
            for (int q = 0; q < m; q++) {
                phi[credited.get(q)] = values[q];
            }
            return phi;
        }
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** log P(y) for a Bernoulli with log-odds {@code x}, stable for large |x|. */
    static double logBernoulli(boolean y, double x) {
        double z = y ? x : -x;
        return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }

    /** Solves the Newton system over the free parameters (h upper triangle filled); the others do not move. */
    static final class Newton {

        private Newton() {
        }

        static double[] solve(double[][] upper, double[] g, boolean[] free) {
            int p = g.length;
            List<Integer> index = new ArrayList<>();
            for (int r = 0; r < p; r++) {
                if (free[r]) {
                    index.add(r);
                }
            }
            int m = index.size();
            double[][] a = new double[m][m + 1];
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    int i = Math.min(index.get(r), index.get(c));
                    int j = Math.max(index.get(r), index.get(c));
                    a[r][c] = upper[i][j];
                }
                a[r][m] = g[index.get(r)];
            }
            for (int c = 0; c < m; c++) {
                int pivot = c;
                for (int r = c + 1; r < m; r++) {
                    if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                        pivot = r;
                    }
                }
                double[] swap = a[c];
                a[c] = a[pivot];
                a[pivot] = swap;
                if (Math.abs(a[c][c]) < 1e-300) {
                    continue;
                }
                for (int r = c + 1; r < m; r++) {
                    double f = a[r][c] / a[c][c];
                    for (int q = c; q <= m; q++) {
                        a[r][q] -= f * a[c][q];
                    }
                }
            }
            double[] x = new double[m];
            for (int r = m - 1; r >= 0; r--) {
                double s = a[r][m];
                for (int q = r + 1; q < m; q++) {
                    s -= a[r][q] * x[q];
                }
                x[r] = Math.abs(a[r][r]) < 1e-300 ? 0 : s / a[r][r];
            }
            double[] step = new double[p];
            for (int r = 0; r < m; r++) {
                step[index.get(r)] = x[r];
            }
            return step;
        }
    }
}
