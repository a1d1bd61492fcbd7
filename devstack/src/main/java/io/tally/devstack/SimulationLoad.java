package io.tally.devstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tally.simulator.Accuracy;
import io.tally.simulator.Costs;
import io.tally.simulator.Customer;
import io.tally.simulator.Scenario;
import io.tally.simulator.Simulator;
import io.tally.simulator.Truth;
import io.tally.support.security.Role;

/**
 * A simulated scenario driven through the running suite and read back against the simulator's truth: a programme
 * with a campaign (and tracking code) per coded channel, the customers' touches, conversions and costs through the
 * real connectors ({@link SimulatedActivity}); then, once every conversion is credited, the data-driven models trained
 * on the conversions' days, the model comparison by channel read for every model, and programme ROI read per channel.
 * Each model's revenue shares are compared with the true incremental revenue shares (total variation distance and
 * largest per-channel error), the costs the report counts with those imported, and the report's ROI per channel
 * with the true ROI (true incremental revenue against cost).
 *
 * <p>
 * The conversions fall in the three days ending {@link #DAYS_AGO} days ago, clear of what the demo and the system
 * tests load (the last week), so the reports of those days hold the run alone on a suite that ran no other
 * simulation; on a suite that keeps its data between runs, start it with {@code --fresh}.
 */
public final class SimulationLoad {

    /** How many days before now the latest conversion falls. */
    static final int DAYS_AGO = 9;
    /** The models read back (the data-driven ones trained first). */
    static final List<String> MODELS = List.of("first_touch", "last_touch", "last_non_direct", "linear",
            "position_based", "time_decay", "markov", "shapley", "incremental");
    static final List<String> TRAINED = List.of("markov", "shapley", "incremental");

    private final GatewayClient client;
    private final String jdbcUrl;
    private final Duration patience;

