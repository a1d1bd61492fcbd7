package io.tally.benchmarks.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Beacon clients: a steady stream of journeys (a page view carrying the campaign's {@code utm_campaign}, then a purchase
 * with a unique order id and a known revenue) through the gateway's {@code POST /api/v1/collect}. Like a real beacon,
 * a request that is not answered 202 (503, 502, a refused connection, a timeout) is sent again with the same body until
 * it is, so duplicates on retry are part of the load. Every answer is logged, so the faults' windows can be read off
 * afterwards; every purchase answered 202 is an accepted order whose exact revenue is known.
 */
final class JourneyLoad {

    /** One answer (or failure) to one request: when it was sent and answered, and {@code 202}, a status or an error. */
    record Answer(long sentNanos, long answeredNanos, String outcome) {

        boolean accepted() {
            return outcome.equals("202");
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI collect;
    private final String campaignCode;
    private final String prefix;
    private final Instant dayStart;
    private final double rate;
    private final int threads;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Long> acceptedOrders = new ConcurrentHashMap<>();
    private final Set<String> unansweredOrders = ConcurrentHashMap.newKeySet();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;
    private volatile long giveUpNanos = Long.MAX_VALUE;

    /**
     * @param gatewayUrl the gateway's base URL
     * @param campaignCode the tracking code the page views carry as {@code utm_campaign}
     * @param prefix what every visitor and order id of this run starts with
     * @param day the day the journeys happen on (UTC)
     */
    JourneyLoad(String gatewayUrl, String campaignCode, String prefix, LocalDate day, double rate, int threads) {
        this.collect = URI.create(gatewayUrl + "/api/v1/collect");
        this.campaignCode = campaignCode;
        this.prefix = prefix;
        this.dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.rate = rate;
        this.threads = threads;
    }

    void start() {
        for (int w = 0; w < threads; w++) {
            int worker = w;
            Thread thread = new Thread(() -> work(worker), "chaos-beacon-" + w);
            thread.setDaemon(true);
            thread.start();
            workers.add(thread);
        }
    }

    /**
     * Stops starting journeys; a journey under way keeps retrying for up to {@code grace} (its order is then
     * "unanswered"). Returns when every client has stopped.
     */
    void stop(Duration grace) throws InterruptedException {
        giveUpNanos = System.nanoTime() + grace.toNanos();
        stopping = true;
        for (Thread worker : workers) {
            worker.join();
        }
    }

    /** Accepted orders (a purchase answered 202) and their revenue in cents. */
    Map<String, Long> acceptedOrders() {
        return Map.copyOf(acceptedOrders);
    }

    /** Orders whose purchase was sent but never answered 202 before the clients gave up. */
    Set<String> unansweredOrders() {
        return Set.copyOf(unansweredOrders);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    int acceptedOrderCount() {
        return acceptedOrders.size();
    }

    private void work(int worker) {
        long interval = (long) (threads * 1e9 / rate);
        long next = System.nanoTime() + worker * interval / threads;
        while (!stopping) {
            LockSupport.parkNanos(next - System.nanoTime());
            // after a fault held this client up, carry on at the rate instead of catching up in a burst
            next = Math.max(next + interval, System.nanoTime());
            if (stopping) {
                return;
            }
            long n = sequence.incrementAndGet();
            String visitor = prefix + "-v-" + n;
            String order = prefix + "-o-" + n;
            long cents = 1_000 + (n * 7_919) % 20_000;
            Instant at = dayStart.plusSeconds(6 * 3600 + n % 36_000);
            if (!deliver(pageView(visitor, at))) {
                return;
            }
            if (!deliver(purchase(visitor, order, at.plusSeconds(30), cents))) {
                unansweredOrders.add(order);
                return;
            }
            acceptedOrders.put(order, cents);
        }
    }

    private String pageView(String visitor, Instant at) {
        return """
                {"type":"page_view","anonymousId":"%s","timestamp":"%s",\
                "url":"https://shop.example/?utm_source=facebook&utm_medium=paid_social&utm_campaign=%s"}"""
                .formatted(visitor, at, campaignCode);
    }

    private static String purchase(String visitor, String order, Instant at, long cents) {
        return """
                {"type":"purchase","anonymousId":"%s","timestamp":"%s","url":"https://shop.example/thanks",\
                "orderId":"%s","revenue":"%d.%02d","currency":"EUR"}"""
                .formatted(visitor, at, order, cents / 100, cents % 100);
    }

    /** Sends {@code body} until it is answered 202; false if the clients gave up first. */
    private boolean deliver(String body) {
        HttpRequest request = HttpRequest.newBuilder(collect).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long backoff = 100;
        while (System.nanoTime() < giveUpNanos) {
            long sent = System.nanoTime();
            String outcome;
            long wait = backoff;
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                outcome = String.valueOf(response.statusCode());
                if (response.statusCode() == 400 || response.statusCode() == 404 || response.statusCode() == 413) {
                    throw new IllegalStateException("the collector refused a request for good (" + outcome + "): "
                            + body);
                }
                wait = response.headers().firstValueAsLong("Retry-After").stream().map(s -> s * 1000)
                        .findFirst().orElse(backoff);
            } catch (HttpTimeoutException e) {
                outcome = "timeout";
            } catch (IOException e) {
                outcome = "no connection";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            answers.add(new Answer(sent, System.nanoTime(), outcome));
            if (outcome.equals("202")) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(wait, MAX_BACKOFF_MILLIS)));
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
        return false;
    }
}
