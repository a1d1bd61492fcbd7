package io.tally.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Callers of the gateway for {@code ScaleOutIT}: beacons sending journeys to the web collector (a page view carrying a
 * campaign's {@code utm_campaign}, then a purchase with a unique order id and a known revenue) and a marketer creating
 * campaigns, each with a tracking code of its own. Like real clients they send a request again, with the same body,
 * until it is answered (202 for the collector, 201 for a campaign; a campaign answered 409 was created by an earlier
 * attempt whose answer was lost). Every answer that is not the success is kept with its problem type, so a test can
 * tell the gateway's own answers from the services'.
 */
final class GatewayCallers {

    /**
     * An answer that was not the success: when (seconds since the callers started), the status (0: no answer, the
     * problem type then names the exception) and the problem type, if any.
     */
    record Refusal(double at, String path, int status, String problemType) {
    }

    /** As long as the gateway waits for a service ({@code tally.gateway.timeout}), so the gateway answers first. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(31);
    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String gateway;
    private final String prefix;
    private final Instant dayStart;
    private final Map<String, Long> acceptedOrders = new ConcurrentHashMap<>();
    private final Set<String> acceptedVisits = ConcurrentHashMap.newKeySet();
    private final Set<String> campaignsCreated = ConcurrentHashMap.newKeySet();
    private final Set<String> campaignsFoundCreated = ConcurrentHashMap.newKeySet();
    private final Set<String> campaignsTried = ConcurrentHashMap.newKeySet();
    private final Queue<Refusal> refusals = new ConcurrentLinkedQueue<>();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger journeys = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile boolean stopping;
    private volatile long giveUpNanos = Long.MAX_VALUE;

    /**
     * @param prefix what every visitor, order, campaign name and tracking code of the run starts with
     * @param day the journeys' day (UTC)
     */
    GatewayCallers(String gatewayUrl, String prefix, LocalDate day) {
        this.gateway = gatewayUrl;
        this.prefix = prefix;
        this.dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Starts {@code beacons} beacon threads, each sending a journey every {@code every}, carrying {@code code}. */
    void startBeacons(int beacons, Duration every, String code) {
        for (int b = 0; b < beacons; b++) {
            start("beacon-" + b, every, () -> journey(code));
        }
    }

    /** Starts a marketer creating a campaign in {@code programme} every {@code every}, as {@code bearer}. */
    void startMarketer(Duration every, String programme, String bearer) {
        AtomicInteger n = new AtomicInteger();
        start("marketer", every, () -> campaign(programme, bearer, n.incrementAndGet()));
    }

    private void start(String name, Duration every, Runnable call) {
        Thread thread = new Thread(() -> {
            long next = System.nanoTime();
            while (!stopping) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    errors.add(name + ": " + e.getMessage());
                    return;
                }
                next = Math.max(next + every.toNanos(), System.nanoTime());
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }, "scale-out-" + name);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    /** Starts no new call; a call under way keeps retrying for up to {@code grace}. Returns when every caller stopped. */
    void stop(Duration grace) throws InterruptedException {
        giveUpNanos = System.nanoTime() + grace.toNanos();
        stopping = true;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void journey(String code) {
        int n = journeys.incrementAndGet();
        String visitor = prefix + "-v-" + n;
        String order = prefix + "-o-" + n;
        long cents = 1_000 + (n * 7_919L) % 20_000;
        Instant at = dayStart.plusSeconds(6 * 3_600 + n * 7L);
        if (!deliver("/api/v1/collect", null, """
                {"type":"page_view","anonymousId":"%s","timestamp":"%s",\
                "url":"https://shop.example/?utm_source=facebook&utm_medium=paid_social&utm_campaign=%s"}"""
                .formatted(visitor, at, code), Set.of(202))) {
            return;
        }
        acceptedVisits.add(visitor);
        if (deliver("/api/v1/collect", null, """
                {"type":"purchase","anonymousId":"%s","timestamp":"%s","url":"https://shop.example/thanks",\
                "orderId":"%s","revenue":"%d.%02d","currency":"EUR"}"""
                .formatted(visitor, at.plusSeconds(5), order, cents / 100, cents % 100), Set.of(202))) {
            acceptedOrders.put(order, cents);
        }
    }

    private void campaign(String programme, String bearer, int n) {
        String name = prefix + "-campaign-" + n;
        campaignsTried.add(name);
        String body = """
                {"name":"%s","channel":"paid_social","trackingCodes":["%s"]}""".formatted(name, codeOf(name));
        int[] answer = new int[2];
        if (deliver("/api/v1/programmes/" + programme + "/campaigns", bearer, body, Set.of(201, 409), answer)) {
            if (answer[0] == 409 && answer[1] == 1) {
                throw new IllegalStateException(name + "'s code was taken before it was first sent");
            }
            (answer[0] == 201 ? campaignsCreated : campaignsFoundCreated).add(name);
        }
    }

    /** The one tracking code of the campaign named {@code name}. */
    static String codeOf(String campaignName) {
        return campaignName.replace("-campaign-", "-code-");
    }

    private boolean deliver(String path, String bearer, String body, Set<Integer> done) {
        return deliver(path, bearer, body, done, new int[2]);
    }

    /**
     * Sends {@code body} until it is answered one of {@code done}; false if given up. {@code answer} gets the last
     * status and the number of attempts.
     */
    private boolean deliver(String path, String bearer, String body, Set<Integer> done, int[] answer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        long backoff = 100;
        while (System.nanoTime() < giveUpNanos) {
            answer[1]++;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                answer[0] = response.statusCode();
                if (done.contains(response.statusCode())) {
                    return true;
                }
                Matcher type = PROBLEM_TYPE.matcher(response.body());
                refusals.add(new Refusal(secondsSinceStart(), path, response.statusCode(),
                        type.find() ? type.group(1) : null));
                if (response.statusCode() < 500 && response.statusCode() != 429) {
                    throw new IllegalStateException(path + " refused for good (" + response.statusCode() + "): "
                            + response.body());
                }
            } catch (IOException e) {
                refusals.add(new Refusal(secondsSinceStart(), path, 0, e.getClass().getSimpleName()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff));
            backoff = Math.min(backoff * 2, 1_000);
        }
        return false;
    }

    private double secondsSinceStart() {
        return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
    }

    /** Orders whose purchase was answered 202, and their revenue in cents. */
    Map<String, Long> acceptedOrders() {
        return Map.copyOf(acceptedOrders);
    }

    /** Visitors whose page view was answered 202. */
    Set<String> acceptedVisits() {
        return Set.copyOf(acceptedVisits);
    }

    /** Campaigns answered 201. */
    Set<String> campaignsCreated() {
        return Set.copyOf(campaignsCreated);
    }

    /** Campaigns answered 409 on a retry: an earlier attempt created them but its answer was lost. */
    Set<String> campaignsFoundCreated() {
        return Set.copyOf(campaignsFoundCreated);
    }

    /** Every campaign the marketer set out to create. */
    Set<String> campaignsTried() {
        return Set.copyOf(campaignsTried);
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** What stopped a caller for good (an answer no retry can change); empty when none did. */
    List<String> errors() {
        return List.copyOf(errors);
    }
}
