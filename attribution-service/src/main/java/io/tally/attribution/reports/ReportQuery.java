package io.tally.attribution.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.ledger.CreditRepository.GroupBy;
import io.tally.attribution.ledger.ModelCatalogue;
import io.tally.attribution.rest.QueryDates;
import io.tally.events.Channel;
import io.tally.events.validation.Violations;

/**
 * The query parameters every report shares, checked the same way: the date range, the model, the channel and the
 * grouping. Each check adds a violation naming its parameter, so one 400 lists every bad one.
 */
@ApplicationScoped
public class ReportQuery {

    /** The longest range one report may cover. */
    static final long MAX_DAYS = 366;
    /** The largest JSON page of a summary (and the most paths one answer lists). */
    static final int MAX_PAGE = 1000;
    /** The highest page index: far past any report's rows, and its offset still fits an int. */
    static final int MAX_PAGE_INDEX = 1_000_000;

    /** The days from..to, inclusive; either is null when its parameter was bad. */
    public record DateRange(LocalDate from, LocalDate to) {
    }

    @Inject
    ModelCatalogue catalogue;

    ModelCatalogue catalogue() {
        return catalogue;
    }

    /** The from..to days, each checked; at most {@value #MAX_DAYS} days. */
    DateRange range(Violations v, String from, String to) {
        LocalDate fromDate = QueryDates.required(v, "from", from);
        LocalDate toDate = QueryDates.required(v, "to", to);
        if (fromDate != null && toDate != null) {
            if (toDate.isBefore(fromDate)) {
                v.add("to", "must not be before from");
            } else if (ChronoUnit.DAYS.between(fromDate, toDate) >= MAX_DAYS) {
                v.add("to", "the range may cover at most " + MAX_DAYS + " days");
            }
        }
        return new DateRange(fromDate, toDate);
    }

    /** Checks that {@code model} can hold credit in the ledger. */
    void checkModel(Violations v, String model) {
        checkModel(v, model, "model");
    }

    /** Checks that {@code model}, given as parameter {@code field}, can hold credit in the ledger. */
    void checkModel(Violations v, String model, String field) {
        List<String> models = catalogue.ledgerModels();
        if (!models.contains(model)) {
            v.add(field, "must be one of " + String.join(", ", models));
        }
    }

    static void checkChannel(Violations v, String channel) {
        if (channel != null && Channel.fromWireName(channel).isEmpty()) {
            v.add("channel", "must be one of " + Arrays.stream(Channel.values()).map(Channel::wireName)
                    .collect(Collectors.joining(", ")));
        }
    }

    static GroupBy groupBy(Violations v, String groupBy) {
        GroupBy group = Arrays.stream(GroupBy.values()).filter(g -> g.wireName().equals(groupBy)).findFirst()
                .orElse(null);
        if (group == null) {
            v.add("groupBy", "must be one of " + Arrays.stream(GroupBy.values()).map(GroupBy::wireName)
                    .collect(Collectors.joining(", ")));
        }
        return group;
    }
}
