package io.tally.attribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.attribution.AttributionFixtures;
import io.tally.attribution.intake.IntakeService;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Event;
import io.tally.events.Identifiers;
import io.tally.events.IdentityLink;
import io.tally.events.InteractionType;
import io.tally.events.Money;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;

/**
 * Ledger properties over random scenarios (seeded, so a failure names its repetition and reproduces): one customer
 * known under up to three identifiers, touches on any of them, orders, refunds, cancellations and identity links, in a
 * random order with duplicates. Each scenario runs twice, in two different orders, against the real database.
 * <ul>
 * <li>for every conversion and model, the credits sum exactly to its net revenue (revenue less refunds) and to one
 * conversion, or to zero when it was cancelled or fully refunded;</li>
 * <li>reprocessing every event again changes nothing;</li>
 * <li>the final positions do not depend on the order the events arrived in.</li>
 * </ul>
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class LedgerInvariantsTest {

    private static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.PAID_SOCIAL, Channel.ORGANIC_SEARCH,
            Channel.DIRECT, Channel.DISPLAY);

    /** The rule-based models enabled by default. */
    private static final int MODELS = 9;

    @Inject
    IntakeService intake;
    @Inject
    EntityManager em;

    /** One generated order: revenue, refunds and whether it is cancelled. */
    private record Order(String orderId, long revenueMinor, List<Long> refunds, boolean cancelled) {

        long expectedNet() {
            long net = Math.max(0, revenueMinor - refunds.stream().mapToLong(Long::longValue).sum());
            return cancelled || (revenueMinor > 0 && net == 0) ? 0 : net;
        }

        long expectedUnits() {
            return expectedNet() == 0 && (cancelled || revenueMinor > 0) ? 0 : 1_000_000L;
        }
    }

    @RepeatedTest(25)
    void creditsReconcileAreIdempotentAndIndependentOfArrivalOrder(RepetitionInfo repetition) {
        Random random = new Random(4242L + repetition.getCurrentRepetition());
        Scenario scenario = Scenario.generate(random);

        Map<String, String> first = run(scenario, "a-" + UUID.randomUUID(), new Random(random.nextLong()));
        Map<String, String> second = run(scenario, "b-" + UUID.randomUUID(), new Random(random.nextLong()));

        assertThat(second).as("final positions of the same facts in another order").isEqualTo(first);
        assertThat(AttributionFixtures.rollupMismatches()).as("daily roll-up rows that differ from the ledger")
                .isZero();
    }

    /** Runs the scenario under fresh identifiers and ids; returns its net positions keyed without the run's prefix. */
    private Map<String, String> run(Scenario scenario, String prefix, Random order) {
        List<Event> events = scenario.events(prefix);
        List<Event> shuffled = new ArrayList<>(events);
        shuffled.addAll(events.subList(0, events.size() / 3)); // redeliveries
        Collections.shuffle(shuffled, order);
        shuffled.forEach(this::process);

        for (Order o : scenario.orders) {
            String conversion = "order:" + prefix + o.orderId;
            Map<String, long[]> nets = new HashMap<>();
            for (Object[] net : rows("SELECT model, sum(amount_minor), sum(conversion_units) FROM credit"
                    + " WHERE conversion_event_id = ?1 GROUP BY model", conversion)) {
                nets.put((String) net[0], new long[]{((Number) net[1]).longValue(), ((Number) net[2]).longValue()});
            }
            // a conversion voided before it was first credited has no rows at all: every model's net is zero
            assertThat(nets.keySet()).as("models crediting %s", conversion)
                    .hasSize(o.expectedUnits() == 0 && nets.isEmpty() ? 0 : MODELS);
            for (Map.Entry<String, long[]> net : nets.entrySet()) {
                assertThat(net.getValue()).as("%s amount and conversions under %s", conversion, net.getKey())
                        .containsExactly(o.expectedNet(), o.expectedUnits());
            }
        }

        // an original is posted once: one original entry per conversion and model, each touch in it once
        assertThat(rows("SELECT conversion_event_id || ' ' || model FROM credit WHERE conversion_event_id LIKE ?1"
                + " AND entry_kind = 'original' GROUP BY conversion_event_id, model"
                + " HAVING count(DISTINCT entry_id) > 1 OR count(*) > count(DISTINCT coalesce(touchpoint_event_id, ''))",
                "order:" + prefix + "%")).as("conversions and models with an original posted twice").isEmpty();

        // the ledger has no foreign key to its conversions (V22): every row's conversion must be stored all the same
        assertThat(rows("SELECT c.conversion_event_id || ' ' || c.model FROM credit c LEFT JOIN conversion v"
                + " ON v.event_id = c.conversion_event_id WHERE c.conversion_event_id LIKE ?1 AND v.event_id IS NULL",
                "order:" + prefix + "%")).as("ledger rows whose conversion is not stored").isEmpty();

        long rowsBefore = count(prefix);
        Collections.shuffle(events, order);
        events.forEach(this::process);
        assertThat(count(prefix)).as("ledger rows after reprocessing every event").isEqualTo(rowsBefore);

        Map<String, String> positions = new TreeMap<>();
        for (Object[] row : rows("SELECT conversion_event_id, model, coalesce(touchpoint_event_id, '-'),"
                + " sum(amount_minor), sum(conversion_units) FROM credit WHERE conversion_event_id LIKE ?1"
                + " GROUP BY 1, 2, 3 HAVING sum(amount_minor) <> 0 OR sum(conversion_units) <> 0",
                "order:" + prefix + "%")) {
            String key = row[0].toString().replace(prefix, "") + "|" + row[1] + "|"
                    + row[2].toString().replace(prefix, "");
            positions.put(key, row[3] + "/" + row[4]);
        }
        return positions;
    }

    private void process(Event event) {
        if (event instanceof Touchpoint t) {
            intake.recordTouchpoint(t);
        } else if (event instanceof Conversion c) {
            intake.recordConversion(c);
        } else if (event instanceof ConversionAdjustment a) {
            intake.recordAdjustment(a);
        } else if (event instanceof IdentityLink l) {
            intake.recordIdentityLink(l);
        } else {
            throw new IllegalArgumentException(event.toString());
        }
    }

    private long count(String prefix) {
        return ((Number) rows("SELECT count(*), 0 FROM credit WHERE conversion_event_id LIKE ?1",
                "order:" + prefix + "%").get(0)[0]).longValue();
    }

    private List<Object[]> rows(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
            return rows;
        });
    }

    /** The facts of one scenario, independent of ids and arrival order. */
    private static final class Scenario {

        private final Instant start = Instant.parse("2031-06-01T00:00:00Z");
        private final List<int[]> touches = new ArrayList<>(); // identity slot, channel, minutes after start
        private final List<Order> orders = new ArrayList<>();
        private final List<Integer> orderSlots = new ArrayList<>();
        private final List<Integer> orderMinutes = new ArrayList<>();
        private final boolean linked;

        private Scenario(boolean linked) {
            this.linked = linked;
        }

        static Scenario generate(Random random) {
            Scenario s = new Scenario(random.nextBoolean());
            int touchCount = random.nextInt(7);
            for (int i = 0; i < touchCount; i++) {
                // minutes may tie, to exercise the tie-breaking by event id
                s.touches.add(new int[]{random.nextInt(3), random.nextInt(CHANNELS.size()), random.nextInt(8) * 60});
            }
            int orderCount = 1 + random.nextInt(2);
            for (int i = 0; i < orderCount; i++) {
                long revenue = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(100_000);
                List<Long> refunds = new ArrayList<>();
                int kind = random.nextInt(4);
                if (kind == 1) {
                    refunds.add(revenue == 0 ? 0 : 1 + (long) random.nextInt((int) revenue));
                } else if (kind == 2) {
                    long half = revenue / 2;
                    refunds.add(half);
                    refunds.add(revenue - half);
                }
                s.orders.add(new Order("o" + i, revenue, refunds, kind == 3));
                s.orderSlots.add(random.nextInt(3));
                s.orderMinutes.add(6 * 60 + random.nextInt(4) * 60);
            }
            return s;
        }

        private static Identifiers identity(String prefix, int slot) {
            return switch (slot) {
                case 0 -> new Identifiers("anon-" + prefix, null, null, null, null, null);
                case 1 -> new Identifiers(null, "user-" + prefix, null, null, null, null);
                default -> new Identifiers(null, null, null, null, "loyal-" + prefix, null);
            };
        }

        List<Event> events(String prefix) {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < touches.size(); i++) {
                int[] t = touches.get(i);
                events.add(new Touchpoint("tp-" + prefix + i, start.plus(t[2], ChronoUnit.MINUTES),
                        CHANNELS.get(t[1]), InteractionType.VISIT, "test", null, null, identity(prefix, t[0]), null,
                        null, Trust.VERIFIED));
            }
            // slot 2 is always joined to slot 0 by a touch that carries both; slot 1 only when linked
            events.add(new Touchpoint("tp-" + prefix + "join", start, Channel.REFERRAL, InteractionType.IMPRESSION,
                    "test", null, null, new Identifiers("anon-" + prefix, null, null, null, "loyal-" + prefix, null),
                    null, null, Trust.VERIFIED));
            if (linked) {
                events.add(new IdentityLink("link-" + prefix, start, new Identifiers("anon-" + prefix, "user-" + prefix,
                        null, null, null, null), "test", Trust.VERIFIED));
            }
            Map<Integer, Integer> refundCounter = new HashMap<>();
            for (int i = 0; i < orders.size(); i++) {
                Order o = orders.get(i);
                String orderId = prefix + o.orderId();
                Instant at = start.plus(orderMinutes.get(i), ChronoUnit.MINUTES);
                events.add(new Conversion("order:" + orderId, orderId, at, Money.ofMinor(o.revenueMinor(), "EUR"),
                        identity(prefix, orderSlots.get(i)), null, "web", Trust.VERIFIED));
                for (long refund : o.refunds()) {
                    int n = refundCounter.merge(i, 1, Integer::sum);
                    events.add(new ConversionAdjustment("refund-" + orderId + "-" + n, orderId, at.plusSeconds(60),
                            ConversionAdjustment.Kind.REFUND, Money.ofMinor(refund, "EUR"), "test", Trust.VERIFIED));
                }
                if (o.cancelled()) {
                    events.add(new ConversionAdjustment("cancel-" + orderId, orderId, at.plusSeconds(60),
                            ConversionAdjustment.Kind.CANCELLATION, Money.ofMinor(o.revenueMinor(), "EUR"), "test",
                            Trust.VERIFIED));
                }
            }
            return events;
        }
    }
}
