package io.tally.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.kafka.common.utils.Utils;

import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Identifiers;
import io.tally.events.IdentityLink;
import io.tally.events.InteractionType;
import io.tally.events.Money;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;
import io.tally.system.ScaleOutLedger.ModelCredit;

/**
 * The events of {@code ScaleOutIT}'s attribution test, drawn from a seed, and what the ledger must hold once they are
 * all in, worked out here from what is sent, never read back from the service.
 * <p>
 * Each customer has a customer id and touches (clicks, weight 1) on 3 to 6 distinct days before one order. Every
 * second customer is also seen under an anonymous id whose partition key lands on another partition than the customer
 * id's; an identity link (keyed by the customer id) joins the two. Such a merged customer converts under one of the
 * two identities, and the other identity holds the journey's first and last touch: before the link the first and last
 * touch are those of the converting identity, after it the other's. Some orders are refunded in part, a few in full.
 */
final class ScaleOutJourneys {

    /** Partitions of every topic in the test (as the k8s topics have). */
    static final int PARTITIONS = 12;
    static final String CURRENCY = "EUR";

    /** One touch as sent. */
    record Touch(String eventId, Instant at, Channel channel, Identifiers identifiers) {

        Touchpoint event() {
            return new Touchpoint(eventId, at, channel, InteractionType.CLICK, "scale-out", null, null, identifiers,
                    null, null, Trust.VERIFIED);
        }
    }

    /**
     * One customer and their order.
     *
     * @param converting the identity the order carries
     * @param other for a merged customer, the identity on another partition that the link joins; else null
     * @param touches every touch of the customer, both identities, oldest first
     * @param refundedMinor what refunds take back (0 when none); equal to the revenue for a full refund
     */
    record Customer(int number, Identifiers converting, Identifiers other, List<Touch> touches, String orderId,
            Instant orderedAt, long revenueMinor, long refundedMinor) {

        boolean merged() {
            return other != null;
        }

        boolean refunded() {
            return refundedMinor > 0;
        }

        boolean fullyRefunded() {
            return refundedMinor == revenueMinor;
        }

        /** Revenue less refunds: what every model's credit of the order must sum to. */
        long netMinor() {
            return revenueMinor - refundedMinor;
        }

        String conversionEventId() {
            return "order:" + orderId;
        }

        /** The touches of the converting identity: the journey the order is first credited with. */
        List<Touch> convertingTouches() {
            return touches.stream().filter(t -> t.identifiers().equals(converting)).toList();
        }

        Conversion conversion() {
            return new Conversion(conversionEventId(), orderId, orderedAt, Money.ofMinor(revenueMinor, CURRENCY),
                    converting, null, "scale-out", Trust.VERIFIED);
        }

        IdentityLink link() {
            Identifiers both = new Identifiers(anonymousIdOf(this), null, null, null, null, customerIdOf(this));
            return new IdentityLink("link:" + orderId, orderedAt.plusSeconds(60), both, "scale-out",
                    Trust.VERIFIED);
        }

        ConversionAdjustment refund() {
            return new ConversionAdjustment("refund:" + orderId, orderId, orderedAt.plus(Duration.ofHours(2)),
                    ConversionAdjustment.Kind.REFUND, Money.ofMinor(refundedMinor, CURRENCY), "returned",
                    Trust.VERIFIED);
        }
    }

    private static final List<Channel> CHANNELS = List.of(Channel.PAID_SOCIAL, Channel.EMAIL, Channel.PAID_SEARCH,
            Channel.DISPLAY, Channel.REFERRAL, Channel.ORGANIC_SEARCH);

    private final List<Customer> customers;

    /**
     * @param prefix what every id of this run starts with
     * @param day the orders' day (UTC)
     */
    ScaleOutJourneys(String prefix, LocalDate day, int customerCount, long seed) {
        Random random = new Random(seed);
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Customer> drawn = new ArrayList<>();
        for (int n = 0; n < customerCount; n++) {
            Identifiers customer = new Identifiers(null, null, null, null, null, prefix + "-c" + n);
            Identifiers anonymous = n % 2 == 0 ? anonymousOnAnotherPartition(prefix, n, customer) : null;
            boolean convertsAnonymously = anonymous != null && n % 4 == 0;
            Identifiers converting = convertsAnonymously ? anonymous : customer;
            Identifiers other = anonymous == null ? null : convertsAnonymously ? customer : anonymous;
            Instant orderedAt = dayStart.plusSeconds(6 * 3_600 + 60L * n); // 06:00 to 11:00 UTC, inside the day anywhere in Europe
            int touchCount = 3 + random.nextInt(4);
            List<Touch> touches = new ArrayList<>();
            for (int t = 0; t < touchCount; t++) {
                // the first and last touch are the other identity's, when there is one; days apart, oldest first
                Identifiers ids = other != null && (t == 0 || t == touchCount - 1) ? other : converting;
                Instant at = orderedAt.minus(Duration.ofDays(touchCount - t)).minusSeconds(random.nextInt(3_600));
                touches.add(new Touch(prefix + "-t" + n + "-" + t, at, CHANNELS.get(random.nextInt(CHANNELS.size())),
                        ids));
            }
            touches.sort(Comparator.comparing(Touch::at));
            long revenue = 1_000 + random.nextInt(39_000);
            long refunded = n % 25 == 3 ? revenue : n % 5 == 1 ? 100 + random.nextInt((int) revenue - 600) : 0;
            drawn.add(new Customer(n, converting, other, List.copyOf(touches), prefix + "-o" + n, orderedAt, revenue,
                    refunded));
        }
        this.customers = List.copyOf(drawn);
    }

