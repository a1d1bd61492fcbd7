package io.tally.support.problem;

import java.util.List;

import io.tally.events.validation.Violation;

/**
 * A failure that is the client's (or a dependency's) to fix, answered as a {@link Problem}. Services throw it; the one
 * mapper in {@link ProblemMappers} writes it.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Violation> errors;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail, List<Violation> errors,
            Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 400: the listed fields are invalid. */
    public static ProblemException invalid(List<Violation> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "validation", "Invalid request", detail, errors, null);
    }

    /** 400 for one field. */
    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new Violation(field, reason)));
    }

    /** 401: the request could not be authenticated (a missing or wrong signature, token or key). */
    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail, null, null);
    }

    /** 413: the body is larger than {@code maxBytes}. */
    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "the body may be at most " + maxBytes + " bytes", null, null);
    }

    /** 415: the body's media type is not one the endpoint reads. */
    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type", detail, null, null);
    }

    /** 422: the request is well-formed but its content cannot be processed (e.g. a CSV mapping names no column). */
    public static ProblemException unprocessable(List<Violation> errors) {
        return new ProblemException(422, "unprocessable", "Unprocessable content",
                errors.size() == 1
                        ? errors.get(0).field() + " " + errors.get(0).reason()
                        : errors.size() + " fields cannot be processed",
                errors, null);
    }

    /** 404: {@code what} (e.g. "programme 42") does not exist. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist", null, null);
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null, null);
    }

    /** 412: the client's {@code If-Match} names a version that is no longer current. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, null, null);
    }

    /** 428: the request must be conditional ({@code If-Match}) and is not. */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "precondition-required", "Precondition required", detail, null, null);
    }

    /** 503: a dependency is down; the client may retry after the given seconds. */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, null, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String type() {
        return "urn:tally:problem:" + slug;
    }

    public String title() {
        return title;
    }

    public List<Violation> errors() {
        return errors;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
