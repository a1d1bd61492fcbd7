package io.tally.attribution.directory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.config.AttributionConfig;
import io.tally.events.InteractionType;
import io.tally.events.TouchKind;

/**
 * Which touches earn credit and how much: the weight of each touch kind ({@code TouchKind}'s defaults, overridden by
 * {@code tally.attribution.touch-weights.*}). A kind of weight 0 earns nothing; the rule-based models multiply their
 * shares by the weights ({@code CreditSplitter}).
 */
@ApplicationScoped
public class TouchWeighting {

    @Inject
    AttributionConfig config;

    private Map<TouchKind, BigDecimal> weights;
    private List<String> eligibleInteractions;

    @PostConstruct
    void read() {
        weights = parse(config.touchWeights());
        List<String> eligible = new ArrayList<>();
        for (InteractionType interaction : InteractionType.values()) {
            // page_view has no kind: it is never a touch (it only keeps a web session alive, see journeys.WebSessions)
            if (TouchKind.of(interaction).map(kind -> weights.get(kind).signum() > 0).orElse(false)) {
                eligible.add(interaction.wireName());
            }
        }
        eligibleInteractions = List.copyOf(eligible);
    }

    /**
     * Every kind's weight: the configured ones (by wire name, any case) over {@code TouchKind}'s defaults.
     *
     * @throws IllegalArgumentException naming the key of an unknown kind or a negative weight
     */
    static Map<TouchKind, BigDecimal> parse(Map<String, BigDecimal> configured) {
        Map<TouchKind, BigDecimal> read = new EnumMap<>(TouchKind.class);
        for (TouchKind kind : TouchKind.values()) {
            read.put(kind, kind.defaultWeight());
        }
        configured.forEach((name, weight) -> {
            TouchKind kind = TouchKind.fromWireName(name).orElseThrow(() -> new IllegalArgumentException(
                    "tally.attribution.touch-weights." + name + ": not a touch kind; one of "
                            + List.of(TouchKind.values()).stream().map(TouchKind::wireName).toList()));
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("tally.attribution.touch-weights." + name + " must not be negative");
            }
            read.put(kind, weight);
        });
        return Collections.unmodifiableMap(read);
    }

    /** The weight of a touch of {@code kind}. */
    public BigDecimal weightOf(TouchKind kind) {
        return weights.get(kind);
    }

    /**
     * The interaction types (wire names) of touchpoints that may earn credit: those whose kind has a positive weight.
     * Journeys are read with this filter; a touchpoint of another type is stored but never credited.
     */
    public List<String> eligibleInteractions() {
        return eligibleInteractions;
    }
}
