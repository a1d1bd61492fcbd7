package io.tally.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.restassured.RestAssured;

/** Shared test data and helpers: the stubbed upstreams, their OpenAPI documents and raw HTTP requests. */
public final class GatewayFixtures {

    /** The problem media type every error answer carries. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private GatewayFixtures() {
    }

    public static UpstreamStub campaign() {
        return UpstreamStubs.campaign;
    }

    public static UpstreamStub attribution() {
        return UpstreamStubs.attribution;
    }

    public static UpstreamStub connectors() {
        return UpstreamStubs.connectors;
    }

    /** All three stubs. */
    public static List<UpstreamStub> stubs() {
        return List.of(campaign(), attribution(), connectors());
    }

    /** Puts every stub back to answering 200 promptly with nothing recorded. */
    public static void resetStubs() {
        stubs().forEach(UpstreamStub::reset);
    }

    /** The OpenAPI document a stub serves: one path per service, no servers (as the real services). */
    public static String document(String service) {
        String path = switch (service) {
            case "campaign" -> "/api/v1/programmes";
            case "attribution" -> "/api/v1/reports/revenue";
            default -> "/api/v1/collect";
        };
        return """
                {"openapi":"3.1.0","info":{"title":"Tally %s API","version":"0.1.0"},\
                "paths":{"%s":{"get":{"responses":{"200":{"description":"OK"}}}}}}"""
                .formatted(service, path);
    }

    /**
     * Sends a GET for {@code target} to the gateway byte for byte (no client-side normalisation) and returns the
     * whole raw answer.
     */
    public static String rawGet(String target) {
        return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code request} (request line, headers, perhaps a body) byte for byte and returns the raw answer. */
    public static String raw(String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
