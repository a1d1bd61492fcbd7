package io.tally.campaign.campaigns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.tally.campaign.api.Listing;
import io.tally.events.Channel;

/**
 * What the campaign list asks for: a programme's live campaigns, optionally of one channel, whose name contains a
 * fragment (any case), or running on a day (open dates count as running). Rendered as an HQL query on
 * {@code Campaign}.
 */
record CampaignFilter(UUID programmeId, Channel channel, String nameContains, LocalDate activeOn) {

    /** What {@code sort} accepts, by API name. */
    static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "name", "lower(name)", "startDate",
            "startDate");

    CampaignFilter {
        Objects.requireNonNull(programmeId, "programmeId");
    }

    /**
     * The query, sorted by {@code sort} ({@code createdAt}, {@code name}, {@code startDate}; {@code -} first for
     * descending; ties by id); a 400 naming {@code sort} for another field.
     */
    Listing.Query query(String sort) {
        List<String> where = new ArrayList<>(List.of("programme.id = :programme", "deletedAt is null"));
        Map<String, Object> parameters = new HashMap<>(Map.of("programme", programmeId));
        if (channel != null) {
            where.add("channel = :channel");
            parameters.put("channel", channel);
        }
        if (nameContains != null && !nameContains.isBlank()) {
            where.add("lower(name) like :name");
            parameters.put("name", Listing.containing(nameContains));
        }
        if (activeOn != null) {
            where.add("(startDate is null or startDate <= :day) and (endDate is null or endDate >= :day)");
            parameters.put("day", activeOn);
        }
        return new Listing.Query(String.join(" and ", where) + " " + Listing.orderBy(sort, SORTABLE), parameters);
    }
}
