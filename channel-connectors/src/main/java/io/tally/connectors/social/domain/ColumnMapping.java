package io.tally.connectors.social.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tally.events.validation.Violation;

/**
 * Which CSV column holds which {@link AdField}: the platform's configured headers, overridden per request. A field
 * mapped to an empty header is unmapped (allowed for optional fields only).
 */
public final class ColumnMapping {

    private final Map<AdField, String> headers;

    private ColumnMapping(Map<AdField, String> headers) {
        this.headers = Collections.unmodifiableMap(headers);
    }

    /**
     * The mapping of {@code defaults} (field wire name → header) overridden by {@code overrides}.
     *
     * @param problems where an unknown field name or an unmapped required field is reported, as {@code column.<field>}
     */
    public static ColumnMapping of(Map<String, String> defaults, Map<String, String> overrides,
            List<Violation> problems) {
        Map<AdField, String> headers = new EnumMap<>(AdField.class);
        put(headers, defaults, problems);
        put(headers, overrides, problems);
        headers.values().removeIf(String::isEmpty);
        for (AdField field : AdField.values()) {
            if (field.required() && !headers.containsKey(field)) {
                problems.add(new Violation("column." + field.wireName(), "is required: name the column that holds it"));
            }
        }
        return new ColumnMapping(headers);
    }

    private static void put(Map<AdField, String> headers, Map<String, String> names, List<Violation> problems) {
        names.forEach((name, header) -> AdField.fromWireName(name).ifPresentOrElse(
                field -> headers.put(field, header == null ? "" : header.trim()),
                () -> problems
                        .add(new Violation("column." + name, "is not a field; the fields are " + AdField.allowed()))));
    }

    /** The header mapped to {@code field}, or null when it is unmapped. */
    public String header(AdField field) {
        return headers.get(field);
    }

    public Map<AdField, String> headers() {
        return headers;
    }

    /** How many mapped headers {@code row} contains. */
    public int matches(List<String> row) {
        return (int) headers.values().stream().filter(h -> indexOf(row, h) >= 0).count();
    }

    /**
     * The position of each mapped field in {@code headerRow}.
     *
     * @param problems where each mapped header missing from the row is reported, as {@code column.<field>}
     */
    public Map<AdField, Integer> resolve(List<String> headerRow, List<Violation> problems) {
        Map<AdField, Integer> positions = new EnumMap<>(AdField.class);
        headers.forEach((field, header) -> {
            int index = indexOf(headerRow, header);
            if (index < 0) {
                problems.add(new Violation("column." + field.wireName(),
                        "the column \"" + header + "\" is not in the file's header row"));
            } else {
                positions.put(field, index);
            }
        });
        return positions;
    }

    /** Header cells match trimmed and case-insensitively; a byte order mark before the first one is ignored. */
    static int indexOf(List<String> row, String header) {
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i) == null ? "" : row.get(i).replace("\uFEFF", "").trim();
            if (cell.toLowerCase(Locale.ROOT).equals(header.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
