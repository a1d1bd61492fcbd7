package io.tally.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tally.devstack.DevstackResource;
import io.tally.devstack.LocalIssuer;

/**
 * As {@link UpstreamStubs}, but channel-connectors runs as two instances (two stubs, {@code connectors-a} and
 * {@code connectors-b}, in {@code tally.gateway.upstreams.connectors} as two comma-separated URLs); campaign-service and
 * attribution-service are one stub each. An instance that refused a connection stays out of the rotation for an hour,
 * so a test sees the rotation without racing a clock.
 */
public class TwoInstanceStubs implements QuarkusTestResourceLifecycleManager {

    static volatile UpstreamStub connectorsA;
    static volatile UpstreamStub connectorsB;
    static volatile UpstreamStub campaign;
    static volatile UpstreamStub attribution;

    @Override
    public Map<String, String> start() {
        connectorsA = UpstreamStub.start("connectors-a");
        connectorsB = UpstreamStub.start("connectors-b");
        campaign = UpstreamStub.start("campaign");
        attribution = UpstreamStub.start("attribution");
        Map<String, String> config = new HashMap<>(new DevstackResource().start());
        config.putAll(LocalIssuer.shared().gatewayQuarkusConfig());
        config.put("tally.gateway.upstreams.connectors", connectorsA.baseUrl() + "," + connectorsB.baseUrl());
        config.put("tally.gateway.upstreams.campaign", campaign.baseUrl());
        config.put("tally.gateway.upstreams.attribution", attribution.baseUrl());
        config.put("tally.gateway.out-of-rotation", "1h");
        return config;
    }

    /** The first instance of channel-connectors. */
    public static UpstreamStub connectorsA() {
        return connectorsA;
    }

    /** The second instance of channel-connectors. */
    public static UpstreamStub connectorsB() {
        return connectorsB;
    }

    /** Every stub. */
    public static List<UpstreamStub> stubs() {
        return List.of(connectorsA, connectorsB, campaign, attribution);
    }

    @Override
    public void stop() {
        for (UpstreamStub stub : new UpstreamStub[]{connectorsA, connectorsB, campaign, attribution}) {
            if (stub != null) {
                stub.close();
            }
        }
    }
}
