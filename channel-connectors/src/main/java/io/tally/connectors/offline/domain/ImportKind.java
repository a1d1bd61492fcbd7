package io.tally.connectors.offline.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.connectors.csv.CsvField;
import io.tally.events.validation.Violation;

/** What one CSV import holds, with its fields and their default column headers. */
public enum ImportKind {

    /**
     * Offline contacts: event attendance, call-centre calls, direct-mail drops, store visits; each on the channel its
     * type maps to ({@link OfflineChannels}), or on the row's own {@code channel}.
     */
    TOUCHPOINTS(List.of(
            ImportField.required("type", "type"),
            ImportField.required("occurredAt", "occurred_at"),
            ImportField.identifier("loyaltyId", "loyalty_id"),
            ImportField.identifier("email", "email"),
            ImportField.identifier("phone", "phone"),
            ImportField.identifier("customerId", "customer_id"),
            ImportField.optional("code", "code"),
            ImportField.optional("channel", "channel"))),

    /** Point-of-sale sales. */
    CONVERSIONS(List.of(
            ImportField.required("orderId", "order_id"),
            ImportField.required("occurredAt", "occurred_at"),
            ImportField.required("amount", "amount"),
            ImportField.required("currency", "currency"),
            ImportField.identifier("loyaltyId", "loyalty_id"),
            ImportField.identifier("email", "email"),
            ImportField.identifier("phone", "phone"),
            ImportField.identifier("customerId", "customer_id"),
            ImportField.optional("couponCode", "coupon_code"))),

    /**
     * Refunds of booked orders, from the shop's or the ERP's export: the authenticated way to take revenue back for a
     * shop whose refunds do not arrive through a signed webhook (the open collector cannot refund).
     */
    REFUNDS(List.of(
            ImportField.required("refundId", "refund_id"),
            ImportField.required("orderId", "order_id"),
            ImportField.required("occurredAt", "occurred_at"),
            ImportField.required("amount", "amount"),
            ImportField.required("currency", "currency"),
            ImportField.optional("reason", "reason")));

    private final List<ImportField> fields;

    ImportKind(List<ImportField> fields) {
        this.fields = fields;
    }

    /** The fields of this kind, in documentation order. */
    public List<ImportField> fields() {
        return fields;
    }

    /** The field called {@code name} (case-sensitive, as in {@code column.<field>}), if this kind has it. */
    public Optional<ImportField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Whether each row must name a customer (touchpoints and sales do; a refund names its order instead). */
    public boolean identifiesCustomers() {
        return fields.stream().anyMatch(f -> f.role() == CsvField.Role.IDENTIFIER);
    }

    /**
     * The kind's column mapping: the default headers overridden per upload ({@code column.<field>=<header>}, see
     * {@link ColumnMapping#overridesFrom}). A blank header is refused; a default optional or identifier column may be
     * absent, a required or explicitly mapped one may not, nor may a mapped header appear twice.
     *
     * @param violations where an unknown field or a blank header is reported, as {@code column.<field>}
     */
    public ColumnMapping<ImportField> columnMapping(Map<String, String> overrides, List<Violation> violations) {
        return ColumnMapping.of(new ColumnMapping.Rules<>(fields, wireName() + " imports", false, true,
                "is mapped to the column \"%s\", which the header row does not have"), Map.of(), overrides, violations);
    }

    /** The lower-case name used in URLs and responses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a wire name, case-insensitively. */
    public static Optional<ImportKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equalsIgnoreCase(name == null ? "" : name.trim()))
                .findFirst();
    }
}
