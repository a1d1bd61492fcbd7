package io.tally.connectors.csv;

/** A field of a CSV import that a column can be mapped to ({@code column.<field>=<header>}). */
public interface CsvField {

    /** Whether a field's column must be in the header row. */
    enum Role {
        /** The column must be present (and its cell filled in every row). */
        REQUIRED,
        /** A customer identifier: at least one identifier column must be present, and one cell filled per row. */
        IDENTIFIER,
        /** May be absent. */
        OPTIONAL
    }

    /** The field's name, as in {@code column.<name>} and in configuration keys. */
    String wireName();

    /** Whether its column must be present. */
    Role role();

    /** The header read when neither configuration nor the request maps the field; null when there is none. */
    default String defaultHeader() {
        return null;
    }
}
