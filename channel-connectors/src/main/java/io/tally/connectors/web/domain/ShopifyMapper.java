package io.tally.connectors.web.domain;

import static io.tally.connectors.domain.JsonFields.requiredId;
import static io.tally.connectors.domain.JsonFields.requiredText;
import static io.tally.connectors.domain.JsonFields.text;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.domain.JsonFields;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Event;
import io.tally.events.Identifiers;
import io.tally.events.Money;
import io.tally.events.Trust;
import io.tally.events.validation.Violations;

/**
 * Turns Shopify webhook bodies into Tally events: {@code orders/create} into a {@link Conversion}
 * ({@code order:<id>}, the id the site beacon uses for the same order), {@code refunds/create} into a refund
 * {@link ConversionAdjustment} ({@code refund:<refund id>}). E-mail addresses are hashed on reading.
 */
public final class ShopifyMapper {

    /** The {@link Conversion#source()} of Shopify orders. */
    public static final String CONVERSION_SOURCE = "shopify";
    static final int MAX_ID_LENGTH = 200;
    private static final Set<String> FAILED_STATUSES = Set.of("failure", "error");

    private ShopifyMapper() {
    }

    /** The events of one webhook; violations name fields of the Shopify body. */
    public static List<Event> toEvents(ShopifyWebhook webhook, Violations violations) {
        JsonNode body = webhook.body();
        if (body == null || !body.isObject()) {
            violations.add("", "must be a JSON object");
            return List.of();
        }
        return switch (webhook.topic()) {
            case ORDERS_CREATE -> order(body, violations);
            case REFUNDS_CREATE -> refund(body, violations);
        };
    }

    /**
     * An order: revenue {@code current_total_price} (else {@code total_price}) in {@code currency}; identifiers
     * {@code customer.id} and the hash of {@code email} (else {@code customer.email}); coupon the first
     * {@code discount_codes[].code}; time {@code created_at}. A guest order without either identifier still counts,
     * under an opaque anonymous id of its own.
     */
    static List<Event> order(JsonNode body, Violations violations) {
        int before = violations.list().size();
        String orderId = requiredId(body, "id", MAX_ID_LENGTH, violations);
        Instant createdAt = instant(body, "created_at", violations);
        String priceField = body.hasNonNull("current_total_price") ? "current_total_price" : "total_price";
        Money revenue = JsonFields.money(body, priceField, "currency", violations);
        JsonNode customer = body.path("customer");
        String customerId = null;
        String emailSha256 = JsonFields.emailSha256(body, "email", violations);
        if (customer.isObject()) {
            int beforeCustomer = violations.list().size();
            String[] found = new String[2];
            violations.nested("customer", customer, c -> {
                JsonNode id = c.get("id");
                found[0] = id != null && id.isIntegralNumber()
                        ? id.bigIntegerValue().toString()
                        : text(c, "id", MAX_ID_LENGTH, violations);
                found[1] = JsonFields.emailSha256(c, "email", violations);
            });
            if (violations.list().size() == beforeCustomer) {
                customerId = found[0];
                emailSha256 = emailSha256 != null ? emailSha256 : found[1];
            }
        }
        String coupon = null;
        JsonNode codes = body.path("discount_codes");
        if (codes.isArray() && !codes.isEmpty()) {
            coupon = text(codes.get(0), "code", MAX_ID_LENGTH, new Violations());
        }
        if (violations.list().size() > before) {
            return List.of();
        }
        String eventId = "order:" + orderId;
        Identifiers identifiers = new Identifiers(null, null, emailSha256, null, null, customerId);
        if (identifiers.isEmpty()) {
            identifiers = Identifiers.anonymous(WebEventMapper.opaqueId(eventId));
        }
        return List.of(new Conversion(eventId, orderId, createdAt, revenue, identifiers, coupon, CONVERSION_SOURCE,
                Trust.VERIFIED));
    }

    /**
     * A refund: the sum of its {@code transactions[]} of kind {@code refund} (failed ones left out), in their
     * currency. A refund that moved no money (a restock only) is valid and yields no event.
     */
    static List<Event> refund(JsonNode body, Violations violations) {
        int before = violations.list().size();
        String refundId = requiredId(body, "id", MAX_ID_LENGTH, violations);
        String orderId = requiredId(body, "order_id", MAX_ID_LENGTH, violations);
        Instant createdAt = instant(body, "created_at", violations);
        JsonNode transactions = body.path("transactions");
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> currencies = new TreeSet<>();
        if (!transactions.isMissingNode() && !transactions.isNull() && !transactions.isArray()) {
            violations.add("transactions", "must be an array");
        }
        for (int i = 0; i < transactions.size() && transactions.isArray(); i++) {
            JsonNode transaction = transactions.get(i);
            if (!"refund".equals(transaction.path("kind").asText())
                    || FAILED_STATUSES.contains(transaction.path("status").asText())) {
                continue;
            }
            BigDecimal[] amount = new BigDecimal[1];
            violations.nested("transactions[" + i + "]", transaction, t -> {
                amount[0] = JsonFields.decimal(t, "amount", violations);
                String currency = requiredText(t, "currency", 16, violations);
                if (currency != null && violations.currency("currency", currency)) {
                    currencies.add(currency);
                }
                if (amount[0] != null && amount[0].signum() < 0) {
                    violations.add("amount", "must not be negative");
                }
            });
            sum = amount[0] == null ? sum : sum.add(amount[0]);
        }
        if (currencies.size() > 1) {
            violations.add("transactions", "refund transactions must share one currency, found " + currencies);
        }
        if (violations.list().size() > before) {
            return List.of();
        }
        if (currencies.isEmpty() || sum.signum() == 0) {
            return List.of();
        }
        String currency = currencies.iterator().next();
        Money amount = JsonFields.money(sum, currency, true, "transactions", violations);
        if (amount == null) {
            return List.of();
        }
        return List.of(new ConversionAdjustment("refund:" + refundId, orderId, createdAt,
                ConversionAdjustment.Kind.REFUND, amount, null, Trust.VERIFIED));
    }

    /** A Shopify timestamp ({@code 2026-11-22T05:21:02-05:00}) as an instant. */
    private static Instant instant(JsonNode body, String field, Violations violations) {
        String text = requiredText(body, field, 64, violations);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(field, "must be an ISO-8601 date-time with offset such as 2026-11-22T05:21:02-05:00");
            return null;
        }
    }
}
