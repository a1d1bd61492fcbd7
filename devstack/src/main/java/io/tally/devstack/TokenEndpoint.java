package io.tally.devstack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * {@code POST /token} of {@link LocalSignIn}: an authorization code and its PKCE verifier for a token of the run's
 * {@link LocalIssuer} (RFC 6749 4.1.3, RFC 7636 4.5), or an RFC 6749 5.2 error. The client calls it from the browser,
 * so it answers CORS preflights, and names the origin in {@code Access-Control-Allow-Origin} for the client's origins
 * only.
 */
final class TokenEndpoint {

    private final AuthorizationCodes codes;
    private final LocalIssuer issuer;
    private final Duration lifetime;
    private final Set<String> origins;
    private final int maxBodyBytes;

    /** @param origins the origins of the client's redirect URIs, the only ones whose scripts may read the answers */
    TokenEndpoint(AuthorizationCodes codes, LocalIssuer issuer, Duration lifetime, List<String> origins,
            int maxBodyBytes) {
        this.codes = codes;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.origins = Set.copyOf(origins);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Answers the request to {@code /token} of {@code exchange}: a CORS preflight or a token request. */
    void answer(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        Headers headers = exchange.getResponseHeaders();
        headers.set("Vary", "Origin");
        if (origin != null && origins.contains(origin)) {
            headers.set("Access-Control-Allow-Origin", origin);
            headers.set("Access-Control-Allow-Methods", "POST");
            headers.set("Access-Control-Allow-Headers", "Content-Type");
        }
        switch (exchange.getRequestMethod()) {
            case "OPTIONS" -> Responses.empty(exchange, 204);
            case "POST" -> exchangeCode(exchange);
            default -> Responses.methodNotAllowed(exchange, "POST, OPTIONS");
        }
    }

    private void exchangeCode(HttpExchange exchange) throws IOException {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            error(exchange, "invalid_request", "the body must be application/x-www-form-urlencoded");
            return;
        }
        FormParameters request;
        try {
            request = FormParameters.parse(Responses.body(exchange, maxBodyBytes));
        } catch (IllegalArgumentException e) {
            error(exchange, "invalid_request", "the body is malformed: " + e.getMessage());
            return;
        }
        if (!request.repeated().isEmpty()) {
            error(exchange, "invalid_request", "a parameter is given more than once");
            return;
        }
        String grantType = request.get("grant_type");
        if (grantType == null) {
            error(exchange, "invalid_request", "grant_type is missing");
            return;
        }
        if (!grantType.equals("authorization_code")) {
            error(exchange, "unsupported_grant_type", "grant_type must be authorization_code");
            return;
        }
        for (String name : List.of("code", "redirect_uri", "client_id", "code_verifier")) {
            if (request.get(name) == null) {
                error(exchange, "invalid_request", name + " is missing");
                return;
            }
        }
        // spent from here on, whatever the rest of the request says
        Optional<AuthorizationCodes.Grant> grant = codes.redeem(request.get("code"));
        if (grant.isEmpty()) {
            error(exchange, "invalid_grant", "the code is unknown, spent or expired");
        } else if (!grant.get().clientId().equals(request.get("client_id"))
                || !grant.get().redirectUri().equals(request.get("redirect_uri"))) {
            error(exchange, "invalid_grant", "client_id or redirect_uri is not the one the code was issued for");
        } else if (!grant.get().provenBy(request.get("code_verifier"))) {
            error(exchange, "invalid_grant", "code_verifier does not match the code_challenge");
        } else {
            String token = issuer.token("local-" + grant.get().role().claim(), lifetime, grant.get().role());
            json(exchange, 200, """
                    {"access_token":"%s","token_type":"Bearer","expires_in":%d,"scope":"openid"}"""
                    .formatted(token, lifetime.toSeconds()));
        }
    }

    private static void error(HttpExchange exchange, String error, String description) throws IOException {
        json(exchange, 400, """
                {"error":"%s","error_description":"%s"}""".formatted(error, jsonText(description)));
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        Responses.send(exchange, status, "application/json; charset=utf-8", body);
    }

    /** {@code text} for a JSON string: quotes, backslashes and control characters escaped. */
    private static String jsonText(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append("\\u%04x".formatted((int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
