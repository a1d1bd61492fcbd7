package io.tally.connectors.pipeline;

import java.util.List;

import io.tally.events.Reject;

/**
 * What the pipeline did with a request or a chunk of bulk input.
 *
 * @param eventIds every valid event's id, in input order (published now or before)
 * @param published ids of events the broker acknowledged now
 * @param duplicates ids of valid events published before (by an earlier request, delivery or upload), not sent again
 * @param rejected input records that failed validation and went to the dead-letter topic (bulk input only)
 */
public record Ingested(List<String> eventIds, List<String> published, List<String> duplicates,
        List<Rejected> rejected) {

    /** A bad input record: its position in the input given to the pipeline, and the dead letter sent for it. */
    public record Rejected(int index, Reject reject) {
    }
}