    List<Customer> customers() {
        return customers;
    }

    /**
     * What the ledger holds against what it must, per order and rule-based model; empty when every order is exact:
     * <ul>
     * <li>credited under every rule-based model, its rows summing to the revenue less refunds, one conversion (none once
     * fully refunded);</li>
     * <li>original rows once: one conversion and the revenue, over the converting identity's touches only (the order
     * was first credited before the link);</li>
     * <li>adjustment rows only for what happened to it: {@code identity_merge} for a merged customer, {@code refund} for
     * a refunded order (which must have one);</li>
     * <li>the credit on the whole journey: {@code first_touch} on the first touch of either identity, the last-touch
     * models on the last, every other model on every touch, {@code linear} in equal shares to the cent.</li>
     * </ul>
     */
    List<String> discrepancies(Map<String, Map<String, ModelCredit>> credits) {
        List<String> wrong = new ArrayList<>();
        for (Customer c : customers) {
            Map<String, ModelCredit> models = credits.getOrDefault(c.conversionEventId(), Map.of());
            if (!models.keySet().equals(Set.copyOf(ScaleOutIT.RULE_BASED))) {
                wrong.add(c.orderId() + ": credited under " + models.keySet());
                continue;
            }
            List<String> journey = c.touches().stream().map(Touch::eventId).toList();
            List<String> firstJourney = c.convertingTouches().stream().map(Touch::eventId).toList();
            Set<String> allowed = new HashSet<>();
            if (c.merged()) {
                allowed.add("identity_merge");
            }
            if (c.refunded()) {
                allowed.add("refund");
            }
            for (String model : ScaleOutIT.RULE_BASED) {
                ModelCredit m = models.get(model);
                String at = c.orderId() + " " + model + ": ";
                if (m.minor() != c.netMinor() || m.units() != (c.fullyRefunded() ? 0 : ScaleOutIT.ONE_CONVERSION)) {
                    wrong.add(at + m.minor() + " minor / " + m.units() + " units, not " + c.netMinor() + " / "
                            + (c.fullyRefunded() ? 0 : ScaleOutIT.ONE_CONVERSION));
                }
                if (m.originalMinor() != c.revenueMinor() || m.originalUnits() != ScaleOutIT.ONE_CONVERSION
                        || !firstJourney.containsAll(nonZero(m.originalByTouch()))) {
                    wrong.add(at + "original rows " + m.originalByTouch() + " are not one credit of "
                            + c.revenueMinor() + " over " + firstJourney);
                }
                if (!allowed.containsAll(m.adjustmentReasons()) || c.refunded()
                        && !m.adjustmentReasons().contains("refund")) {
                    wrong.add(at + "adjusted for " + m.adjustmentReasons() + ", expected " + allowed);
                }
                Set<String> credited = nonZero(m.netByTouch());
                Set<String> expected = c.fullyRefunded() ? Set.of() : switch (model) {
                    case "first_touch" -> Set.of(journey.get(0));
                    case "last_touch", "last_non_direct" -> Set.of(journey.get(journey.size() - 1));
                    default -> Set.copyOf(journey);
                };
                if (!credited.equals(expected)) {
                    wrong.add(at + "credits touches " + credited + ", expected " + expected);
                }
                if (model.equals("linear") && !c.fullyRefunded()) {
                    long floor = c.netMinor() / journey.size();
                    long ceil = floor + (c.netMinor() % journey.size() == 0 ? 0 : 1);
                    m.netByTouch().forEach((touch, minor) -> {
                        if (touch != null && minor != floor && minor != ceil) {
                            wrong.add(at + touch + " holds " + minor + ", not " + floor + " or " + ceil);
                        }
                    });
                }
            }
        }
        return wrong;
    }

    private static Set<String> nonZero(Map<String, Long> byTouch) {
        Set<String> touches = new HashSet<>();
        byTouch.forEach((touch, minor) -> {
            if (minor != 0) {
                touches.add(touch);
            }
        });
        return touches;
    }

    /** The partition Kafka's default partitioner puts {@code key} on ({@code murmur2}, as the services' producers). */
    static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** An anonymous id whose partition key hashes to another partition than {@code customer}'s. */
    private static Identifiers anonymousOnAnotherPartition(String prefix, int n, Identifiers customer) {
        for (int salt = 0;; salt++) {
            Identifiers anonymous = Identifiers.anonymous(prefix + "-a" + n + "-" + salt);
            if (partitionOf(anonymous.partitionKey()) != partitionOf(customer.partitionKey())) {
                return anonymous;
            }
        }
    }

    private static String anonymousIdOf(Customer customer) {
        return customer.converting().anonymousId() != null
                ? customer.converting().anonymousId()
                : customer.other().anonymousId();
    }

    private static String customerIdOf(Customer customer) {
        return customer.converting().customerId() != null
                ? customer.converting().customerId()
                : customer.other().customerId();
    }
}
