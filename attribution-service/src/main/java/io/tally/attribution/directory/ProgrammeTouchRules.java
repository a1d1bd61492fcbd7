package io.tally.attribution.directory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.tally.events.ModelSettings;
import io.tally.events.TouchKind;

/**
 * What a touch's programme says about it, for journeys read in bulk (training, the path and integration reports),
 * where the live pipeline asks {@link TouchResolver} touch by touch: its lookback and the weight of its kind (its
 * programme's, else the deployment's). A snapshot of every programme, taken once per run.
 */
public final class ProgrammeTouchRules {

    /** A programme's lookback and settings. */
    record Programme(Duration lookback, ModelSettings settings) {
    }

    private final Map<UUID, Programme> programmes;
    private final TouchWeighting weighting;
    private final Duration defaultLookback;

    ProgrammeTouchRules(Map<UUID, Programme> programmes, TouchWeighting weighting, Duration defaultLookback) {
        this.programmes = Map.copyOf(programmes);
        this.weighting = weighting;
        this.defaultLookback = defaultLookback;
    }

    /** The lookback of a touch of this programme (null or unknown: the deployment's default). */
    public Duration lookbackOf(UUID programmeId) {
        Programme programme = programmeId == null ? null : programmes.get(programmeId);
        return programme == null ? defaultLookback : programme.lookback();
    }

    /** The weight of a touch of this kind (by interaction wire name) and programme; 0 for a kind that is no touch. */
    public BigDecimal weightOf(UUID programmeId, String interaction) {
        TouchKind kind = TouchKind.fromWireName(interaction).orElse(null);
        if (kind == null) {
            return BigDecimal.ZERO;
        }
        Programme programme = programmeId == null ? null : programmes.get(programmeId);
        return programme == null ? weighting.weightOf(kind) : weighting.weightOf(programme.settings(), kind);
    }

    /** Whether a touch of this kind and programme earns anything. */
    public boolean eligible(UUID programmeId, String interaction) {
        return weightOf(programmeId, interaction).signum() > 0;
    }

    /** The longest lookback any touch may have. */
    public Duration longestLookback() {
        return programmes.values().stream().map(Programme::lookback).reduce(defaultLookback,
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
}
