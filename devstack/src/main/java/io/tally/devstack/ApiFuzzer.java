package io.tally.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.support.security.Role;

/**
 * Sends generated malformed requests ({@link MalformedRequests}) to every operation of OpenAPI documents and reports
 * every answer that is a {@code 5xx} or shows something internal (an exception, a class or package name, SQL). Calls
 * carry an
 * {@code admin} token (a fresh subject every {@value #CALLS_PER_SUBJECT} calls, so rate limits do not hide the
 * handlers) or, one in ten, none. Seeded: the same seed sends the same requests.
 */
public final class ApiFuzzer {

    /** A malformed request and the answer that was wrong. */
    public record Finding(String method, String target, String contentType, String bodyStart, int status,
            String why) {

        @Override
        public String toString() {
            return method + " " + shorten(target, 200) + " [" + contentType + "] " + shorten(bodyStart, 120) + " -> "
                    + status + ": " + why;
        }
    }

    /** What a run sent and found. */
    public record Report(Map<String, Integer> requestsPerOperation, Map<Integer, Integer> statuses,
            List<Finding> findings) {

        public int requests() {
            return requestsPerOperation.values().stream().mapToInt(Integer::intValue).sum();
        }

        public long serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private static final int CALLS_PER_SUBJECT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an answer must never show: exceptions, stack frames, Java packages, SQL, connection strings. */
    private static final Pattern LEAK = Pattern.compile("(?i)(exception|\\bat (java|io|org|com)\\.|java\\.lang|"
            + "org\\.(hibernate|postgresql|jboss|apache)|io\\.(quarkus|vertx|smallrye)|jdbc:|sqlstate|"
            + "\\bselect\\s.+\\sfrom\\s|\\binsert into\\b|\\bupdate\\s+\\w+\\s+set\\b|psql|stack ?trace)");

    private final URI base;
    private final LocalIssuer issuer;
    private final Random random;
    private final MalformedRequests requests;
    private int calls;
    private String bearer;

    public ApiFuzzer(URI base, LocalIssuer issuer, long seed) {
        this.base = base;
        this.issuer = issuer;
        this.random = new Random(seed);
        this.requests = new MalformedRequests(random); // one random source: the same seed sends the same requests
    }

    /** An operation of an OpenAPI document: method, path template and the operation's own node. */
    public record Operation(String method, String template, JsonNode node) {
    }

    /** The operations under {@code /api/v1} of an OpenAPI document (JSON). */
    public static List<Operation> operations(String openApiJson) {
        try {
            JsonNode paths = JSON.readTree(openApiJson).path("paths");
            List<Operation> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!path.getKey().startsWith("/api/v1/")) {
                    continue;
                }
                for (String method : List.of("get", "post", "put", "patch", "delete")) {
                    if (path.getValue().has(method)) {
                        operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(),
                                path.getValue().get(method)));
                    }
                }
            }
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code perOperation} malformed requests to each operation. */
    public Report fuzz(List<Operation> operations, int perOperation) {
        Map<String, Integer> perOp = new LinkedHashMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        for (Operation operation : operations) {
            for (int i = 0; i < perOperation; i++) {
                MalformedRequests.Request request = requests.generate(operation);
                RawHttp.Answer answer = RawHttp.send(base, operation.method(), request.target(),
                        random.nextInt(10) == 0 ? null : bearer(), request.contentType(), request.body());
                perOp.merge(operation.method() + " " + operation.template(), 1, Integer::sum);
                statuses.merge(answer.status(), 1, Integer::sum);
                String why = answer.status() >= 500 || answer.status() < 100
                        ? "server error"
                        : leak(answer.body());
                if (why != null) {
                    findings.add(new Finding(operation.method(), request.target(), request.contentType(),
                            request.body() == null
                                    ? ""
                                    : new String(request.body(), 0,
                                            Math.min(request.body().length, 300), StandardCharsets.UTF_8),
                            answer.status(), why));
                }
            }
        }
        return new Report(perOp, statuses, List.copyOf(findings));
    }

    private String bearer() {
        if (bearer == null || calls++ % CALLS_PER_SUBJECT == 0) {
            bearer = issuer.token("fuzz-" + calls, Duration.ofHours(2), Role.ADMIN);
        }
        return bearer;
    }

    private static String leak(String body) {
        Matcher m = LEAK.matcher(body);
        return m.find() ? "the answer shows '" + m.group() + "'" : null;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
