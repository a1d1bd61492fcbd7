package io.tally.support.problem;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.support.http.RequestIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** RFC 9457 problem bodies written straight to a Vert.x response, for handlers that run before (or instead of) a REST resource: the gateway, access control. */
@ApplicationScoped
public class ProblemResponses {

    private static final String TYPE_PREFIX = "urn:tally:problem:";

    private final ObjectMapper mapper;

    ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON body of a problem {@code urn:tally:problem:<slug>}. */
    public Buffer body(String slug, String title, int status, String detail, String instance) {
        Problem problem = new Problem(TYPE_PREFIX + slug, title, status, detail, instance, null);
        try {
            return Buffer.buffer(mapper.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a problem body", e);
        }
    }

    /** Ends {@code response} with a problem, echoing {@code requestId}. */
    public void send(HttpServerResponse response, String requestId, String slug, String title, int status,
            String detail, String instance) {
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId)
                .end(body(slug, title, status, detail, instance));
    }
}
