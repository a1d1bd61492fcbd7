package io.tally.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import io.tally.events.Channel;

/** The OpenAPI document lists every channel the API accepts, no more. */
class ChannelEnumerationTest {

    @Test
    void aCampaignsChannelEnumerationIsEveryChannel() throws Exception {
        Schema schema = CampaignRequest.class.getDeclaredField("channel").getAnnotation(Schema.class);
        assertThat(schema.enumeration()).containsExactlyInAnyOrder(Arrays.stream(Channel.values())
                .map(Channel::wireName).toArray(String[]::new));
    }
}
