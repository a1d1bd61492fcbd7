package io.tally.connectors.email.service;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.support.problem.ProblemException;

/**
 * Parses webhook bodies. A syntax error is answered 400 with its line and column only: the parser's own message quotes
 * the offending text, which may be an email address.
 */
final class EmailJson {

    private EmailJson() {
    }

    static JsonNode parse(ObjectMapper mapper, byte[] body) {
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
            JsonLocation at = e.getLocation();
            throw ProblemException.invalid("", at == null
                    ? "malformed JSON"
                    : "malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
        } catch (IOException e) {
            throw ProblemException.invalid("", "malformed JSON");
        }
    }
}
