package io.tally.connectors.rest;

import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.tally.connectors.config.ConnectorsConfig;
import io.tally.support.problem.ProblemException;

/**
 * Refuses oversized bodies before they are read: a beacon or webhook request must declare its length, and it may not
 * exceed {@code tally.connectors.limits.max-request-bytes} (413). Streamed bulk uploads are exempt; they are read in
 * constant memory.
 */
public class RequestSizeLimit {

    /** Looked up per request: a pre-matching filter is built before config mappings are ready. */
    @Inject
    Instance<ConnectorsConfig> configs;

    @ServerRequestFilter(preMatching = true)
    public Optional<jakarta.ws.rs.core.Response> limit(ContainerRequestContext request) {
        ConnectorsConfig config = configs.get();
        String method = request.getMethod();
        if (!HttpMethod.POST.equals(method) && !HttpMethod.PUT.equals(method)) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getPath();
        if (config.limits().streamedPaths().stream().anyMatch(path::startsWith)) {
            return Optional.empty();
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            throw new ProblemException(411, "length-required", "Length required",
                    "the request must declare its Content-Length (at most " + config.limits().maxRequestBytes()
                            + " bytes)",
                    null, null);
        }
        try {
            if (Long.parseLong(length.trim()) > config.limits().maxRequestBytes()) {
                throw ProblemException.tooLarge(config.limits().maxRequestBytes());
            }
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Content-Length", "must be a number of bytes");
        }
        return Optional.empty();
    }
}
