package io.tally.support.http;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;

/** The {@code X-Request-Id} of a request: the caller's, when it is a sane token, or a fresh UUID. */
public final class RequestIds {

    /** The header carrying the request id, both ways. */
    public static final String HEADER = "X-Request-Id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The caller's request id when it is 1-128 token characters, else a new random UUID. */
    public static String of(HttpServerRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
