package io.tally.campaign.api;

import io.tally.events.validation.Violations;
import io.tally.support.http.QueryValues;

/**
 * A page request read from its query text: {@code page} from 0 to {@value #MAX_INDEX}, {@code size} at least 1 (the
 * services cap it to {@code tally.api.max-page-size}); a 400 problem naming each bad one, never a 404 or 500.
 */
public record Paging(int page, int size) {

    /** The highest page index: far past any list, and its offset still fits an int at the largest page size. */
    public static final int MAX_INDEX = 1_000_000;

    public static Paging of(String page, String size) {
        Violations v = new Violations();
        Integer index = QueryValues.integer(v, "page", page, 0, 0, MAX_INDEX);
        Integer count = QueryValues.integer(v, "size", size, 50, 1, Integer.MAX_VALUE);
        v.throwIfAny();
        return new Paging(index, count);
    }
}
