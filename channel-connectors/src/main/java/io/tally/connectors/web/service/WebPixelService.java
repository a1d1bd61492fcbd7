package io.tally.connectors.web.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.pipeline.SourceMetrics;
import io.tally.connectors.web.domain.PixelHit;

/**
 * Records pixel requests. An image tag cannot show an error, so nothing here fails the request: a bad request becomes a
 * dead letter on {@code tally.rejects} (through {@link IngestPipeline#ingestEach}); a broker that stays down through
 * every retry is logged and counted as rejected ({@code unavailable}).
 */
@ApplicationScoped
public class WebPixelService {

    private static final Logger LOG = Logger.getLogger(WebPixelService.class);

    @Inject
    IngestPipeline pipeline;
    @Inject
    WebPixelConnector connector;
    @Inject
    SourceMetrics metrics;

    public void record(PixelHit hit) {
        try {
            pipeline.ingestEach(connector, List.of(hit), PixelHit::raw);
        } catch (RuntimeException e) {
            metrics.rejected(WebPixelConnector.SOURCE, "unavailable", 1);
            LOG.errorf(e, "a pixel request (t=%s) could not be recorded", hit.get("t"));
        }
    }
}
