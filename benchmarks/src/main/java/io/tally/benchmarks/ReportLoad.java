package io.tally.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.tally.devstack.Devstack;
import io.tally.devstack.LocalIssuer;
import io.tally.devstack.Ports;
import io.tally.devstack.PostgresServer;
import io.tally.devstack.ServiceProcess;
import io.tally.support.security.Role;

/**
 * The analyst and finance reports over a large ledger: the packaged attribution-service (prod profile) on embedded
 * PostgreSQL, with {@code --rows} ledger rows (default 10,000,000) generated straight into its tables: 12 months of
 * conversions, 5 programmes of 10 campaigns, 6 channels, 11 models, 3 credited touches per conversion and model, each
 * conversion's booking in the revenue journal, and the daily roll-up built from the ledger as the service keeps it.
 * Then {@code --requests} requests of each report with random parameters (after a warm-up), one at a time, and the
 * latency percentiles of each. {@code ./tally bench reports} runs it.
 */
public final class ReportLoad {

    /** Finance may read both the analyst summary and the finance report. */
    private static final String AUTHORIZATION = LocalIssuer.shared().bearer(Role.FINANCE);

    private static final List<String> MODELS = List.of("first_touch", "last_touch", "last_non_direct", "linear",
            "time_decay", "position_based", "j_curve", "inverse_j", "custom", "markov", "shapley");
    private static final List<String> CHANNELS = List.of("email", "paid_social", "organic_search", "paid_search",
            "display", "direct");
    private static final YearMonth FIRST = YearMonth.of(2025, 1);
    private static final int MONTHS = 12;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        long rows = Long.parseLong(options.getOrDefault("rows", "10000000"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "300"));
        int touches = 3;
        long conversions = rows / (MODELS.size() * touches);

