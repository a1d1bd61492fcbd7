package io.tally.connectors.csv;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.tally.events.validation.Violation;

/**
 * Which CSV header each field of an import is read from, for every CSV import of the connectors (ad-platform cost
 * exports, offline uploads): the fields' default headers, then configured headers, then per-request overrides
 * ({@code column.<field>=<header>}). Headers match case-insensitively, ignoring surrounding whitespace and a byte order
 * mark. Problems are reported as violations named {@code column.<field>}; how an import words some of them and treats a
 * blank header are its {@link Rules}.
 *
 * @param <F> the import's fields
 */
public final class ColumnMapping<F extends CsvField> {

    /** The query-parameter (and violation) prefix of a mapped field. */
    public static final String PARAMETER_PREFIX = "column.";

    /**
     * What one kind of import maps and how it words its problems.
     *
     * @param fields the fields, in documentation order
     * @param scope what the unknown-field message names ({@code "conversions imports"}), or null for none
     * @param blankUnmaps whether a blank header unmaps an optional field (else it is refused: "must name a column
     *        header"); a required field is never unmapped
     * @param duplicatesAmbiguous whether a mapped header that the header row has twice is refused (else the first
     *        column is read)
     * @param missingColumn the reason a needed column is missing, a format with the header as {@code %s}
     */
    public record Rules<F extends CsvField>(List<F> fields, String scope, boolean blankUnmaps,
            boolean duplicatesAmbiguous, String missingColumn) {

        public Rules {
            fields = List.copyOf(fields);
        }

        Optional<F> field(String name) {
            return fields.stream().filter(f -> f.wireName().equals(name)).findFirst();
        }
    }

    private final Rules<F> rules;
    private final Map<F, String> headers;
    private final Set<F> explicit;

    private ColumnMapping(Rules<F> rules, Map<F, String> headers, Set<F> explicit) {
        this.rules = rules;
        this.headers = Collections.unmodifiableMap(headers);
        this.explicit = Set.copyOf(explicit);
    }

    /**
     * The mapping of {@code rules}' fields: their default headers, overridden by {@code configured} and then by
     * {@code overrides} (both field name → header).
     *
     * @param violations where an unknown field, a refused blank header or an unmapped required field is reported
     */
    public static <F extends CsvField> ColumnMapping<F> of(Rules<F> rules, Map<String, String> configured,
            Map<String, String> overrides, List<Violation> violations) {
        Map<F, String> headers = new LinkedHashMap<>();
        for (F field : rules.fields()) {
            if (field.defaultHeader() != null) {
                headers.put(field, field.defaultHeader());
            }
        }
        Set<F> explicit = new HashSet<>();
        put(rules, headers, explicit, configured, violations);
        put(rules, headers, explicit, overrides, violations);
        for (F field : rules.fields()) {
            if (field.role() == CsvField.Role.REQUIRED && !headers.containsKey(field)) {
                violations.add(new Violation(PARAMETER_PREFIX + field.wireName(),
                        "is required: name the column that holds it"));
            }
        }
        Map<F, String> ordered = new LinkedHashMap<>();
        rules.fields().stream().filter(headers::containsKey).forEach(f -> ordered.put(f, headers.get(f)));
        return new ColumnMapping<>(rules, ordered, explicit);
    }

    private static <F extends CsvField> void put(Rules<F> rules, Map<F, String> headers, Set<F> explicit,
            Map<String, String> names, List<Violation> violations) {
        names.forEach((name, header) -> {
            Optional<F> field = rules.field(name);
            String trimmed = header == null ? "" : header.trim();
            if (field.isEmpty()) {
                violations.add(new Violation(PARAMETER_PREFIX + name, "is not a field"
                        + (rules.scope() == null ? "" : " of " + rules.scope()) + "; the fields are "
                        + rules.fields().stream().map(CsvField::wireName).collect(Collectors.joining(", "))));
            } else if (!trimmed.isEmpty()) {
                headers.put(field.get(), trimmed);
                explicit.add(field.get());
            } else if (rules.blankUnmaps()) {
                headers.remove(field.get());
                explicit.remove(field.get());
            } else {
                violations.add(new Violation(PARAMETER_PREFIX + name, "must name a column header"));
            }
        });
    }

