package io.tally.gateway;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tally.devstack.DevstackResource;
import io.tally.devstack.LocalIssuer;

/**
 * Starts one stub per upstream service before the gateway and points the gateway's upstream URLs at them; the gateway
 * trusts the tokens of {@link LocalIssuer#shared()}.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    static volatile UpstreamStub campaign;
    static volatile UpstreamStub attribution;
    static volatile UpstreamStub connectors;

    @Override
    public Map<String, String> start() {
        campaign = UpstreamStub.start("campaign");
        attribution = UpstreamStub.start("attribution");
        connectors = UpstreamStub.start("connectors");
        // the real PostgreSQL (API keys) and the local token keys, as every service's tests have them
        Map<String, String> config = new HashMap<>(new DevstackResource().start());
        config.putAll(LocalIssuer.shared().gatewayQuarkusConfig());
        config.put("tally.gateway.upstreams.campaign", campaign.baseUrl());
        config.put("tally.gateway.upstreams.attribution", attribution.baseUrl());
        config.put("tally.gateway.upstreams.connectors", connectors.baseUrl());
        return config;
    }

    @Override
    public void stop() {
        for (UpstreamStub stub : new UpstreamStub[]{campaign, attribution, connectors}) {
            if (stub != null) {
                stub.close();
            }
        }
    }
}
