package io.tally.support.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.tally.events.json.EventJson;
import io.tally.events.validation.InvalidEventException;
import io.tally.events.validation.Violation;
import io.tally.support.messaging.Failures;

/**
 * The one place that turns failures into {@code application/problem+json}. Bodies never carry class names or stack
 * traces; unexpected errors are logged here and answered with a bare 500.
 */
public class ProblemMappers {

    /** What a client waits before retrying a request that failed for want of the database or broker. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder builder = respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
        if (e.retryAfterSeconds() != null) {
            builder.header("Retry-After", e.retryAfterSeconds());
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response invalidEvent(InvalidEventException e, UriInfo uri) {
        return problem(ProblemException.invalid(e.violations()), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> errors = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        return problem(ProblemException.invalid(errors), uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, ValueInstantiationException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return problem(ProblemException.invalid(List.of(EventJson.violationOf(e))), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri); // Quarkus wraps body parse errors in a plain 400
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request to %s failed", uri.getPath());
        }
        String title = original.getStatusInfo().getReasonPhrase();
        String slug = title.toLowerCase(Locale.ROOT).replace(' ', '-');
        return respond(status, "urn:tally:problem:" + slug, title, status >= 500 ? null : e.getMessage(), uri,
                List.of())
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (Failures.isTransient(e)) {
            // the database (or broker) is unreachable or busy: the request may succeed later, so say when to retry
            LOG.warnf("request to %s failed for now: %s", uri.getPath(), Failures.describe(e));
            return problem(ProblemException.unavailable("A backing service is unavailable; retry later",
                    RETRY_AFTER_SECONDS), uri);
        }
        LOG.errorf(e, "unexpected failure on %s", uri.getPath());
        return respond(500, "urn:tally:problem:internal", "Internal error",
                "The request could not be completed; the error was logged.", uri, List.of()).build();
    }

    private static Response.ResponseBuilder respond(int status, String type, String title, String detail, UriInfo uri,
            List<Violation> errors) {
        Problem body = new Problem(type, title, status, detail, uri.getPath(), errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    /** {@code create.request.trackingCodes[1]} → {@code trackingCodes[1]}: the JSON path a client sent. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        nodes.removeIf(n -> n.getKind() == ElementKind.METHOD);
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
