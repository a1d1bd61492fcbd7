package io.tally.connectors.costs.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.tally.connectors.domain.JsonFields;
import io.tally.events.Channel;
import io.tally.events.Money;
import io.tally.events.validation.Violations;

/**
 * The rules of a generic cost line, the same for a CSV row and a JSON object: each field's text is read and checked,
 * and every bad one is reported under the name the input gives it (a column header, or a JSON field).
 */
public final class CostLineReader {

    static final int MAX_CODE = 200;
    static final int MAX_CATEGORY = 50;
    static final int MAX_SOURCE = 50;
    static final int MAX_ID = 100;
    /** Longer than any amount of at most 15 integer digits and a currency's decimals. */
    private static final int MAX_AMOUNT_TEXT = 40;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern UUID_TEXT = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 1, 1);

    private CostLineReader() {
    }

    /**
     * The line whose fields' texts {@code values} gives (null or blank: absent), or null when a field is bad.
     *
     * @param names how the input names each field in a violation
     */
    public static CostLine read(Function<CostField, String> values, Function<CostField, String> names,
            Violations violations) {
        int before = violations.list().size();
        Fields fields = new Fields(values, names, violations);
        LocalDate date = fields.date();
        String campaignCode = fields.text(CostField.CAMPAIGN_CODE, MAX_CODE);
        UUID programmeId = fields.programmeId();
        if (campaignCode == null && programmeId == null && violations.list().size() == before) {
            violations.add(names.apply(CostField.CAMPAIGN_CODE), "is required unless "
                    + names.apply(CostField.PROGRAMME_ID) + " names the programme the cost belongs to");
        }
        Channel channel = fields.channel();
        Money amount = fields.amount();
        String category = fields.text(CostField.CATEGORY, MAX_CATEGORY);
        String source = fields.source();
        String id = fields.text(CostField.ID, MAX_ID);
        if (violations.list().size() > before) {
            return null;
        }
        return new CostLine(date, campaignCode, programmeId, channel, amount, category, source, id);
    }

    /** One line's fields as they are read. */
    private record Fields(Function<CostField, String> values, Function<CostField, String> names, Violations v) {

        /** The field's trimmed text; null when absent or blank. */
        String value(CostField field) {
            String value = values.apply(field);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String name(CostField field) {
            return names.apply(field);
        }

        String text(CostField field, int max) {
            String text = value(field);
            int before = v.list().size();
            v.text(name(field), text, max);
            return v.list().size() > before ? null : text;
        }

        LocalDate date() {
            String text = value(CostField.DATE);
            if (!v.required(name(CostField.DATE), text)) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(text, ISO_DATE);
                if (date.isBefore(EARLIEST) || !date.isBefore(LATEST)) {
                    v.add(name(CostField.DATE), "must be from " + EARLIEST + " and before " + LATEST);
                    return null;
                }
                return date;
            } catch (DateTimeParseException e) {
                v.add(name(CostField.DATE), "must be a date YYYY-MM-DD, got " + Figures.quoted(text));
                return null;
            }
        }

        UUID programmeId() {
            String text = value(CostField.PROGRAMME_ID);
            if (text == null) {
                return null;
            }
            if (!UUID_TEXT.matcher(text).matches()) {
                v.add(name(CostField.PROGRAMME_ID), "must be a programme id (a UUID), got " + Figures.quoted(text));
                return null;
            }
            return UUID.fromString(text);
        }

        Channel channel() {
            String text = value(CostField.CHANNEL);
            if (text == null) {
                return null;
            }
            Optional<Channel> channel = Channel.fromWireName(text);
            if (channel.isEmpty()) {
                v.add(name(CostField.CHANNEL), "must be empty (a shared cost of the programme) or one of "
                        + Arrays.stream(Channel.values()).map(Channel::wireName).collect(Collectors.joining(", ")));
            }
            return channel.orElse(null);
        }

        Money amount() {
            String text = value(CostField.AMOUNT);
            String currencyText = value(CostField.CURRENCY);
            String currency = currencyText == null ? null : currencyText.toUpperCase(Locale.ROOT);
            boolean knownCurrency;
            if (currency != null && !CURRENCY.matcher(currency).matches()) {
                v.add(name(CostField.CURRENCY), "must be an ISO 4217 currency code (EUR), got "
                        + Figures.quoted(currencyText));
                knownCurrency = false;
            } else {
                knownCurrency = v.currency(name(CostField.CURRENCY), currency);
            }
            if (!v.required(name(CostField.AMOUNT), text)) {
                return null;
            }
            if (text.length() > MAX_AMOUNT_TEXT || !DECIMAL.matcher(text).matches()) {
                v.add(name(CostField.AMOUNT), "must be a decimal number with a dot (1250.00), got "
                        + Figures.quoted(text));
                return null;
            }
            return JsonFields.money(new BigDecimal(text), currency, knownCurrency, name(CostField.AMOUNT), v);
        }

        String source() {
            String text = value(CostField.SOURCE);
            if (text == null) {
                return CostLine.DEFAULT_SOURCE;
            }
            String source = text.toLowerCase(Locale.ROOT);
            if (source.length() > MAX_SOURCE || !SOURCE.matcher(source).matches()) {
                v.add(name(CostField.SOURCE), "must be at most " + MAX_SOURCE
                        + " letters, digits, '_', '.' or '-' (finance, google-ads), got " + Figures.quoted(text));
                return null;
            }
            return source;
        }
    }
}
