package io.tally.connectors.costs.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;
import io.tally.events.TrackingCodes;

/**
 * One cost as finance or a channel's own system reports it (search, email, print, events, agency fees, tools): what
 * the generic cost import reads from a CSV row or a JSON object.
 *
 * @param campaignCode the campaign's tracking code; null for a cost of a whole programme
 * @param programmeId the programme of a cost without a campaign code
 * @param channel null for a shared cost of the programme
 * @param source the reporting system, lower-case ({@code generic} when the line names none)
 * @param id the reporting system's own line id, or null
 */
public record CostLine(LocalDate date, String campaignCode, UUID programmeId, Channel channel, Money amount,
        String category, String source, String id) {

    /** The source of a line that names none. */
    public static final String DEFAULT_SOURCE = "generic";
    /** The longest line id a {@link Cost} carries. */
    static final int MAX_LINE = 300;

    /**
     * The {@link Cost}. Its line ({@link Cost#lineId()}) is what a later figure replaces:
     * {@code generic:<source>:<id>} when the line has an id, else
     * {@code generic:<source>:<date>:<campaign code or programme>:<channel or ->:<category or ->} (code and category
     * lower-cased). Its event id changes with the figures: {@code cost:generic:<source>:<id>:<digest>} (the first 16
     * hex digits of the SHA-256 of everything the line states), or without an id {@code cost:generic:<name-based UUID
     * of the line, amount and currency>}. So the same line imported again is deduplicated, and other figures for it
     * replace the earlier ones downstream.
     */
    public Cost toCost() {
        return new Cost(eventId(), lineId(), date, channel, campaignCode, programmeId, category, source, amount, null,
                null, null, null);
    }

    String lineId() {
        if (id != null) {
            return "generic:" + source + ":" + id;
        }
        String owner = campaignCode != null ? TrackingCodes.normalise(campaignCode) : programmeId.toString();
        String line = String.join(":", "generic", source, date.toString(), owner,
                channel == null ? "-" : channel.wireName(),
                category == null ? "-" : category.toLowerCase(Locale.ROOT));
        // a long code and category could pass the contract's limit: such a line is named by its digest instead
        return line.length() <= MAX_LINE ? line : "generic:" + source + ":" + uuid(line);
    }

    String eventId() {
        String figures = String.join("\n", amount.amount().toPlainString(), amount.currency());
        if (id == null) {
            return "cost:generic:" + uuid(lineId() + "\n" + figures);
        }
        String stated = String.join("\n", date.toString(), Objects.toString(campaignCode, ""),
                Objects.toString(programmeId, ""), channel == null ? "" : channel.wireName(),
                Objects.toString(category, ""), figures);
        return "cost:generic:" + source + ":" + id + ":" + IdentityKeys.sha256(stated).substring(0, 16);
    }

    private static UUID uuid(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
