package io.tally.devstack;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import io.tally.support.security.Role;

/**
 * {@code GET} and {@code POST /authorize} of {@link LocalSignIn} (RFC 6749 4.1.1, RFC 7636 4.3): the page with a button
 * per role, and the redirect back to the client with a code or an error. A request naming another client or an
 * unregistered redirect URI is refused with a page, never redirected (RFC 6749 4.1.2.1).
 */
final class AuthorizationEndpoint {

    /** The parameters of an authorization request that the sign-in form carries over. */
    private static final String[] CARRIED = {"response_type", "client_id", "redirect_uri", "state", "code_challenge",
            "code_challenge_method"};

    /** An authorization request refused with an RFC 6749 4.1.2.1 {@code error}, and why. */
    private record Refusal(String error, String description) {
    }

    private final AuthorizationCodes codes;
    private final String clientId;
    private final List<String> redirectUris;
    private final String contentSecurityPolicy;
    private final int maxBodyBytes;

    /**
     * @param redirectUris the redirect URIs the client may name, each compared as written
     * @param origins their origins, where the browser goes after posting the form
     */
    AuthorizationEndpoint(AuthorizationCodes codes, String clientId, List<String> redirectUris, List<String> origins,
            int maxBodyBytes) {
        this.codes = codes;
        this.clientId = clientId;
        this.redirectUris = List.copyOf(redirectUris);
        // the form posts here, and the browser follows the answer's redirect to the client (form-action covers both)
        this.contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' "
                + String.join(" ", origins) + "; frame-ancestors 'none'; base-uri 'none'";
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Answers the authorization request of {@code exchange}. */
    void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            Responses.methodNotAllowed(exchange, "GET, POST");
            return;
        }
        FormParameters request;
        try {
            request = FormParameters.parse(method.equals("GET")
                    ? exchange.getRequestURI().getRawQuery()
                    : Responses.body(exchange, maxBodyBytes));
        } catch (IllegalArgumentException e) {
            page(exchange, 400, SignInPage.refusal("This sign-in request is malformed (" + e.getMessage() + ")."));
            return;
        }
        String redirectUri = request.get("redirect_uri");
        if (!clientId.equals(request.get("client_id"))) {
            page(exchange, 400, SignInPage.refusal("This sign-in request names an unknown client (client_id)."));
            return;
        }
        if (redirectUri == null || !redirectUris.contains(redirectUri)) {
            page(exchange, 400, SignInPage.refusal("This sign-in request names an address to return to "
                    + "(redirect_uri) that is not registered."));
            return;
        }
        Optional<Role> role = Optional.ofNullable(request.get("role")).flatMap(Role::fromClaim);
        Optional<Refusal> refusal = refusal(request, method.equals("POST"), role);
        if (refusal.isPresent()) {
            redirect(exchange, redirectUri, request.get("state"), "error", refusal.get().error(), "error_description",
                    refusal.get().description());
        } else if (method.equals("GET")) {
            page(exchange, 200, SignInPage.roles(SignInPage.carried(request, CARRIED), redirectUri));
        } else {
            String code = codes.issue(clientId, redirectUri, request.get("code_challenge"), role.get());
            redirect(exchange, redirectUri, request.get("state"), "code", code);
        }
    }

    /** What is wrong with an authorization request of the known client and redirect URI, if anything. */
    private static Optional<Refusal> refusal(FormParameters request, boolean posted, Optional<Role> role) {
        if (!request.repeated().isEmpty()) {
            return Optional.of(new Refusal("invalid_request", "a parameter is given more than once"));
        }
        if (!"code".equals(request.get("response_type"))) {
            return Optional.of(new Refusal("unsupported_response_type", "response_type must be code"));
        }
        if (!AuthorizationCodes.isPkceValue(request.get("code_challenge"))) {
            return Optional.of(new Refusal("invalid_request", "code_challenge must be 43 to 128 characters of "
                    + "A-Z a-z 0-9 - . _ ~"));
        }
        if (!"S256".equals(request.get("code_challenge_method"))) {
            return Optional.of(new Refusal("invalid_request", "code_challenge_method must be S256"));
        }
        if (posted && role.isEmpty()) {
            return Optional.of(new Refusal("invalid_request", "role must be one of " + String.join(", ",
                    Arrays.stream(Role.values()).map(Role::claim).toList())));
        }
        return Optional.empty();
    }

    private void page(HttpExchange exchange, int status, String html) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        Responses.send(exchange, status, "text/html; charset=utf-8", html);
    }

    /** A {@code 302} to {@code redirectUri} with the parameters given as name, value, ... and {@code state} if any. */
    private static void redirect(HttpExchange exchange, String redirectUri, String state, String... namesAndValues)
            throws IOException {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        for (int i = 0; i < namesAndValues.length; i += 2) {
            location.append(namesAndValues[i]).append('=').append(encode(namesAndValues[i + 1])).append('&');
        }
        if (state != null) {
            location.append("state=").append(encode(state)).append('&');
        }
        location.setLength(location.length() - 1);
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        Responses.empty(exchange, 302);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
