package io.tally.connectors.offline.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.tally.connectors.csv.CsvField;
import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Event;
import io.tally.events.Identifiers;
import io.tally.events.InteractionType;
import io.tally.events.Money;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;
import io.tally.events.validation.Violations;

/**
 * One CSV row → one {@link Touchpoint}, {@link Conversion} or refund ({@link ConversionAdjustment}), reporting every bad cell under its column header as it
 * appears in the file. E-mail addresses and phone numbers only ever leave as SHA-256 ({@link IdentityKeys}).
 */
public final class OfflineRowMapper {

    /** The conversion source of point-of-sale rows. */
    public static final String POS_SOURCE = "pos";
    /** The medium of every offline touchpoint. */
    public static final String MEDIUM = "offline";

    private static final int MAX_TEXT = 200;
    private static final int MAX_TYPE = 50;
    private static final int MAX_REASON = 1000;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getDefaultFractionDigits() >= 0).map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private final Columns columns;
    private final OfflineChannels channels;

    public OfflineRowMapper(Columns columns, OfflineChannels channels) {
        this.columns = columns;
        this.channels = channels;
    }

    /** The row's event; empty when violations were added. */
    public List<Event> map(CsvRow row, Violations v) {
        int before = v.list().size();
        checkWidth(row, v);
        Event event = switch (columns.kind()) {
            case TOUCHPOINTS -> touchpoint(row, v);
            case CONVERSIONS -> conversion(row, v);
            case REFUNDS -> refund(row, v);
        };
        return v.list().size() == before && event != null ? List.of(event) : List.of();
    }

    private Touchpoint touchpoint(CsvRow row, Violations v) {
        String type = text(row, "type", MAX_TYPE, v);
        Instant occurredAt = instant(row, v);
        Identifiers ids = identifiers(row, v);
        String code = text(row, "code", MAX_TEXT, v);
        Channel channel = channel(row, v);
        if (type == null || occurredAt == null || ids == null) {
            return null;
        }
        type = type.toLowerCase(Locale.ROOT).replace(' ', '_');
        return new Touchpoint(touchpointId(type, ids, occurredAt, code), occurredAt,
                channel != null ? channel : channels.channelOf(type), InteractionType.OFFLINE_CONTACT, type, MEDIUM,
                code, ids, null, null, Trust.VERIFIED);
    }

    private Conversion conversion(CsvRow row, Violations v) {
        String orderId = text(row, "orderId", MAX_TEXT, v);
        Instant occurredAt = instant(row, v);
        Money revenue = money(row, v);
        Identifiers ids = identifiers(row, v);
        String couponCode = text(row, "couponCode", MAX_TEXT, v);
        if (orderId == null || occurredAt == null || revenue == null || ids == null) {
            return null;
        }
        return new Conversion(conversionId(orderId), orderId, occurredAt, revenue, ids, couponCode, POS_SOURCE,
                Trust.VERIFIED);
    }

    /**
     * A refund of a booked order. Its id is {@code refund:<refundId>}, the one the Shopify refunds webhook gives the
     * same refund, so a refund that arrives both ways is taken back once.
     */
    private ConversionAdjustment refund(CsvRow row, Violations v) {
        String refundId = text(row, "refundId", MAX_TEXT, v);
        String orderId = text(row, "orderId", MAX_TEXT, v);
        Instant occurredAt = instant(row, v);
        Money amount = money(row, v);
        String reason = text(row, "reason", MAX_REASON, v);
        if (amount != null && amount.amount().signum() == 0) {
            v.add(columns.headerOf("amount"), "must be greater than zero: a refund of nothing moves no money");
            return null;
        }
        if (refundId == null || orderId == null || occurredAt == null || amount == null) {
            return null;
        }
        return new ConversionAdjustment("refund:" + refundId, orderId, occurredAt, ConversionAdjustment.Kind.REFUND,
                amount, reason, Trust.VERIFIED);
    }

    /** {@code order:<orderId>}: the id web and shop sources give the same order, so it is counted once. */
    public static String conversionId(String orderId) {
        return "order:" + orderId;
    }

    /** {@code offline:<name-based UUID of kind, type, identifiers, occurredAt, code>}: the same row, the same id. */
    static String touchpointId(String type, Identifiers ids, Instant occurredAt, String code) {
        String key = String.join("\n", ImportKind.TOUCHPOINTS.wireName(), type, nz(ids.customerId()),
                nz(ids.loyaltyId()), nz(ids.emailSha256()), nz(ids.phoneSha256()), occurredAt.toString(), nz(code));
        return "offline:" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private void checkWidth(CsvRow row, Violations v) {
        int width = columns.header().length;
        for (int i = width; i < row.cells().length; i++) {
            if (row.cells()[i] != null && !row.cells()[i].isBlank()) {
                v.add("", "has " + row.cells().length + " cells, the header row has " + width);
                return;
            }
        }
    }

    /** The row's own channel (a channel's wire name), or null when the import has no such cell or it is bad. */
    private Channel channel(CsvRow row, Violations v) {
        String value = columns.cell(row, "channel");
        if (value == null) {
            return null;
        }
        Optional<Channel> channel = Channel.fromWireName(value.strip());
        if (channel.isEmpty()) {
            v.add(columns.headerOf("channel"), "must be one of " + Arrays.stream(Channel.values())
                    .map(Channel::wireName).collect(Collectors.joining(", ")));
        }
        return channel.orElse(null);
    }

    private String text(CsvRow row, String field, int max, Violations v) {
        String value = columns.cell(row, field);
        boolean required = columns.kind().field(field).map(f -> f.role() == CsvField.Role.REQUIRED).orElse(false);
        if (value == null && required) {
            v.add(columns.headerOf(field), "is required");
        } else if (value != null && value.length() > max) {
            v.add(columns.headerOf(field), "must be at most " + max + " characters");
            return null;
        }
        return value;
    }

    private Instant instant(CsvRow row, Violations v) {
        String cell = columns.cell(row, "occurredAt");
        if (cell == null) {
            v.add(columns.headerOf("occurredAt"), "is required");
            return null;
        }
        Instant at = OfflineTimestamps.parse(cell);
        if (at == null) {
            v.add(columns.headerOf("occurredAt"), OfflineTimestamps.FORMATS + ", not " + cell);
        }
        return at;
    }

    private Money money(CsvRow row, Violations v) {
        String amountCell = columns.cell(row, "amount");
        String currency = columns.cell(row, "currency");
        BigDecimal amount = null;
        if (amountCell == null) {
            v.add(columns.headerOf("amount"), "is required");
        } else if (!DECIMAL.matcher(amountCell).matches()) {
            v.add(columns.headerOf("amount"), "must be a decimal number with a dot (49.90), not " + amountCell);
        } else if (new BigDecimal(amountCell).signum() < 0) {
            v.add(columns.headerOf("amount"), "must not be negative");
        } else {
            amount = new BigDecimal(amountCell);
        }
        if (currency == null) {
            v.add(columns.headerOf("currency"), "is required");
            return null;
        }
        currency = currency.toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(currency)) {
            v.add(columns.headerOf("currency"), "is not an ISO 4217 currency code: " + currency);
            return null;
        }
        int digits = Money.fractionDigits(currency);
        if (amount != null && amount.stripTrailingZeros().scale() > digits) {
            v.add(columns.headerOf("amount"), "has more decimals than " + currency + " allows (" + digits + ")");
            return null;
        }
        return amount == null ? null : new Money(amount.setScale(Math.max(digits, 0)), currency);
    }

    private Identifiers identifiers(CsvRow row, Violations v) {
        int before = v.list().size();
        String loyaltyId = text(row, "loyaltyId", MAX_TEXT, v);
        String customerId = text(row, "customerId", MAX_TEXT, v);
        String email = columns.cell(row, "email");
        String phone = columns.cell(row, "phone");
        String emailSha = null;
        String phoneSha = null;
        if (email != null) {
            if (email.length() > 320 || email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1) {
                v.add(columns.headerOf("email"), "is not an e-mail address");
            } else {
                emailSha = IdentityKeys.emailSha256(email);
            }
        }
        if (phone != null) {
            phoneSha = IdentityKeys.phoneSha256(phone);
            if (phoneSha == null || phone.replaceAll("[^0-9]", "").length() > 20) {
                v.add(columns.headerOf("phone"), "is not a phone number");
                phoneSha = null;
            }
        }
        if (v.list().size() > before) {
            return null;
        }
        Identifiers ids = new Identifiers(null, null, emailSha, phoneSha, loyaltyId, customerId);
        if (ids.isEmpty()) {
            v.add("identifiers", "at least one of " + columns.kind().fields().stream()
                    .filter(f -> f.role() == CsvField.Role.IDENTIFIER && columns.indexes().containsKey(f.name()))
                    .map(f -> columns.headerOf(f.name())).collect(Collectors.joining(", ")) + " is required");
            return null;
        }
        return ids;
    }

    private static String nz(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
