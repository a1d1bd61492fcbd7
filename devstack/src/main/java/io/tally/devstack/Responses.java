package io.tally.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/** Reading requests and writing answers with the JDK's HTTP server, for {@link LocalSignIn}. */
final class Responses {

    private Responses() {
    }

    /** The request body as UTF-8 text; one larger than {@code limit} bytes is refused with an exception. */
    static String body(HttpExchange exchange, int limit) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(limit + 1);
        if (body.length > limit) {
            throw new IllegalArgumentException("the body is larger than " + limit + " bytes");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** An answer of {@code status} with {@code body} of {@code contentType}. */
    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A plain-text answer. */
    static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text + "\n");
    }

    /** An answer without a body. */
    static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    /** {@code 405} naming the methods {@code allowed}. */
    static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        text(exchange, 405, "Method not allowed: " + allowed);
    }
}
