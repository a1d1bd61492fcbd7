package io.tally.gateway;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts one stub per upstream service before the gateway and points the gateway's upstream URLs at them. */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    static volatile UpstreamStub campaign;
    static volatile UpstreamStub attribution;
    static volatile UpstreamStub connectors;

    @Override
    public Map<String, String> start() {
        campaign = UpstreamStub.start("campaign");
        attribution = UpstreamStub.start("attribution");
        connectors = UpstreamStub.start("connectors");
        return Map.of(
                "tally.gateway.upstreams.campaign", campaign.baseUrl(),
                "tally.gateway.upstreams.attribution", attribution.baseUrl(),
                "tally.gateway.upstreams.connectors", connectors.baseUrl());
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
