package io.tally.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;

import org.junit.jupiter.api.Test;

class UpstreamTargetTest {

    @Test
    void parsesUpstreamBaseUrls() {
        UpstreamTarget target = UpstreamTarget.of(Upstream.CAMPAIGN, URI.create("https://campaign.tally.svc/base/"));

        assertThat(target).isEqualTo(new UpstreamTarget(Upstream.CAMPAIGN, "campaign.tally.svc", 443, true, "/base"));
        assertThat(target.forwardedUri("/api/v1/programmes?x=1")).isEqualTo("/base/api/v1/programmes?x=1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UpstreamTarget.of(Upstream.CAMPAIGN, URI.create("campaign:8081")));
    }

    @Test
    void defaultsThePortFromTheScheme() {
        assertThat(UpstreamTarget.of(Upstream.CONNECTORS, URI.create("http://connectors")).port()).isEqualTo(80);
        assertThat(UpstreamTarget.of(Upstream.CONNECTORS, URI.create("http://connectors:8083")).port())
                .isEqualTo(8083);
    }
}