    /**
     * What the suite answered, against the truth.
     *
     * @param truth each channel's true incremental revenue share
     * @param shares per model, each channel's share of the revenue the model credited to channels
     * @param distance per model, the total variation distance of its shares to the truth
     * @param largest per model, its largest per-channel error
     * @param credited per model, all the revenue it credited in the run's days (unattributed included)
     * @param trained per data-driven model, the version its training made; {@code crediting}: the versions whose
     *        credit the comparison shows (the trained one alone when the run was credited by what it trained)
     * @param costsSent each channel's cost as imported; {@code costsReported}: as programme ROI counts it
     * @param reportedRoi per channel, programme ROI's under the incremental model: (credited revenue − cost) / cost
     * @param sharedRoi per channel, the ROI it would show were the credited revenue split by the true shares: the
     *        best a crediting model can report
     * @param incrementalRoi per channel, (true incremental revenue − cost) / cost: the return the spend caused, which
     *        no report of credited revenue shows (credit shares out every conversion, also those that would have
     *        happened anyway)
     */
    public record Readout(String scenario, int customers, long seed, String programmeId, LocalDate from,
            LocalDate to, long conversions, BigDecimal revenue, Map<String, Integer> sent, Map<String, Integer> notSent,
            Map<String, Double> truth, Map<String, Map<String, Double>> shares, Map<String, Double> distance,
            Map<String, Double> largest, Map<String, BigDecimal> credited, Map<String, String> trained,
            Map<String, List<String>> crediting, Map<String, BigDecimal> costsSent,
            Map<String, BigDecimal> costsReported, Map<String, BigDecimal> reportedRoi,
            Map<String, BigDecimal> sharedRoi, Map<String, BigDecimal> incrementalRoi) {

        /** The readout as a text table, for the console. */
        public String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "Simulated %s through the connectors: %d customers (seed %d), %d conversions, %s %s, conversions"
                            + " %s..%s, programme %s; touches sent %s%s.%n%n",
                    scenario, customers, seed, conversions, revenue.toPlainString(), SimulatedActivity.CURRENCY, from,
                    to, programmeId, sent, notSent.isEmpty() ? "" : ", not sent (no connector) " + notSent));
            out.append(String.format(Locale.ROOT, "%-16s %8s", "revenue share", "truth"));
            MODELS.forEach(m -> out.append(String.format(Locale.ROOT, " %15s", m)));
            out.append('\n');
            for (String channel : truth.keySet()) {
                out.append(String.format(Locale.ROOT, "%-16s %8.3f", channel, truth.get(channel)));
                MODELS.forEach(m -> out.append(String.format(Locale.ROOT, " %15.3f",
                        shares.get(m).getOrDefault(channel, 0.0))));
                out.append('\n');
            }
            out.append(String.format(Locale.ROOT, "%-16s %8s", "distance", ""));
            MODELS.forEach(m -> out.append(String.format(Locale.ROOT, " %15.3f", distance.get(m))));
            out.append(String.format(Locale.ROOT, "%n%-16s %8s", "largest error", ""));
            MODELS.forEach(m -> out.append(String.format(Locale.ROOT, " %15.3f", largest.get(m))));
            out.append(String.format(Locale.ROOT, "%n%nTrained: %s%n", trained));
            Map<String, List<String>> earlier = new TreeMap<>();
            crediting.forEach((model, versions) -> {
                if (!trained.containsKey(model)) {
                    return; // only data-driven models have versions to compare
                }
                List<String> others = versions.stream().filter(v -> !v.equals(trained.get(model))).toList();
                if (!others.isEmpty()) {
                    earlier.put(model, others);
                }
            });
            if (!earlier.isEmpty()) {
                out.append(String.format(Locale.ROOT, "Note: versions trained before this run credited some of its"
                        + " conversions (a version credits every conversion that arrives after it): %s. Their figures"
                        + " are not this run's models; for a clean measurement start with --fresh (and run the demo"
                        + " after the simulation, as ./tally up --demo --simulate does).%n", earlier));
            }
            out.append(String.format(Locale.ROOT, "%n%-16s %12s %12s %14s %16s %16s%n", "channel", "cost sent",
                    "cost in ROI", "ROI reported", "ROI true shares", "ROI incremental"));
            for (String channel : costsSent.keySet()) {
                out.append(String.format(Locale.ROOT, "%-16s %12s %12s %14s %16s %16s%n", channel,
                        costsSent.get(channel).toPlainString(), text(costsReported.get(channel)),
                        text(reportedRoi.get(channel)), text(sharedRoi.get(channel)),
                        text(incrementalRoi.get(channel))));
            }
            out.append("""

                    ROI reported: programme ROI under the incremental model, (credited revenue - cost) / cost; at true \
                    shares: as if the credited revenue were split by the true shares; incremental: (the revenue the \
                    channel caused - cost) / cost, which credit cannot show (it shares out every conversion).
                    """);
            return out.toString();
        }

        private static String text(BigDecimal value) {
            return value == null ? "-" : value.toPlainString();
        }
    }

    /** Drives {@code suite}, waiting at most {@code patience} for each step of the pipeline. */
    public SimulationLoad(Suite suite, Duration patience) {
        this.client = new GatewayClient(suite.gatewayUrl(), suite.issuer(), suite.espWebhook());
        this.jdbcUrl = suite.devstack().postgres().jdbcUrl();
        this.patience = patience;
    }

    /** Draws the scenario, drives it through the suite and reads it back. */
    public Readout run(String scenarioName, int customerCount, long seed) {
        Scenario scenario = Scenario.named(scenarioName);
        List<Customer> customers = Simulator.run(scenario, customerCount, seed);
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        Instant lastDecision = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(DAYS_AGO, ChronoUnit.DAYS);

        ObjectNode programme = GatewayClient.object().put("name", "Simulation " + scenarioName + " seed " + seed
                + " (" + run + ")").put("reportingCurrency", SimulatedActivity.CURRENCY).put("timeZone", "UTC")
                .put("lookbackDays", (int) Math.ceil(scenario.journeyDays()) + 2);
        String programmeId = client.post("/api/v1/programmes", programme, Role.MARKETER).get("id").asText();
        SimulatedActivity activity = new SimulatedActivity(scenario, customers, run, client.espPath(), lastDecision,
                seed);
        for (String channel : SimulatedActivity.campaignChannels(scenario)) {
            ObjectNode campaign = GatewayClient.object().put("name", channel + " (simulated)").put("channel", channel);
            ArrayNode codes = campaign.putArray("trackingCodes");
            codes.addObject().put("code", activity.code(channel)).put("type", "utm_campaign");
            client.post("/api/v1/programmes/" + programmeId + "/campaigns", campaign, Role.MARKETER);
        }
        activity.touchRequests().forEach(client::send);
        awaitTouchesStored(activity.firstTouch(), lastDecision, activity.touchesSent());
        activity.conversionRequests().forEach(client::send);

        LocalDate from = activity.firstConversionDay();
        LocalDate to = activity.lastDay();
        Map<String, String> window = Map.of("from", from.toString(), "to", to.toString());
        // every conversion credited by the rule-based models, then the data-driven ones trained on those days
        awaitCredited(window, MODELS.stream().filter(m -> !TRAINED.contains(m)).toList(), activity.revenue());
        Map<String, String> trained = new TreeMap<>();
        for (String model : TRAINED) {
            trained.put(model, client.post("/api/v1/attribution/models/" + model + "/train", window, Role.ANALYST)
                    .path("version").path("version").asText());
        }
        JsonNode comparison = awaitCredited(window, MODELS, activity.revenue());
        Map<String, List<String>> crediting = new TreeMap<>();
        for (JsonNode used : comparison.path("versions")) {
            crediting.computeIfAbsent(used.get("model").asText(), m -> new ArrayList<>())
                    .add(used.get("version").asText());
        }

        Map<String, Double> truth = Truth.shares(Truth.credit(scenario.model(), customers, Truth.Weight.REVENUE));
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        Map<String, Double> distance = new LinkedHashMap<>();
        Map<String, Double> largest = new LinkedHashMap<>();
        Map<String, BigDecimal> credited = new LinkedHashMap<>();
        for (int m = 0; m < MODELS.size(); m++) {
            String model = MODELS.get(m);
            Map<String, Double> byChannel = new TreeMap<>();
            BigDecimal all = BigDecimal.ZERO;
            for (JsonNode row : comparison.get("rows")) {
                BigDecimal amount = new BigDecimal(cell(row, model).get("revenue").asText());
                all = all.add(amount);
                if (row.get("kind").asText().equals("assigned")) {
                    byChannel.put(row.get("id").asText(), amount.doubleValue());
                }
            }
            Map<String, Double> modelShares = Truth.shares(byChannel);
            shares.put(model, modelShares);
            distance.put(model, Accuracy.totalVariation(modelShares, truth));
            largest.put(model, Accuracy.maxAbsoluteError(modelShares, truth));
            credited.put(model, all);
        }

        Map<String, String> roiQuery = new HashMap<>(Map.of("from", activity.firstDay().toString(), "to",
                to.toString(), "model", "incremental", "programmeId", programmeId));
        JsonNode roi = client.get("/api/v1/reports/programme-roi", roiQuery, Role.ANALYST);
        Map<String, BigDecimal> costsReported = new TreeMap<>();
        Map<String, BigDecimal> reportedRoi = new TreeMap<>();
        for (JsonNode channel : roi.path("programmes").path(0).path("channels")) {
            costsReported.put(channel.get("channel").asText(), new BigDecimal(channel.get("cost").asText()));
            if (channel.hasNonNull("roi")) {
                reportedRoi.put(channel.get("channel").asText(), new BigDecimal(channel.get("roi").asText()));
            }
        }
        Map<String, Double> trueRevenue = Truth.credit(scenario.model(), customers, Truth.Weight.REVENUE);
        BigDecimal toChannels = BigDecimal.ZERO;
        for (JsonNode row : comparison.get("rows")) {
            if (row.get("kind").asText().equals("assigned")) {
                toChannels = toChannels.add(new BigDecimal(cell(row, "incremental").get("revenue").asText()));
            }
        }
        Map<String, BigDecimal> sharedRoi = new TreeMap<>();
        Map<String, BigDecimal> incrementalRoi = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> cost : activity.costs().entrySet()) {
            String channel = cost.getKey();
            sharedRoi.put(channel, Costs.roi(toChannels.multiply(BigDecimal.valueOf(truth.getOrDefault(channel,
                    0.0))).setScale(2, RoundingMode.HALF_EVEN), cost.getValue()));
            incrementalRoi.put(channel, Costs.roi(BigDecimal.valueOf(trueRevenue.getOrDefault(channel, 0.0))
                    .setScale(2, RoundingMode.HALF_EVEN), cost.getValue()));
        }
        return new Readout(scenarioName, customerCount, seed, programmeId, from, to, activity.conversions(),
                activity.revenue(), activity.sent(), activity.notSent(), truth, shares, distance, largest, credited,
                trained, crediting, new TreeMap<>(activity.costs()), costsReported, reportedRoi, sharedRoi,
                incrementalRoi);
    }

    /**
     * The model comparison of the run's days by channel, once each of {@code models} credits exactly the revenue sent
     * (the pipeline is asynchronous: polled until then, or {@link #patience} runs out).
     */
    private JsonNode awaitCredited(Map<String, String> window, List<String> models, BigDecimal revenue) {
        Map<String, String> query = new HashMap<>(window);
        query.put("models", String.join(",", models));
        query.put("baseline", models.get(0));
        query.put("groupBy", "channel");
        Instant deadline = Instant.now().plus(patience);
        List<String> behind = List.of();
        while (true) {
            JsonNode comparison = client.get("/api/v1/reports/model-comparison", query, Role.ANALYST);
            List<String> missing = new ArrayList<>();
            for (String model : models) {
                BigDecimal sum = BigDecimal.ZERO;
                for (JsonNode row : comparison.get("rows")) {
                    sum = sum.add(new BigDecimal(cell(row, model).get("revenue").asText()));
                }
                if (sum.compareTo(revenue) != 0) {
                    missing.add(model + " " + sum.toPlainString());
                }
            }
            if (missing.isEmpty()) {
                return comparison;
            }
            behind = missing;
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("after " + patience + " the models have not credited the "
                        + revenue.toPlainString() + " sent: " + behind);
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /**
     * Waits until attribution has stored every touch sent (counted in its database: no public endpoint counts
     * touchpoints; the run's days hold nothing else), so the conversions find their journeys whole.
     */
    private void awaitTouchesStored(Instant first, Instant last, long expected) {
        Instant deadline = Instant.now().plus(patience);
        try (Connection db = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement count = db.prepareStatement("SELECT count(*) FROM attribution.touchpoint"
                        + " WHERE occurred_at >= ? AND occurred_at <= ?")) {
            count.setTimestamp(1, Timestamp.from(first));
            count.setTimestamp(2, Timestamp.from(last));
            while (true) {
                long stored;
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    stored = rows.getLong(1);
                }
                if (stored >= expected) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("after " + patience + " attribution stored " + stored + " of the "
                            + expected + " touches sent");
                }
                Thread.sleep(500);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the stored touches", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode cell(JsonNode row, String model) {
        for (JsonNode cell : row.get("cells")) {
            if (cell.get("model").asText().equals(model)) {
                return cell;
            }
        }
        throw new IllegalStateException("no " + model + " in " + row);
    }
}
