package io.tally.campaign.codes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which campaign a tracking code points at, and when. A code points at one campaign at a time: its spans never
 * overlap. A campaign asks for a set of codes (create, replace); a code can be re-pointed to another campaign from an
 * instant on, which ends the current span there and keeps it, so the history of a code stays readable and touches
 * before the instant keep crediting the old campaign.
 */
public final class CodeAssignments {

    /** The kinds of tracking code (the {@code events} contract's list). */
    public static final List<String> TYPES = io.tally.events.CampaignChanged.TrackingCode.TYPES;

    private static final Comparator<CodeSpan> BY_START = Comparator.comparing(CodeSpan::validFrom,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The type of a code requested without one. */
    public static final String DEFAULT_TYPE = "other";

    /** A code a campaign asks for, normalised, with its type. */
    public record Requested(String code, String type) {
        public Requested {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(type, "type");
        }
    }

    /** A code cannot be given to the campaign: it points at {@code owner} ({@code span}) when it would need not to. */
    public static final class Conflict extends RuntimeException {

        private final transient CodeSpan span;

        Conflict(CodeSpan span, String message) {
            super(message);
            this.span = span;
        }

        /** The other campaign's span that stands in the way. */
        public CodeSpan span() {
            return span;
        }
    }

    private CodeAssignments() {
    }

    /** Why a type is not acceptable, or empty when it is (null is: it means {@link #DEFAULT_TYPE}). */
    public static Optional<String> problemWithType(String type) {
        return type == null || TYPES.contains(type)
                ? Optional.empty()
                : Optional.of("must be one of " + String.join(", ", TYPES));
    }

    /**
     * The campaign's spans once it holds exactly the requested codes. A code it already holds keeps its spans (with the
     * requested type); a code it does not hold is free from the end of the last other campaign's span of it (since ever
     * when none) and open-ended; a code another campaign holds open-ended is a {@link Conflict}. Codes not requested
     * lose their spans in this campaign.
     *
     * @param requested normalised codes, without duplicates
     * @param spansOfRequested every campaign's spans of the requested codes
     */
    public static List<CodeSpan> assign(UUID campaign, List<Requested> requested, List<CodeSpan> spansOfRequested) {
        List<CodeSpan> result = new ArrayList<>();
        for (Requested r : requested) {
            List<CodeSpan> spans = spansOfRequested.stream().filter(s -> s.code().equals(r.code())).toList();
            List<CodeSpan> own = spans.stream().filter(s -> s.campaignId().equals(campaign)).toList();
            if (!own.isEmpty()) {
                own.stream().sorted(BY_START).map(s -> s.withType(r.type())).forEach(result::add);
                continue;
            }
            Optional<CodeSpan> open = spans.stream().filter(CodeSpan::isOpenEnded).findFirst();
            if (open.isPresent()) {
                throw new Conflict(open.get(), "tracking code '" + r.code() + "' already belongs to another campaign");
            }
            Instant freeFrom = spans.stream().map(CodeSpan::validUntil).max(Comparator.naturalOrder()).orElse(null);
            result.add(new CodeSpan(campaign, r.code(), r.type(), freeFrom, null));
        }
        return result;
    }

    /**
     * Every campaign's spans of a code after re-pointing it to {@code target} from {@code from} on: the open-ended
     * span (if any) ends at {@code from} and the target's span begins there. {@code from} must be after the start of
     * the span it ends and not before the end of any earlier one; the target must not already hold it open-ended.
     *
     * @param type the new span's type; null keeps the type of the span it follows ({@link #DEFAULT_TYPE} if none)
     * @return the code's spans per campaign, for the campaigns whose spans changed (the old holder, the target)
     */
    public static Map<UUID, List<CodeSpan>> repoint(String code, String type, UUID target, Instant from,
            List<CodeSpan> spansOfCode) {
        Objects.requireNonNull(from, "from");
        Optional<CodeSpan> open = spansOfCode.stream().filter(CodeSpan::isOpenEnded).findFirst();
        if (open.isPresent() && open.get().campaignId().equals(target)) {
            throw new Conflict(open.get(), "tracking code '" + code + "' already points at this campaign");
        }
        if (open.isPresent() && open.get().validFrom() != null && !from.isAfter(open.get().validFrom())) {
            throw new Conflict(open.get(), "tracking code '" + code + "' points at its current campaign since "
                    + open.get().validFrom() + "; re-point it from a later instant");
        }
        for (CodeSpan closed : spansOfCode) {
            if (!closed.isOpenEnded() && from.isBefore(closed.validUntil())) {
                throw new Conflict(closed, "tracking code '" + code + "' pointed at another campaign until "
                        + closed.validUntil() + "; re-point it from then or later");
            }
        }
        Map<UUID, List<CodeSpan>> changed = new LinkedHashMap<>();
        String newType = type != null ? type : open.map(CodeSpan::type).orElse(DEFAULT_TYPE);
        open.ifPresent(o -> changed.put(o.campaignId(), spansOf(spansOfCode, o.campaignId(), o, o.endingAt(from))));
        changed.put(target, spansOf(spansOfCode, target, null, new CodeSpan(target, code, newType, from, null)));
        return changed;
    }

    /** A campaign's spans of the code with {@code replaced} swapped for (or, when null, joined by) {@code span}. */
    private static List<CodeSpan> spansOf(List<CodeSpan> spansOfCode, UUID campaign, CodeSpan replaced,
            CodeSpan span) {
        List<CodeSpan> result = new ArrayList<>(spansOfCode.stream()
                .filter(s -> s.campaignId().equals(campaign) && !s.equals(replaced)).toList());
        result.add(span);
        result.sort(BY_START);
        return result;
    }
}
