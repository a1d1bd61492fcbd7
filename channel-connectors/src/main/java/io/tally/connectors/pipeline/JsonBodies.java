package io.tally.connectors.pipeline;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.events.json.EventJson;
import io.tally.support.problem.ProblemException;

/**
 * Parses a required JSON request body kept as raw bytes (webhooks keep them to check signatures). A syntax error is
 * answered 400 with its line and column only ({@link EventJson#violationOf} never echoes the input, which may hold an
 * email address).
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** @throws io.tally.support.problem.ProblemException 400 for an empty or malformed body */
    public static JsonNode parse(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("", "a JSON body is required");
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw ProblemException.invalid("", "a JSON body is required");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(EventJson.violationOf(e)));
        } catch (IOException e) {
            throw ProblemException.invalid("", "malformed JSON");
        }
    }
}
