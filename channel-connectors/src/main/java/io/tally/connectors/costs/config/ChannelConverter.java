package io.tally.connectors.costs.config;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.spi.Converter;

import io.tally.events.Channel;

/** A channel's wire name in configuration ({@code paid_search}); any other value stops the service at start. */
public final class ChannelConverter implements Converter<Channel> {

    @Override
    public Channel convert(String value) {
        return Channel.fromWireName(value.strip()).orElseThrow(() -> new IllegalArgumentException("\"" + value
                + "\" is not a channel; the channels are "
                + Arrays.stream(Channel.values()).map(Channel::wireName).collect(Collectors.joining(", "))));
    }
}