    /** The header of {@code field}, or null when it is unmapped. */
    public String header(F field) {
        return headers.get(field);
    }

    /** The header each mapped field is read from (field → header, in field order), defaults included. */
    public Map<F, String> headers() {
        return headers;
    }

    /** How many mapped headers {@code row} contains. */
    public int matches(List<String> row) {
        Set<String> cells = row.stream().map(ColumnMapping::normalise).collect(Collectors.toSet());
        return (int) headers.values().stream().filter(h -> cells.contains(normalise(h))).count();
    }

    /**
     * Whether {@code row} holds every column the file must have: the header of each required field and of each field
     * that configuration or the request mapped. A header row is found by this (optional default columns may be absent).
     */
    public boolean holdsNeeded(List<String> row) {
        Set<String> cells = row.stream().map(ColumnMapping::normalise).collect(Collectors.toSet());
        return headers.entrySet().stream()
                .filter(e -> e.getKey().role() == CsvField.Role.REQUIRED || explicit.contains(e.getKey()))
                .allMatch(e -> cells.contains(normalise(e.getValue())));
    }

    /**
     * The position of each mapped field's column in {@code headerRow} (the first, should a header appear twice), in
     * field order.
     *
     * @param violations where each problem is reported, as {@code column.<field>}: a needed column that is missing (a
     *        required field's, or one configuration or the request named), a header that appears twice (when the rules
     *        say so), no identifier column at all (when the import has identifier fields)
     */
    public Map<F, Integer> resolve(List<String> headerRow, List<Violation> violations) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        Set<String> duplicates = new HashSet<>();
        for (int i = 0; i < headerRow.size(); i++) {
            if (positions.putIfAbsent(normalise(headerRow.get(i)), i) != null) {
                duplicates.add(normalise(headerRow.get(i)));
            }
        }
        Map<F, Integer> indexes = new LinkedHashMap<>();
        headers.forEach((field, header) -> {
            Integer index = positions.get(normalise(header));
            if (index == null) {
                if (field.role() == CsvField.Role.REQUIRED || explicit.contains(field)) {
                    violations.add(new Violation(PARAMETER_PREFIX + field.wireName(),
                            rules.missingColumn().formatted(header)));
                }
                return;
            }
            if (rules.duplicatesAmbiguous() && duplicates.contains(normalise(header))) {
                violations.add(new Violation(PARAMETER_PREFIX + field.wireName(),
                        "is mapped to the column \"" + header + "\", which the header row has more than once"));
            }
            indexes.put(field, index);
        });
        List<F> identifiers = rules.fields().stream().filter(f -> f.role() == CsvField.Role.IDENTIFIER).toList();
        if (!identifiers.isEmpty() && identifiers.stream().noneMatch(indexes::containsKey)) {
            violations.add(new Violation("identifiers", "the header row has none of the identifier columns "
                    + identifiers.stream().map(f -> "\"" + headers.get(f) + "\"").collect(Collectors.joining(", "))));
        }
        return indexes;
    }

    /** A header as it is matched: without surrounding whitespace or a leading byte order mark, lower-case. */
    static String normalise(String header) {
        String stripped = header == null ? "" : header.strip();
        if (stripped.startsWith("\uFEFF")) {
            stripped = stripped.substring(1).strip();
        }
        return stripped.toLowerCase(Locale.ROOT);
    }

    /** Overrides from query parameters: every {@code column.<field>} parameter, its first value. */
    public static Map<String, String> overridesFrom(Map<String, List<String>> queryParameters) {
        Map<String, String> overrides = new LinkedHashMap<>();
        queryParameters.forEach((name, values) -> {
            if (name.startsWith(PARAMETER_PREFIX) && !values.isEmpty()) {
                overrides.put(name.substring(PARAMETER_PREFIX.length()), values.get(0));
            }
        });
        return overrides;
    }
}