        Path logs = Files.createDirectories(root.resolve(".tally/logs"));
        System.out.println(Machine.describe());
        System.out.println("Starting PostgreSQL and attribution-service (log in " + logs + ") ...");
        try (Devstack devstack = Devstack.start(null, 0, 0);
                ServiceProcess attribution = ServiceProcess.start(root, "attribution-service", Ports.free(),
                        devstack.serviceEnvironment(LocalIssuer.shared()), logs);
                Connection db = DriverManager.getConnection(devstack.postgres().jdbcUrl(), PostgresServer.USER,
                        PostgresServer.PASSWORD)) {
            attribution.awaitReady(Duration.ofSeconds(120));
            long started = System.nanoTime();
            generate(db, conversions, touches);
            long ledger = count(db, "SELECT count(*) FROM attribution.credit");
            long rollup = count(db, "SELECT count(*) FROM attribution.credit_daily");
            System.out.printf("generated %,d ledger rows (%,d conversions), %,d roll-up rows in %.0f s%n", ledger,
                    conversions, rollup, (System.nanoTime() - started) / 1e9);

            String base = attribution.url();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Random random = new Random(42);
            for (String report : List.of("summary", "finance")) {
                LatencyRecorder warmup = new LatencyRecorder(50);
                for (int i = 0; i < 50; i++) {
                    call(http, url(base, report, random), warmup);
                }
                LatencyRecorder latencies = new LatencyRecorder(requests);
                for (int i = 0; i < requests; i++) {
                    call(http, url(base, report, random), latencies);
                }
                System.out.printf("%-8s %d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
                        report, latencies.successes(), latencies.percentileMillis(50),
                        latencies.percentileMillis(95), latencies.percentileMillis(99),
                        latencies.percentileMillis(100), latencies.errors());
            }
        }
    }

    /** A random report request: a month or a quarter of the summary, or a month of the finance report. */
    private static String url(String base, String report, Random random) {
        String model = MODELS.get(random.nextInt(MODELS.size()));
        YearMonth month = FIRST.plusMonths(random.nextInt(MONTHS));
        if (report.equals("finance")) {
            return base + "/api/v1/finance/revenue?period=" + month + "&model=" + model;
        }
        String groupBy = List.of("programme", "campaign", "channel").get(random.nextInt(3));
        String interval = List.of("day", "week", "month", "total").get(random.nextInt(4));
        YearMonth last = random.nextBoolean() ? month : month.plusMonths(2);
        return base + "/api/v1/reports/summary?from=" + month.atDay(1) + "&to=" + last.atEndOfMonth() + "&model="
                + model + "&groupBy=" + groupBy + "&interval=" + interval;
    }

    private static void call(HttpClient http, String url, LatencyRecorder latencies) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", AUTHORIZATION).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                latencies.record(System.nanoTime() - start);
            } else {
                System.err.println(response.statusCode() + " " + url + ": " + response.body());
                latencies.error();
            }
        } catch (Exception e) {
            latencies.error();
        }
    }

    /** Programmes, campaigns, conversions, the ledger, the journal and the roll-up, straight into the tables. */
    private static void generate(Connection db, long conversions, int touches) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("SET search_path = attribution");
            s.execute("INSERT INTO programme SELECT ('00000000-0000-0000-0000-' || lpad(p::text, 12, '0'))::uuid,"
                    + " 'Programme ' || p, 'EUR', 'Europe/Berlin', 30, now() FROM generate_series(1, 5) p");
            s.execute("INSERT INTO campaign (campaign_id, version, name, channel, programme_id, deleted, updated_at)"
                    + " SELECT ('00000000-0000-0000-0001-' || lpad(k::text, 12, '0'))::uuid, 1, 'Campaign ' || k,"
                    + " (ARRAY" + array(CHANNELS) + ")[1 + k % 6],"
                    + " ('00000000-0000-0000-0000-' || lpad((1 + k % 5)::text, 12, '0'))::uuid, false, now()"
                    + " FROM generate_series(1, 50) k");
            s.execute("INSERT INTO conversion (event_id, order_id, occurred_at, revenue_minor, currency, source)"
                    + " SELECT 'order:bench-' || c, 'bench-' || c, TIMESTAMPTZ '" + FIRST.atDay(1)
                    + " 00:00Z' + (c % " + (MONTHS * 30) + ") * interval '1 day' + (c % 86400) * interval '1 second',"
                    + " 1000 + (c::bigint * 7919) % 99000, 'EUR', 'bench' FROM generate_series(1, " + conversions
                    + ") c");
            s.execute("SET work_mem = '256MB'");
            // per conversion and model, 3 touches: campaign and channel by (conversion, touch); the last touch
            // takes the remainder so each conversion's rows sum to its revenue exactly
            s.execute("INSERT INTO credit (entry_id, entry_kind, conversion_event_id, conversion_at, model,"
                    + " model_version, touchpoint_event_id, channel, campaign_id, programme_id, amount_minor, currency,"
                    + " conversion_units, period, reason)"
                    + " SELECT 'original:' || v.event_id || ':' || m.model, 'original', v.event_id, v.occurred_at,"
                    + " m.model, m.model || '@bench', 'tp-' || v.id || '-' || t, (ARRAY" + array(CHANNELS)
                    + ")[1 + (v.id + t) % 6], ('00000000-0000-0000-0001-' || lpad((1 + (v.id * 3 + t) % 50)::text, 12,"
                    + " '0'))::uuid, ('00000000-0000-0000-0000-' || lpad((1 + ((1 + (v.id * 3 + t) % 50) % 5))::text,"
                    + " 12, '0'))::uuid, CASE WHEN t < " + touches + " THEN v.revenue_minor / " + touches
                    + " ELSE v.revenue_minor - (" + (touches - 1) + ") * (v.revenue_minor / " + touches + ") END,"
                    + " 'EUR', CASE WHEN t < " + touches + " THEN 1000000 / " + touches + " ELSE 1000000 - ("
                    + (touches - 1) + ") * (1000000 / " + touches + ") END,"
                    + " to_char(v.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM'), 'conversion'"
                    + " FROM conversion v CROSS JOIN (SELECT unnest(ARRAY" + array(MODELS) + ") AS model) m"
                    + " CROSS JOIN generate_series(1, " + touches + ") t WHERE v.source = 'bench'");
            s.execute("INSERT INTO revenue_entry (conversion_event_id, kind, period, day, amount_minor, currency)"
                    + " SELECT event_id, 'booking', to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM'),"
                    + " (occurred_at AT TIME ZONE 'UTC')::date, revenue_minor, currency FROM conversion"
                    + " WHERE source = 'bench'");
            s.execute("INSERT INTO credit_daily (day, utc_day, period, model, programme_id, campaign_id, channel,"
                    + " attributed, currency, amount_minor, conversion_units)"
                    + " SELECT (c.conversion_at AT TIME ZONE p.time_zone)::date, (c.conversion_at AT TIME ZONE 'UTC')"
                    + "::date, c.period, c.model, c.programme_id, c.campaign_id, c.channel, true, c.currency,"
                    + " sum(c.amount_minor), sum(c.conversion_units) FROM credit c JOIN programme p"
                    + " ON p.programme_id = c.programme_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9");
            s.execute("ANALYZE");
        }
    }

    private static String array(List<String> values) {
        return "['" + String.join("', '", values) + "']";
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
