package io.tally.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local sign-in of {@code ./tally up}: the stand-in for the organisation's identity provider that the browser
 * dashboard signs in with, by the OAuth 2.0 authorization-code flow with PKCE (RFC 6749, RFC 7636, {@code S256}
 * only). {@code GET /authorize} shows a button per role, {@code POST /authorize} sends the browser back to the
 * dashboard with a code ({@link AuthorizationEndpoint}, {@link AuthorizationCodes}), and {@code POST /token} trades the
 * code and its verifier for a token of the run's {@link LocalIssuer} ({@link TokenEndpoint}). It listens on 127.0.0.1
 * only and is never part of a deployment.
 */
public final class LocalSignIn implements AutoCloseable {

    /** The one client this sign-in knows: the dashboard. */
    public static final String CLIENT_ID = "tally-dashboard";

    /** How long the tokens it issues are valid: a working day. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Set<String> hosts;
    private final AuthorizationEndpoint authorization;
    private final TokenEndpoint tokens;

    private LocalSignIn(HttpServer server, ExecutorService executor, LocalIssuer issuer, List<String> redirectUris,
            Clock clock) {
        this.server = server;
        this.executor = executor;
        this.hosts = Set.of("localhost:" + port(), "127.0.0.1:" + port());
        AuthorizationCodes codes = new AuthorizationCodes(clock);
        List<String> origins = redirectUris.stream().map(LocalSignIn::origin).distinct().toList();
        this.authorization = new AuthorizationEndpoint(codes, CLIENT_ID, redirectUris, origins, MAX_BODY_BYTES);
        this.tokens = new TokenEndpoint(codes, issuer, TOKEN_LIFETIME, origins, MAX_BODY_BYTES);
    }

    /**
     * Starts the sign-in on 127.0.0.1:{@code port} (0: any free port), signing with {@code issuer}'s key and sending
     * browsers back only to one of {@code allowedRedirectUris}, each compared as it is written (the gateway's
     * {@code http://localhost:<port>/}).
     */
    public static LocalSignIn start(LocalIssuer issuer, int port, List<String> allowedRedirectUris) {
        return start(issuer, port, allowedRedirectUris, Clock.systemUTC());
    }

    /** As {@link #start(LocalIssuer, int, List)}, with the codes' lifetime measured on {@code clock} (for tests). */
    static LocalSignIn start(LocalIssuer issuer, int port, List<String> allowedRedirectUris, Clock clock) {
        if (allowedRedirectUris.isEmpty()) {
            throw new IllegalArgumentException("the local sign-in needs at least one redirect URI");
        }
        allowedRedirectUris.forEach(LocalSignIn::origin);
        HttpServer server;
        try {
            InetAddress loopback = InetAddress.getByAddress("localhost", new byte[]{127, 0, 0, 1});
            server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local sign-in on 127.0.0.1:" + port
                    + " (is another ./tally up running?)", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "tally-sign-in");
            thread.setDaemon(true);
            return thread;
        });
        LocalSignIn signIn = new LocalSignIn(server, executor, issuer, List.copyOf(allowedRedirectUris), clock);
        server.createContext("/", signIn::handle);
        server.setExecutor(executor);
        server.start();
        return signIn;
    }

    /** {@code http://localhost:<port>/authorize}, where the dashboard sends the browser to sign in. */
    public String authorizationEndpoint() {
        return "http://localhost:" + port() + "/authorize";
    }

    /** {@code http://localhost:<port>/token}, where the dashboard trades a code for a token. */
    public String tokenEndpoint() {
        return "http://localhost:" + port() + "/token";
    }

    /** The dashboard's client id, {@value #CLIENT_ID}. */
    public String clientId() {
        return CLIENT_ID;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** What the gateway needs to send the dashboard here: its authorization and token endpoints and client id. */
    public Map<String, String> gatewayEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TALLY_DASHBOARD_AUTHORIZATION_ENDPOINT", authorizationEndpoint());
        env.put("TALLY_DASHBOARD_TOKEN_ENDPOINT", tokenEndpoint());
        env.put("TALLY_DASHBOARD_CLIENT_ID", CLIENT_ID);
        return env;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Headers headers = exchange.getResponseHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Cache-Control", "no-store");
            // a page of another site whose name resolves to 127.0.0.1 (DNS rebinding) names its own host
            if (!hosts.contains(String.valueOf(exchange.getRequestHeaders().getFirst("Host")))) {
                Responses.text(exchange, 400, "Unknown host: use " + authorizationEndpoint());
                return;
            }
            switch (exchange.getRequestURI().getRawPath()) {
                case "/authorize" -> authorization.answer(exchange);
                case "/token" -> tokens.answer(exchange);
                default -> Responses.text(exchange, 404, "Not found");
            }
        } catch (RuntimeException e) {
            System.err.println("The local sign-in failed to answer " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + ": " + e);
            if (exchange.getResponseCode() == -1) {
                Responses.text(exchange, 500, "The local sign-in failed");
            }
        } finally {
            exchange.close();
        }
    }

    /** The origin of an allowed redirect URI, as a browser sends it in {@code Origin}. */
    private static String origin(String redirectUri) {
        URI uri = URI.create(redirectUri);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("not an absolute http(s) redirect URI without fragment: " + redirectUri);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == (scheme.equals("http") ? 80 : 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
