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

    /** 404: {@code what} (e.g. "programme 42") does not exist. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist", null, null);
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null, null);
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
