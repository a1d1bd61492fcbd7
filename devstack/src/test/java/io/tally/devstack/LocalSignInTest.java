package io.tally.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tally.support.security.Role;

class LocalSignInTest {

    private static final String HOSTILE_STATE = "\"><script>alert(1)</script>&x=1 é";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final int gatewayPort = Ports.free();
    private final String redirectUri = "http://localhost:" + gatewayPort + "/";
    private final String otherRedirectUri = "http://localhost:" + Ports.free() + "/";
    private LocalSignIn signIn;

    @BeforeEach
    void start() {
        signIn = LocalSignIn.start(LocalIssuer.shared(), 0, List.of(redirectUri, otherRedirectUri), clock);
    }

    @AfterEach
    void stop() {
        signIn.close();
    }

    @Test
    void signsInAsTheChosenRoleWithAnAuthorizationCodeAndPkce() throws Exception {
        String verifier = newVerifier();
        Map<String, String> request = authorizeRequest(redirectUri, challenge(verifier), HOSTILE_STATE);

        HttpResponse<String> page = get("/authorize?" + form(request));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'none'", "style-src 'unsafe-inline'", "form-action 'self'",
                        "frame-ancestors 'none'")
                .doesNotContain("script-src");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).contains("<html lang=\"en\">", "<title>Sign in to Tally (local)</title>",
                "<h1>Sign in to Tally (local)</h1>", "<form method=\"post\" action=\"/authorize\">",
                "name=\"state\" value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;x=1 é\"")
                .doesNotContain("<script");
        for (Role role : Role.values()) {
            assertThat(page.body()).contains("<button type=\"submit\" name=\"role\" value=\"" + role.claim() + "\"",
                    ">Sign in as " + role.claim() + "</button>", role.description());
        }

        Map<String, String> chosen = new LinkedHashMap<>(request);
        chosen.put("role", "marketer");
        HttpResponse<String> back = post("/authorize", chosen, null);
        assertThat(back.statusCode()).isEqualTo(302);
        String location = back.headers().firstValue("Location").orElseThrow();
        Map<String, String> returned = query(location);
        assertThat(returned).containsOnlyKeys("code", "state").containsEntry("state", HOSTILE_STATE);
        assertThat(location).isEqualTo(redirectUri + "?code=" + returned.get("code") + "&state="
                + URLEncoder.encode(HOSTILE_STATE, StandardCharsets.UTF_8));
        assertThat(Base64.getUrlDecoder().decode(returned.get("code"))).hasSizeGreaterThanOrEqualTo(16);

        HttpResponse<String> answer = exchange(returned.get("code"), redirectUri, verifier);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        Map<String, Object> json = JsonUtil.parseJson(answer.body());
        assertThat(json).containsEntry("token_type", "Bearer").containsEntry("expires_in", 28_800L)
                .containsEntry("scope", "openid");
        JwtClaims claims = verified((String) json.get("access_token"));
        assertThat(claims.getIssuer()).isEqualTo("tally-local");
        assertThat(claims.getAudience()).containsExactly("tally");
        assertThat(claims.getSubject()).isEqualTo("local-marketer");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("marketer");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(8 * 3600);
    }

    @Test
    void aWrongVerifierIsRefusedAndSpendsTheCode() throws Exception {
        String verifier = newVerifier();
        String code = code(redirectUri, challenge(verifier), "marketer");

        assertError(exchange(code, redirectUri, newVerifier()), "invalid_grant");
        assertError(exchange(code, redirectUri, verifier), "invalid_grant");
    }

    @Test
    void aCodeServesOnce() throws Exception {
        String verifier = newVerifier();
        String code = code(redirectUri, challenge(verifier), "analyst");

        assertThat(exchange(code, redirectUri, verifier).statusCode()).isEqualTo(200);
        assertError(exchange(code, redirectUri, verifier), "invalid_grant");
    }

    @Test
    void acceptsRfc7636sExampleVerifierForItsChallenge() throws Exception {
        // RFC 7636 appendix B
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String code = code(redirectUri, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "analyst");

        assertThat(exchange(code, redirectUri, verifier).statusCode()).isEqualTo(200);
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() throws Exception {
        String verifier = newVerifier();
        String early = code(redirectUri, challenge(verifier), "finance");
        String late = code(redirectUri, challenge(verifier), "finance");

        clock.advance(Duration.ofSeconds(59));
        assertThat(exchange(early, redirectUri, verifier).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        assertError(exchange(late, redirectUri, verifier), "invalid_grant");
    }

    @Test
    void aCodeIsExchangedOnlyWithTheRedirectUriAndClientItWasIssuedFor() throws Exception {
        String verifier = newVerifier();
        String code = code(redirectUri, challenge(verifier), "admin");
        assertError(exchange(code, otherRedirectUri, verifier), "invalid_grant");

        String another = code(redirectUri, challenge(verifier), "admin");
        Map<String, String> request = tokenRequest(another, redirectUri, verifier);
        request.put("client_id", "someone-else");
        assertError(post("/token", request, null), "invalid_grant");
    }

    @Test
    void refusesAnUnregisteredRedirectUriWithAPageInsteadOfARedirect() throws Exception {
        String challenge = challenge(newVerifier());
        for (String uri : List.of("http://evil.example/", "http://localhost:" + gatewayPort + "/evil",
                "http://localhost:" + gatewayPort + "/?x", "http://localhost:" + gatewayPort,
                "http://127.0.0.1:" + gatewayPort + "/")) {
            Map<String, String> request = authorizeRequest(uri, challenge, "s");
            assertRefusedWithPage(get("/authorize?" + form(request)));
            request.put("role", "admin");
            assertRefusedWithPage(post("/authorize", request, null));
        }
        Map<String, String> missing = authorizeRequest(redirectUri, challenge, "s");
        missing.remove("redirect_uri");
        assertRefusedWithPage(get("/authorize?" + form(missing)));
    }

    @Test
    void refusesAnUnknownClientWithAPageInsteadOfARedirect() throws Exception {
        Map<String, String> request = authorizeRequest(redirectUri, challenge(newVerifier()), "s");
        request.put("client_id", "someone-else");
        assertRefusedWithPage(get("/authorize?" + form(request)));
        request.put("role", "admin");
        assertRefusedWithPage(post("/authorize", request, null));
    }

    @Test
    void refusesAPlainChallengeAnUnknownRoleAndOtherBadRequestsByRedirect() throws Exception {
        String challenge = challenge(newVerifier());
        Map<String, String> plain = authorizeRequest(redirectUri, challenge, "s1");
        plain.put("code_challenge_method", "plain");
        assertRedirectedWithError(get("/authorize?" + form(plain)), "invalid_request", "s1");
        plain.put("role", "analyst");
        assertRedirectedWithError(post("/authorize", plain, null), "invalid_request", "s1");

        Map<String, String> unknownRole = authorizeRequest(redirectUri, challenge, "s2");
        unknownRole.put("role", "root");
        assertRedirectedWithError(post("/authorize", unknownRole, null), "invalid_request", "s2");
        unknownRole.remove("role");
        assertRedirectedWithError(post("/authorize", unknownRole, null), "invalid_request", "s2");

        Map<String, String> noChallenge = authorizeRequest(redirectUri, challenge, "s3");
        noChallenge.remove("code_challenge");
        assertRedirectedWithError(get("/authorize?" + form(noChallenge)), "invalid_request", "s3");
        noChallenge.put("code_challenge", "too-short");
        assertRedirectedWithError(get("/authorize?" + form(noChallenge)), "invalid_request", "s3");

        Map<String, String> implicit = authorizeRequest(redirectUri, challenge, "s4");
        implicit.put("response_type", "token");
        assertRedirectedWithError(get("/authorize?" + form(implicit)), "unsupported_response_type", "s4");

        String repeated = form(authorizeRequest(redirectUri, challenge, "s5")) + "&code_challenge=" + challenge;
        assertRedirectedWithError(get("/authorize?" + repeated), "invalid_request", "s5");
    }

    @Test
    void refusesTokenRequestsOfAnotherGrantOrWithoutTheirParameters() throws Exception {
        String verifier = newVerifier();
        String code = code(redirectUri, challenge(verifier), "ingest");

        Map<String, String> password = tokenRequest(code, redirectUri, verifier);
        password.put("grant_type", "password");
        assertError(post("/token", password, null), "unsupported_grant_type");
        for (String name : List.of("grant_type", "code", "redirect_uri", "client_id", "code_verifier")) {
            Map<String, String> request = tokenRequest(code, redirectUri, verifier);
            request.remove(name);
            assertError(post("/token", request, null), "invalid_request");
        }
        // none of these spent the code
        assertThat(exchange(code, redirectUri, verifier).statusCode()).isEqualTo(200);
    }

    @Test
    void answersCorsOnlyForTheDashboardsOrigin() throws Exception {
        String origin = "http://localhost:" + gatewayPort;
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("/token"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type");

        String verifier = newVerifier();
        HttpResponse<String> token = post("/token",
                tokenRequest(code(redirectUri, challenge(verifier), "analyst"), redirectUri, verifier), origin);
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);

        HttpResponse<String> evilPreflight = http.send(HttpRequest.newBuilder(uri("/token"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> evilPost = post("/token", tokenRequest("x", redirectUri, verifier),
                "http://evil.example");
        for (HttpResponse<String> evil : List.of(evilPreflight, evilPost)) {
            assertThat(evil.headers().map().keySet())
                    .noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("access-control-"));
        }
    }

    @Test
    void answersOtherMethodsPathsAndHostsWithoutSigningIn() throws Exception {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri("/authorize"))
                .PUT(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(get("/token").statusCode()).isEqualTo(405);
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/authorize/x").statusCode()).isEqualTo(404);
        assertThat(rawStatus("GET /authorize HTTP/1.1\r\nHost: rebound.example:" + signIn.port()
                + "\r\nConnection: close\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void tellsTheGatewayWhereToSendTheDashboard() {
        assertThat(signIn.gatewayEnvironment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TALLY_DASHBOARD_AUTHORIZATION_ENDPOINT", "http://localhost:" + signIn.port() + "/authorize",
                "TALLY_DASHBOARD_TOKEN_ENDPOINT", "http://localhost:" + signIn.port() + "/token",
                "TALLY_DASHBOARD_CLIENT_ID", "tally-dashboard"));
        assertThat(signIn.authorizationEndpoint()).isEqualTo("http://localhost:" + signIn.port() + "/authorize");
        assertThat(signIn.tokenEndpoint()).isEqualTo("http://localhost:" + signIn.port() + "/token");
        assertThat(signIn.clientId()).isEqualTo("tally-dashboard");
    }

    private String code(String redirect, String challenge, String role) throws Exception {
        Map<String, String> request = authorizeRequest(redirect, challenge, "state");
        request.put("role", role);
        HttpResponse<String> answer = post("/authorize", request, null);
        assertThat(answer.statusCode()).isEqualTo(302);
        return query(answer.headers().firstValue("Location").orElseThrow()).get("code");
    }

    private HttpResponse<String> exchange(String code, String redirect, String verifier) throws Exception {
        return post("/token", tokenRequest(code, redirect, verifier), null);
    }

    private static Map<String, String> authorizeRequest(String redirect, String challenge, String state) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", "tally-dashboard");
        request.put("redirect_uri", redirect);
        request.put("state", state);
        request.put("code_challenge", challenge);
        request.put("code_challenge_method", "S256");
        return request;
    }

    private static Map<String, String> tokenRequest(String code, String redirect, String verifier) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("grant_type", "authorization_code");
        request.put("code", code);
        request.put("redirect_uri", redirect);
        request.put("client_id", "tally-dashboard");
        request.put("code_verifier", verifier);
        return request;
    }

    private static void assertError(HttpResponse<String> answer, String error) throws Exception {
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(JsonUtil.parseJson(answer.body())).containsEntry("error", error);
    }

    private static void assertRefusedWithPage(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(answer.body()).contains("<h1>Sign-in request refused</h1>");
    }

    private void assertRedirectedWithError(HttpResponse<String> answer, String error, String state) {
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirectUri + "?");
        Map<String, String> returned = query(location);
        assertThat(returned).containsEntry("error", error).doesNotContainKey("code");
        assertThat(returned.get("state")).isEqualTo(state);
    }

    private HttpResponse<String> get(String target) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(target)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String target) {
        return URI.create("http://localhost:" + signIn.port() + target);
    }

    private int rawStatus(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), signIn.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static JwtClaims verified(String token) throws Exception {
        return new JwtConsumerBuilder().setExpectedIssuer("tally-local").setExpectedAudience("tally")
                .setRequireExpirationTime().setRequireSubject()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(LocalIssuer.shared().signer().jwks()).getJsonWebKeys()))
                .build().processToClaims(token);
    }

    private static String newVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7636 4.2's S256, worked out here rather than by the class under test. */
    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** A clock the test moves forward. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
