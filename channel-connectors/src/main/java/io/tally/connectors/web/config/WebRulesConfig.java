package io.tally.connectors.web.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.tally.connectors.domain.ChannelGrouping;
import io.tally.events.Channel;

/** Per-deployment rules of the web sources, under {@code tally.connectors.web-rules}. */
@ConfigMapping(prefix = "tally.connectors.web-rules")
public interface WebRulesConfig {

    /**
     * Whether an event without a {@code consent} object (or without {@code consent.analytics}) counts as analytics
     * consent given. Default {@code true}; set {@code false} where consent must be explicit, and every event without
     * it is then kept unlinked.
     */
    @WithDefault("true")
    boolean assumeConsent();

    /**
     * Channel rules tried before the default grouping, in order; the first match wins. Keys:
     * {@code channel-overrides[0].source}, {@code .medium}, {@code .referrer-host} (patterns, case-insensitive,
     * {@code *} wildcard, at least one) and {@code .channel} (a channel wire name such as {@code affiliate}).
     */
    Optional<List<ChannelOverride>> channelOverrides();

    /** One override rule. */
    interface ChannelOverride {

        /** Pattern for {@code utm_source}; unset matches any. */
        Optional<String> source();

        /** Pattern for {@code utm_medium}; unset matches any. */
        Optional<String> medium();

        /** Pattern for the referrer host (without {@code www.}); unset matches any. */
        @WithName("referrer-host")
        Optional<String> referrerHost();

        /** The channel of a matching visit: a wire name ({@code paid_search}, {@code affiliate}, ...). */
        String channel();
    }

    /**
     * The override rules as the grouping's rules.
     *
     * @throws IllegalStateException naming the rule when a channel is unknown or a rule has no pattern
     */
    default List<ChannelGrouping.OverrideRule> overrideRules() {
        List<ChannelOverride> configured = channelOverrides().orElse(List.of());
        return java.util.stream.IntStream.range(0, configured.size()).mapToObj(i -> {
            ChannelOverride rule = configured.get(i);
            String key = "tally.connectors.web-rules.channel-overrides[" + i + "]";
            Channel channel = Channel.fromWireName(rule.channel().trim()).orElseThrow(() -> new IllegalStateException(
                    key + ".channel: unknown channel " + rule.channel()));
            try {
                return new ChannelGrouping.OverrideRule(rule.source().orElse(null), rule.medium().orElse(null),
                        rule.referrerHost().orElse(null), channel);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(key + ": " + e.getMessage(), e);
            }
        }).toList();
    }
}
