package io.tally.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Malformed requests for one OpenAPI operation, built from its documented shape with one thing broken: a path or query
 * parameter (wrong type, extreme number or date, control characters, invalid UTF-8, very long), the body (a field of its
 * example replaced by a hostile value or removed, an unknown field, deep nesting, truncated JSON, invalid UTF-8, a
 * scalar or array where an object belongs) or the content type. Drawn from the given random source, so a seed repeats
 * a run.
 * <p>
 * About 270 lines, as one job: the generators share the random source and the hostile values, and the table of what
 * it breaks reads best in one place.
 */
final class MalformedRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Hostile strings: for path segments they are percent-encoded, so each reaches the router as one segment. */
    private static final List<String> STRINGS = List.of("", " ", "0", "-1", "1e309", "NaN", "Infinity",
            "9223372036854775808", "-9223372036854775809", "0.0000000001", "1E+1000000000", "true", "null", "[]", "{}",
            "-0001-01", "0000-00", "2026-13", "2026-00", "99999-12", "+99999-01", "2026-Q5", "2026-02-30",
            "0000-00-00", "-0001-01-01", "+999999999-12-31", "2026-01-01T25:61:61Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "9999-12-31", "2026-01-01..1999-01-01",
            "' OR '1'='1", "'; DROP TABLE credit; --", "\" onmouseover=alert(1)", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "../../../../etc/passwd", "..\\..\\windows", "a\u0000b",
            "\u0000", "\u0007\u001b[31m", "\r\nX-Injected: 1", "\ud800", "\udfff\ud800", "\u202e\u2066evil",
            "\ufeff", "\uffff", "😀".repeat(50), "é".repeat(300), "A".repeat(5_000), "x".repeat(70_000),
            "EUR", "XXX", "eur", "linear", "markov ", "LINEAR", "programme", "day", "analyst",
            "00000000-0000-0000-0000-000000000000", "not-a-uuid", "%", "%00", "%zz");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
            "text/csv", "application/octet-stream", "*/*", "application/json;;;");

    private final Random random;

    MalformedRequests(Random random) {
        this.random = random;
    }

    record Request(String target, String contentType, byte[] body) {
    }

    Request generate(ApiFuzzer.Operation operation) {
        JsonNode parameters = operation.node().path("parameters");
        List<JsonNode> query = new ArrayList<>();
        parameters.forEach(p -> {
            if ("query".equals(p.path("in").asText())) {
                query.add(p);
            }
        });
        boolean hasBody = operation.node().has("requestBody");
        int target = random.nextInt(hasBody ? 4 : 2); // 0 path, 1 query, 2-3 body
        String path = path(operation.template(), target == 0);
        StringBuilder queryString = new StringBuilder();
        int broken = query.isEmpty() ? -1 : random.nextInt(query.size());
        for (int i = 0; i < query.size(); i++) {
            String value = i == broken && target == 1 ? hostile() : example(query.get(i));
            if (value != null) {
                queryString.append(queryString.isEmpty() ? '?' : '&').append(query.get(i).path("name").asText())
                        .append('=').append(encode(value));
            }
        }
        if (target == 1 && query.isEmpty()) {
            queryString.append("?").append(encode(hostile())).append('=').append(encode(hostile()));
        }
        if (!hasBody) {
            return new Request(path + queryString, null, null);
        }
        JsonNode content = operation.node().path("requestBody").path("content");
        String declared = content.fieldNames().hasNext() ? content.fieldNames().next() : "application/json";
        JsonNode example = bodyExample(content.path(declared));
        if (target < 2) {
            return new Request(path + queryString, declared, bytes(example));
        }
        return body(path + queryString, declared, example);
    }

    private String path(String template, boolean breakIt) {
        Matcher m = PARAMETER.matcher(template);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        int broken = names.isEmpty() || !breakIt ? -1 : random.nextInt(names.size());
        StringBuilder out = new StringBuilder();
        m.reset();
        int i = 0;
        while (m.find()) {
            String value = i++ == broken ? encode(hostile()) : plain(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value.isEmpty() ? "%20" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String plain(String name) {
        return switch (name) {
            case "period" -> "2026-01";
            case "model" -> "linear";
            case "platform" -> "linkedin";
            case "provider" -> "generic";
            default -> "00000000-0000-0000-0000-000000000001";
        };
    }

    private String example(JsonNode parameter) {
        JsonNode example = parameter.path("example");
        if (example.isMissingNode()) {
            example = parameter.path("schema").path("example");
        }
        if (!example.isMissingNode() && !example.isNull()) {
            return example.isTextual() ? example.asText() : example.toString();
        }
        return parameter.path("required").asBoolean() ? plain(parameter.path("name").asText()) : null;
    }

    private static JsonNode bodyExample(JsonNode media) {
        if (media.has("example")) {
            return parseIfText(media.get("example"));
        }
        JsonNode examples = media.path("examples");
        if (examples.fieldNames().hasNext()) {
            return parseIfText(examples.get(examples.fieldNames().next()).path("value"));
        }
        return NODES.objectNode();
    }

    private static JsonNode parseIfText(JsonNode value) {
        if (value.isTextual()) {
            try {
                return JSON.readTree(value.asText());
            } catch (IOException e) {
                return value; // a CSV or other text example
            }
        }
        return value;
    }

    private Request body(String target, String declared, JsonNode example) {
        switch (random.nextInt(10)) {
            case 0 -> {
                return new Request(target, CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())), bytes(example));
            }
            case 1 -> {
                byte[] valid = bytes(example);
                int cut = valid.length == 0 ? 0 : random.nextInt(valid.length);
                return new Request(target, declared, Arrays.copyOf(valid, cut));
            }
            case 2 -> {
                int depth = 1_000 + random.nextInt(20_000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                return new Request(target, declared, (open.repeat(depth) + "1" + close.repeat(depth))
                        .getBytes(StandardCharsets.UTF_8));
            }
            case 3 -> {
                byte[] valid = bytes(example);
                byte[] broken = Arrays.copyOf(valid, valid.length + 4);
                broken[valid.length] = (byte) 0xC3;
                broken[valid.length + 1] = 0x28;
                broken[valid.length + 2] = (byte) 0xFF;
                broken[valid.length + 3] = (byte) 0xFE;
                if (valid.length > 2) {
                    int at = random.nextInt(valid.length);
                    broken[at] = (byte) 0xC0;
                }
                return new Request(target, declared, broken);
            }
            case 4 -> {
                List<String> scalars = List.of("null", "1", "\"x\"", "[]", "true", "[{}]", "1e309", "");
                return new Request(target, declared,
                        scalars.get(random.nextInt(scalars.size())).getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                return new Request(target, declared, bytes(mutate(example.deepCopy())));
            }
        }
    }

    /** The example with one of its values (or the whole) replaced by a hostile one. */
    private JsonNode mutate(JsonNode node) {
        List<JsonNode> containers = new ArrayList<>();
        collect(node, containers);
        if (containers.isEmpty()) {
            return hostileNode();
        }
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || random.nextInt(8) == 0) {
                object.set(hostile(), hostileNode());
            } else if (random.nextInt(8) == 0) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                object.set(names.get(random.nextInt(names.size())), hostileNode());
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextInt(6) == 0) {
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    array.add(hostileNode());
                }
            } else {
                array.set(random.nextInt(array.size()), hostileNode());
            }
        }
        return node;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private JsonNode hostileNode() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(new BigDecimal(List.of("1E+1000000000", "-1E+400", "1E-400",
                    "99999999999999999999999999", "-0.000000001", "0").get(random.nextInt(6))));
            case 3 -> NODES.numberNode(List.of(Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0L).get(random.nextInt(4)));
            case 4 -> NODES.arrayNode().add(hostile());
            case 5 -> NODES.objectNode().put(hostile(), hostile());
            case 6 -> {
                ArrayNode big = NODES.arrayNode();
                for (int i = 0; i < 20_000; i++) {
                    big.add(i);
                }
                yield big;
            }
            default -> NODES.textNode(hostile());
        };
    }

    private String hostile() {
        return STRINGS.get(random.nextInt(STRINGS.size()));
    }

    private static byte[] bytes(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().getBytes(StandardCharsets.UTF_8); // a CSV example goes as it is
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
