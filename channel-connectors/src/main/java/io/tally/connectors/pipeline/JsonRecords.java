package io.tally.connectors.pipeline;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.support.problem.ProblemException;

/**
 * The records of a JSON request body that may be one object or an array of them (beacons, engagements).
 *
 * @param batch true when the body was an array: the pipeline then names bad fields {@code [i].field}
 */
public record JsonRecords(List<JsonNode> records, boolean batch) {

    /**
     * @param noun what one record is, for error messages (e.g. {@code event}, {@code engagement})
     * @throws ProblemException 400 for a missing body or an empty array, 413 for more than {@code maxBatch} records
     */
    public static JsonRecords of(JsonNode body, int maxBatch, String noun) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.invalid("", "an " + noun + " object or an array of " + noun + "s is required");
        }
        if (!body.isArray()) {
            return new JsonRecords(List.of(body), false);
        }
        if (body.isEmpty()) {
            throw ProblemException.invalid("", "the array must contain at least one " + noun);
        }
        if (body.size() > maxBatch) {
            throw new ProblemException(413, "payload-too-large", "Payload too large",
                    "a request may carry at most " + maxBatch + " " + noun + "s, this one has " + body.size(), null,
                    null);
        }
        List<JsonNode> records = new ArrayList<>(body.size());
        body.forEach(records::add);
        return new JsonRecords(records, true);
    }
}
