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
import jakarta.persistence.EntityManager;

import io.tally.attribution.config.AttributionConfig;
import io.tally.events.InteractionType;
import io.tally.events.ModelSettings;
import io.tally.events.TouchKind;

/**
 * Which touches earn credit and how much: the weight of each touch kind ({@code TouchKind}'s defaults, overridden by
 * {@code tally.attribution.touch-weights.*}). A kind of weight 0 earns nothing; the rule-based models multiply their
 * shares by the weights ({@code CreditSplitter}). A programme's {@code ModelSettings} may set its own weights, which
 * count for the touches whose code resolves to it.
 */
@ApplicationScoped
public class TouchWeighting {

    /** How long the interaction types some programme weighs are kept before they are read again. */
    static final long TTL_NANOS = 10_000_000_000L;

    private record Eligible(List<String> interactions, long readAt) {
    }

    @Inject
    AttributionConfig config;
    @Inject
    EntityManager em;

    private Map<TouchKind, BigDecimal> weights;
    private volatile Eligible eligible;

    @PostConstruct
    void read() {
        weights = parse(config.touchWeights());
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

    /** The deployment's weight of a touch of {@code kind}. */
    public BigDecimal weightOf(TouchKind kind) {
        return weights.get(kind);
    }

    /** The weight of a touch of {@code kind} in a programme with these settings: its own, else the deployment's. */
    public BigDecimal weightOf(ModelSettings programme, TouchKind kind) {
        return programme.weightOf(kind).orElseGet(() -> weights.get(kind));
    }

    /**
     * The interaction types (wire names) of touchpoints that may earn credit somewhere: those whose kind has a positive
     * weight in the deployment or in some programme's settings (read again after {@link #TTL_NANOS}, or at once after
     * {@link #invalidate()}). Journeys are read with this filter and then weighed per touch; a touchpoint of another
     * type is stored but never credited.
     */
    public List<String> eligibleInteractions() {
        Eligible current = eligible;
        long now = System.nanoTime();
        if (current == null || now - current.readAt() > TTL_NANOS) {
            current = new Eligible(readEligible(), now);
            eligible = current;
        }
        return current.interactions();
    }

    /** Forgets the eligible interaction types, so the next journey reads programmes' settings again. */
    public void invalidate() {
        eligible = null;
    }

    @SuppressWarnings("unchecked")
    private List<String> readEligible() {
        List<ModelSettings> programmes = new ArrayList<>();
        List<String> stored = em.createNativeQuery("SELECT DISTINCT CAST(model_settings AS text) FROM programme"
                + " WHERE model_settings -> 'touchWeights' <> '{}'::jsonb").getResultList();
        for (String json : stored) {
            ProgrammeEntity read = new ProgrammeEntity();
            read.modelSettingsJson = json;
            programmes.add(read.modelSettings());
        }
        List<String> eligible = new ArrayList<>();
        for (InteractionType interaction : InteractionType.values()) {
            // page_view has no kind: it is never a touch (it only keeps a web session alive, see journeys.WebSessions)
            TouchKind kind = TouchKind.of(interaction).orElse(null);
            if (kind != null && (weights.get(kind).signum() > 0
                    || programmes.stream().anyMatch(p -> weightOf(p, kind).signum() > 0))) {
                eligible.add(interaction.wireName());
            }
        }
        return List.copyOf(eligible);
    }
}
