package io.tally.devstack;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tally.support.security.AccessRule;
import io.tally.support.security.AccessRules;
import io.tally.support.security.Role;

/**
 * Tries every operation of an OpenAPI document under a family of second spellings of its path (encoded letters,
 * matrix parameters, dot segments, duplicate and trailing slashes, encoded separators, double encoding), as every
 * role and without a token, and reports every answer that is not the refusal expected. Requests go over a raw socket,
 * so the path reaches the server byte for byte as written (HTTP client libraries normalise some of these spellings
 * away).
 *
 * <p>
 * What is expected: a second spelling is refused with {@code 400} {@code invalid-path} whoever calls; the canonical
 * path answers {@code 401} without a token and {@code 403} to a role the rule table does not admit (so the refusal of
 * the spellings is not a refusal of everything); a read the role may make is not refused at all.
 */
public final class PathSpellings {

    /** One operation of an OpenAPI document: its method and path template. */
    public record Operation(String method, String template) {
    }

    /** An answer that was not the one expected. */
    public record Finding(String method, String path, String caller, int status, String expected) {

        @Override
        public String toString() {
            return method + " " + path + " as " + caller + ": " + status + ", expected " + expected;
        }
    }

    /** The outcome of a probe: how many requests were sent, and what was wrong. */
    public record Report(int requests, List<Finding> findings) {
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final URI base;
    private final Map<String, String> bearerByCaller;

    /**
     * @param base the server to probe (scheme http, host and port)
     * @param issuer signs a token per role
     */
    public PathSpellings(URI base, LocalIssuer issuer) {
        this.base = base;
        this.bearerByCaller = new LinkedHashMap<>();
        bearerByCaller.put("nobody", null);
        for (Role role : Role.values()) {
            bearerByCaller.put(role.claim(), issuer.token(role));
        }
    }

    /** The operations of an OpenAPI document (JSON) under {@code /api/v1}, as {@link ApiFuzzer#operations} reads them. */
    public static List<Operation> operations(String openApiJson) {
        return ApiFuzzer.operations(openApiJson).stream().map(o -> new Operation(o.method(), o.template())).toList();
    }

    /** A concrete path for a template: every parameter replaced by a plain value. */
    public static String concrete(String template) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "period" -> "2001-01";
                case "model" -> "linear";
                case "platform" -> "linkedin";
                case "provider" -> "generic";
                default -> "probe-1";
            };
            m.appendReplacement(path, value);
        }
        m.appendTail(path);
        return path.toString();
    }

    /** Second spellings of a canonical path, each of which a router could read as that path. */
    public static List<String> spellings(String path) {
        String[] segments = path.substring(1).split("/");
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            String before = "/" + String.join("/", List.of(segments).subList(0, i));
            String after = String.join("/", List.of(segments).subList(i + 1, segments.length));
            String rest = after.isEmpty() ? "" : "/" + after;
            String head = i == 0 ? "" : before;
            String encoded = String.format("%%%02X", (int) segment.charAt(0)) + segment.substring(1);
            out.add(head + "/" + encoded + rest);
            out.add(head + "/" + encoded.toLowerCase(Locale.ROOT).substring(0, 3) + segment.substring(1) + rest);
            out.add(head + "/" + "%25" + String.format("%02X", (int) segment.charAt(0)) + segment.substring(1)
                    + rest);
            out.add(head + "/" + segment + ";x=1" + rest);
            out.add(head + "/" + segment + ";" + rest);
            out.add(head + "/./" + segment + rest);
            out.add(head + "/probe/../" + segment + rest);
            out.add(head + "/%2e/" + segment + rest);
            out.add(head + "//" + segment + rest);
            if (i > 0) {
                out.add(head + "%2F" + segment + rest);
                out.add(head + "%5C" + segment + rest);
            }
        }
        out.add(path + "/");
        out.add(path + "//");
        out.add(path + "/.");
        out.add(path + "%00");
        out.add(path + "%09");
        out.remove(path);
        return List.copyOf(out);
    }

    /**
     * What a service's test asserts: probes the service at {@code localhost:port} with its own document, as
     * {@link #probeOwnDocument()}, and fails listing every wrong answer (or when too few requests were made to mean
     * anything).
     */
    public static void assertEverySecondSpellingRefused(int port) {
        Report report = new PathSpellings(URI.create("http://localhost:" + port), LocalIssuer.shared())
                .probeOwnDocument();
        if (!report.findings().isEmpty() || report.requests() < 1000) {
            throw new AssertionError(report.requests() + " requests, " + report.findings().size() + " wrong: "
                    + report.findings());
        }
    }

    /** Probes every operation of the server's own OpenAPI document ({@code /q/openapi}), as {@link #probe(List)}. */
    public Report probeOwnDocument() {
        RawHttp.Answer answer = send("GET", "/q/openapi?format=json", null);
        if (answer.status() != 200) {
            throw new IllegalStateException("no OpenAPI document at " + base + ": " + answer.status());
        }
        return probe(operations(answer.body()));
    }

    /** Probes every operation under every spelling, as every caller. */
    public Report probe(List<Operation> operations) {
        List<Finding> findings = new ArrayList<>();
        int requests = 0;
        for (Operation operation : operations) {
            String path = concrete(operation.template());
            Optional<AccessRule> rule = AccessRules.ruleFor(operation.method(), path);
            for (Map.Entry<String, String> caller : bearerByCaller.entrySet()) {
                for (String spelling : spellings(path)) {
                    RawHttp.Answer answer = send(operation.method(), spelling, caller.getValue());
                    requests++;
                    if (answer.status() != 400 || !answer.body().contains("invalid-path")) {
                        findings.add(new Finding(operation.method(), spelling, caller.getKey(), answer.status(),
                                "400 invalid-path"));
                    }
                }
                requests += checkCanonical(operation, path, rule, caller, findings);
            }
        }
        return new Report(requests, List.copyOf(findings));
    }

    private int checkCanonical(Operation operation, String path, Optional<AccessRule> rule,
            Map.Entry<String, String> caller, List<Finding> findings) {
        boolean open = rule.isPresent() && rule.get().open();
        boolean nobody = caller.getValue() == null;
        boolean admitted = open || (!nobody && rule.isPresent()
                && rule.get().allows(Role.fromClaim(caller.getKey()).map(Set::of).orElse(Set.of())));
        boolean read = operation.method().equals("GET") || operation.method().equals("HEAD");
        if (admitted && !read) {
            return 0; // a write the caller may make would change data; its spellings were refused above
        }
        RawHttp.Answer answer = send(operation.method(), path, caller.getValue());
        String expected;
        boolean ok;
        if (admitted) {
            expected = "neither refused nor failed";
            ok = answer.status() != 401 && answer.status() != 403 && answer.status() < 500
                    && !answer.body().contains("invalid-path");
        } else if (nobody) {
            expected = "401";
            ok = answer.status() == 401;
        } else {
            expected = "403";
            ok = answer.status() == 403;
        }
        if (!ok) {
            findings.add(new Finding(operation.method(), path, caller.getKey(), answer.status(), expected));
        }
        return 1;
    }

    private RawHttp.Answer send(String method, String path, String bearer) {
        boolean body = !method.equals("GET") && !method.equals("HEAD") && !method.equals("DELETE");
        return RawHttp.send(base, method, path, bearer, body ? "{}" : null);
    }
}
