package io.tally.connectors.offline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.events.Channel;

class OfflineChannelsTest {

    @Test
    void typesMapToTheirOfflineChannelsInAnySpelling() {
        OfflineChannels channels = OfflineChannels.standard();
        assertThat(channels.channelOf("Mail Drop")).isEqualTo(Channel.DIRECT_MAIL);
        assertThat(channels.channelOf("catalogue")).isEqualTo(Channel.DIRECT_MAIL);
        assertThat(channels.channelOf("inbound-call")).isEqualTo(Channel.PHONE);
        assertThat(channels.channelOf("CALL_CENTRE")).isEqualTo(Channel.PHONE);
        assertThat(channels.channelOf("trade show")).isEqualTo(Channel.EVENTS);
        assertThat(channels.channelOf(" webinar ")).isEqualTo(Channel.EVENTS);
        assertThat(channels.channelOf("store_visit")).isEqualTo(Channel.RETAIL);
        assertThat(channels.channelOf("billboard")).isEqualTo(Channel.OFFLINE);
    }

    @Test
    void configuredTypesComeBeforeTheDefaults() {
        OfflineChannels channels = new OfflineChannels(Map.of("Webinar", "email", "roadshow", "EVENTS"));
        assertThat(channels.channelOf("webinar")).isEqualTo(Channel.EMAIL);
        assertThat(channels.channelOf("Road Show".replace(" ", ""))).isEqualTo(Channel.EVENTS);
        assertThat(channels.channelOf("call")).isEqualTo(Channel.PHONE);
    }

    @Test
    void aConfiguredChannelThatIsNoChannelIsRefusedAtStart() {
        assertThatThrownBy(() -> new OfflineChannels(Map.of("roadshow", "carrier_pigeon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type-channels.roadshow");
    }
}
