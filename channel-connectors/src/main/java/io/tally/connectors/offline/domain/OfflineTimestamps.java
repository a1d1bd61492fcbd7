package io.tally.connectors.offline.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Reads the {@code occurredAt} cell: an ISO-8601 instant with {@code Z} or an offset ({@code 2026-11-22T10:15:30Z},
 * {@code 2026-11-22T11:15:30+01:00}), or {@code yyyy-MM-dd HH:mm:ss}, taken as UTC ({@code 2026-11-22 10:15:30}).
 */
public final class OfflineTimestamps {

    /** The reason given for a cell in neither format. */
    public static final String FORMATS = "must be an ISO-8601 instant (2026-11-22T10:15:30Z) or yyyy-MM-dd HH:mm:ss in UTC";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private OfflineTimestamps() {
    }

    /** The instant, or null when the cell is in neither format. */
    public static Instant parse(String cell) {
        try {
            return cell.indexOf('T') > 0
                    ? OffsetDateTime.parse(cell).toInstant()
                    : LocalDateTime.parse(cell, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
