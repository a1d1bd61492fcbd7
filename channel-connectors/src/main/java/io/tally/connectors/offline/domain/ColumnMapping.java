package io.tally.connectors.offline.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.tally.events.validation.Violation;

/**
 * Which CSV header each field of an import kind is read from: the kind's defaults, overridden per upload with
 * {@code column.<field>=<header>}. Headers match case-insensitively, ignoring surrounding spaces.
 */
public final class ColumnMapping {

    /** The query-parameter prefix of a mapping override. */
    public static final String PARAMETER_PREFIX = "column.";

    private final ImportKind kind;
    private final Map<String, String> headers;
    private final Map<String, Boolean> explicit;

    private ColumnMapping(ImportKind kind, Map<String, String> headers, Map<String, Boolean> explicit) {
        this.kind = kind;
        this.headers = headers;
        this.explicit = explicit;
    }

    /**
     * The mapping of {@code kind} with {@code overrides} (field → header).
     *
     * @param violations where an unknown field or a blank header is reported, as {@code column.<field>}
     */
    public static ColumnMapping of(ImportKind kind, Map<String, String> overrides, List<Violation> violations) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, Boolean> explicit = new LinkedHashMap<>();
        kind.fields().forEach(f -> {
            headers.put(f.name(), f.defaultHeader());
            explicit.put(f.name(), false);
        });
        overrides.forEach((field, header) -> {
            if (kind.field(field).isEmpty()) {
                violations.add(new Violation(PARAMETER_PREFIX + field, "is not a field of " + kind.wireName()
                        + " imports; the fields are " + kind.fields().stream().map(ImportField::name)
                                .collect(Collectors.joining(", "))));
            } else if (header == null || header.isBlank()) {
                violations.add(new Violation(PARAMETER_PREFIX + field, "must name a column header"));
            } else {
                headers.put(field, header.trim());
                explicit.put(field, true);
            }
        });
        return new ColumnMapping(kind, headers, explicit);
    }

    public ImportKind kind() {
        return kind;
    }

    /** The header each field is read from (field → header), defaults included. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /**
     * Finds every mapped column in the header row.
     *
     * @param violations where each problem is reported, with the field as {@code column.<field>}: a required or
     *        explicitly mapped header that is missing, a header that appears twice, no identifier column at all
     * @return the columns; incomplete when violations were added
     */
    public Columns resolve(String[] header, List<Violation> violations) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        Map<String, Integer> duplicates = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            String key = normalise(header[i]);
            if (positions.putIfAbsent(key, i) != null) {
                duplicates.put(key, i);
            }
        }
        Map<String, Integer> indexes = new LinkedHashMap<>();
        boolean anyIdentifier = false;
        for (ImportField field : kind.fields()) {
            String wanted = headers.get(field.name());
            Integer index = positions.get(normalise(wanted));
            if (index == null) {
                if (field.role() == ImportField.Role.REQUIRED || explicit.get(field.name())) {
                    violations.add(new Violation(PARAMETER_PREFIX + field.name(),
                            "is mapped to the column \"" + wanted + "\", which the header row does not have"));
                }
                continue;
            }
            if (duplicates.containsKey(normalise(wanted))) {
                violations.add(new Violation(PARAMETER_PREFIX + field.name(),
                        "is mapped to the column \"" + wanted + "\", which the header row has more than once"));
            }
            indexes.put(field.name(), index);
            anyIdentifier |= field.role() == ImportField.Role.IDENTIFIER;
        }
        if (!anyIdentifier && kind.identifiesCustomers()) {
            violations.add(new Violation("identifiers", "the header row has none of the identifier columns "
                    + kind.fields().stream().filter(f -> f.role() == ImportField.Role.IDENTIFIER)
                            .map(f -> "\"" + headers.get(f.name()) + "\"").collect(Collectors.joining(", "))));
        }
        return new Columns(kind, header, indexes);
    }

    private static String normalise(String header) {
        String trimmed = header == null ? "" : header.strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).strip();
        }
        return trimmed.toLowerCase(Locale.ROOT);
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
