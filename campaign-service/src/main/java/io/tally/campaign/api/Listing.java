package io.tally.campaign.api;

import java.util.Locale;
import java.util.Map;

import io.tally.support.problem.ProblemException;

/** The list endpoints' shared rules: {@code sort} parameters and case-insensitive name filters. */
public final class Listing {

    private Listing() {
    }

    /**
     * The {@code order by} clause a {@code sort} parameter asks for: an API field name of {@code sortable} (mapped to
     * an HQL expression; default {@code createdAt}), {@code -} first for descending; ties by id. An unknown field is a
     * 400 naming {@code sort}. (An HQL clause rather than a Panache {@code Sort}, which takes paths only, so names can
     * sort case-insensitively.)
     */
    public static String orderBy(String sort, Map<String, String> sortable) {
        String field = sort == null || sort.isBlank() ? "createdAt" : sort.strip();
        boolean descending = field.startsWith("-");
        String column = sortable.get(descending ? field.substring(1) : field);
        if (column == null) {
            throw ProblemException.invalid("sort", "must be one of " + String.join(", ", sortable.keySet().stream()
                    .sorted().toList()) + ", optionally preceded by - for descending order");
        }
        String direction = descending ? " desc" : "";
        return "order by " + column + direction + ", id" + direction;
    }

    /** An HQL query (conditions and {@code order by}) with the values of its named parameters. */
    public record Query(String hql, Map<String, Object> parameters) {

        public Query {
            parameters = Map.copyOf(parameters);
        }
    }

    /** A {@code like} pattern matching names that contain the fragment, in any case. */
    public static String containing(String fragment) {
        return "%" + fragment.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
