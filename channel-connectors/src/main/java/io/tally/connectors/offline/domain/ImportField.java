package io.tally.connectors.offline.domain;

/**
 * One field an import kind reads from a column.
 *
 * @param name the field's name, as in the query parameter {@code column.<name>}
 * @param defaultHeader the column header read when the upload does not map the field
 * @param role whether the column must be present
 */
public record ImportField(String name, String defaultHeader, Role role) {

    /** Whether a field's column must be in the header. */
    public enum Role {
        /** The column must be present (and its cell filled in every row). */
        REQUIRED,
        /** A customer identifier: at least one identifier column must be present, and one cell filled per row. */
        IDENTIFIER,
        /** May be absent. */
        OPTIONAL
    }

    static ImportField required(String name, String header) {
        return new ImportField(name, header, Role.REQUIRED);
    }

    static ImportField identifier(String name, String header) {
        return new ImportField(name, header, Role.IDENTIFIER);
    }

    static ImportField optional(String name, String header) {
        return new ImportField(name, header, Role.OPTIONAL);
    }

    /** Raw e-mail addresses and phone numbers: hashed for events, masked in reject reports and dead letters. */
    public boolean personal() {
        return name.equals("email") || name.equals("phone");
    }
}
