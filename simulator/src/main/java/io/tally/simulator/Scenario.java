package io.tally.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulation's parameters: the causal model, how customers meet each channel, the journey length (the decision is
 * at its end), the chance of each further touch on a reached channel, the late window, and the order value (log-normal
 * with the given mean and log-spread, rounded to cents). {@link #named} holds the scenarios that ship; the module
 * README tabulates them.
 */
public record Scenario(String name, CausalModel model, List<ChannelSpec> channels, double journeyDays,
        double repeatProbability, double lateWindowDays, double meanOrderValue, double orderValueSpread) {

    public Scenario {
        channels = List.copyOf(channels);
    }

    public static final Set<String> NAMES = Set.of("no-confounding", "confounded", "synergy", "long-journeys",
            "many-channels");

    /** A shipped scenario by name. */
    public static Scenario named(String name) {
        return switch (name) {
            case "no-confounding" -> base(name, 1.0, Map.of(), 14, 0.3, 14, false, false);
            case "confounded" -> base(name, 1.5, Map.of(), 14, 0.3, 14, true, false);
            case "synergy" -> base(name, 1.0, Map.of(ChannelPair.of("email", "paid_social"), 0.8,
                    ChannelPair.of("organic_social", "paid_search"), 0.5), 14, 0.3, 14, false, false);
            case "long-journeys" -> base(name, 1.0, Map.of(), 60, 0.6, 10, false, false);
            case "many-channels" -> base(name, 1.0, Map.of(), 14, 0.3, 14, false, true);
            default -> throw new IllegalArgumentException(
                    "unknown scenario " + name + "; one of " + String.join(", ", NAMES.stream().sorted().toList()));
        };
    }

    private static Scenario base(String name, double intentWeight, Map<ChannelPair, Double> synergies,
            double journeyDays, double repeatProbability, double halfLifeDays, boolean confounded, boolean many) {
        Map<String, Double> lifts = new LinkedHashMap<>();
        List<ChannelSpec> channels = new ArrayList<>();
        add(channels, lifts, "paid_search", List.of("click"), 0.5, -1.0, "1.20");
        add(channels, lifts, "paid_social", List.of("click"), 0.4, -0.5, "0.80");
        add(channels, lifts, "organic_social", List.of("engagement"), 0.2, -0.8, "0.10");
        add(channels, lifts, "email", List.of("open", "click"), 0.3, 0.0, "0.02");
        add(channels, lifts, "direct_mail", List.of("contact"), 0.35, -1.2, "1.50");
        add(channels, lifts, "direct", List.of("visit"), 0.0, -0.5, "0.00");
        add(channels, lifts, "display", List.of("impression"), 0.0, -0.3, "0.01");
        if (many) {
            add(channels, lifts, "organic_search", List.of("visit"), 0.3, -0.7, "0.00");
            add(channels, lifts, "referral", List.of("visit"), 0.15, -1.5, "0.00");
            add(channels, lifts, "affiliate", List.of("click"), 0.2, -1.5, "2.00");
            add(channels, lifts, "phone", List.of("contact"), 0.4, -1.8, "3.00");
            add(channels, lifts, "events", List.of("contact"), 0.3, -2.0, "12.00");
        }
        if (confounded) {
            // high-intent customers search and type the address just before buying
            channels.replaceAll(spec -> switch (spec.channel()) {
                case "direct" -> spec.withReach(-1.0, 1.5, true);
                case "paid_search" -> spec.withReach(-1.0, 1.0, true);
                default -> spec;
            });
        }
        CausalModel model = new CausalModel(-3.0, intentWeight, lifts, synergies, halfLifeDays);
        return new Scenario(name, model, channels, journeyDays, repeatProbability, 1.0, 80.0, 0.5);
    }

    private static void add(List<ChannelSpec> channels, Map<String, Double> lifts, String channel, List<String> kinds,
            double lift, double reachLogit, String costPerTouch) {
        channels.add(new ChannelSpec(channel, kinds, reachLogit, 0.0, false, new BigDecimal(costPerTouch)));
        lifts.put(channel, lift);
    }
}
