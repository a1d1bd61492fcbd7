package io.tally.connectors.offline.domain;

import io.tally.connectors.csv.CsvField;

/**
 * One field an import kind reads from a column.
 *
 * @param name the field's name, as in the query parameter {@code column.<name>}
 * @param defaultHeader the column header read when the upload does not map the field
 * @param role whether the column must be present
 */
public record ImportField(String name, String defaultHeader, CsvField.Role role) implements CsvField {

    /** The field's name, as in {@code column.<name>}. */
    @Override
    public String wireName() {
        return name;
    }

    static ImportField required(String name, String header) {
        return new ImportField(name, header, CsvField.Role.REQUIRED);
    }

    static ImportField identifier(String name, String header) {
        return new ImportField(name, header, CsvField.Role.IDENTIFIER);
    }

    static ImportField optional(String name, String header) {
        return new ImportField(name, header, CsvField.Role.OPTIONAL);
    }

    /** Raw e-mail addresses and phone numbers: hashed for events, masked in reject reports and dead letters. */
    public boolean personal() {
        return name.equals("email") || name.equals("phone");
    }
}
