package io.tally.events;

import io.tally.events.validation.Violations;

/** An event on a Tally topic: it carries a stable id that every consumer is idempotent on, and validates itself. */
public interface Event {

    /** Stable id: the same business fact always gets the same id, so redelivery and retries never double count. */
    String eventId();

    /** Adds every contract violation of this event to {@code violations}. */
    void validate(Violations violations);
}
