package io.tally.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tally.events.json.EventJson;
import io.tally.support.security.Role;

/**
 * Requests to the suite's gateway as the loaders of local data make them ({@link DemoData}, {@link SimulationLoad}):
 * the open collector without a token, the ESP's signed webhook, imports as an ingest job, and the API with a role's
 * token from the local issuer. A response of 300 or more is an {@link IllegalStateException} naming it.
 */
final class GatewayClient {

    /** Who sends a request: the open collector (no token), an ingest job (token), or the ESP (signed webhook). */
    enum Caller {
        PUBLIC, INGEST, ESP
    }

    /** One request of loaded data. */
    record Request(String path, String contentType, String body, Caller caller) {
    }

    /** Training a model on many journeys, or waiting for a large import, takes longer than a report. */
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String gateway;
    private final LocalIssuer issuer;
    private final EspWebhookSigner esp;

    GatewayClient(String gatewayUrl, LocalIssuer issuer, EspWebhookSigner esp) {
        this.gateway = gatewayUrl;
        this.issuer = issuer;
        this.esp = esp;
    }

    String gatewayUrl() {
        return gateway;
    }

    /** The ESP webhook's path. */
    String espPath() {
        return esp.path();
    }

    static ObjectNode object() {
        return EventJson.mapper().createObjectNode();
    }

    /** Sends loaded data as its caller would: the collector is public, the ESP signs, imports are an ingest job. */
    JsonNode send(Request request) {
        return switch (request.caller()) {
            case PUBLIC -> exchange("POST", request.path(), request.contentType(), request.body(), null, null);
            case ESP -> exchange("POST", request.path(), request.contentType(), request.body(),
                    EspWebhookSigner.SIGNATURE_HEADER, esp.sign(request.body()));
            case INGEST -> exchange("POST", request.path(), request.contentType(), request.body(), "Authorization",
                    issuer.bearer(Role.INGEST));
        };
    }

    /** A JSON body posted with a role's token. */
    JsonNode post(String path, JsonNode body, Role role) {
        return exchange("POST", path, "application/json", body.toString(), "Authorization", issuer.bearer(role));
    }

    /** A POST without a body (an action such as training), with a role's token. */
    JsonNode post(String path, Map<String, String> query, Role role) {
        return exchange("POST", path + query(query), null, null, "Authorization", issuer.bearer(role));
    }

    /** A GET with a role's token. */
    JsonNode get(String path, Map<String, String> query, Role role) {
        return exchange("GET", path + query(query), null, null, "Authorization", issuer.bearer(role));
    }

    private static String query(Map<String, String> query) {
        return query.isEmpty()
                ? ""
                : "?" + query.entrySet().stream().map(e -> e.getKey() + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private JsonNode exchange(String method, String path, String contentType, String body, String header,
            String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType + "; charset=UTF-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        if (header != null) {
            request.header(header, value);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? object() : EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
