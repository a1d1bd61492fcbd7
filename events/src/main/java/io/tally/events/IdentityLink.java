package io.tally.events;

import java.time.Instant;

import io.tally.events.validation.Violations;

/**
 * Two or more identifiers known to belong to one customer (a login joining an anonymous id to a user id, a CRM match).
 * Key on {@link Topics#IDENTITY_LINKS}: {@link Identifiers#partitionKey()}.
 * @param trust who stated the link; unverified links are bounded
 */
public record IdentityLink(String eventId, Instant occurredAt, Identifiers identifiers,
        String source,
        Trust trust) implements Event {

    @Override
    public void validate(Violations v) {
        v.requiredText("eventId", eventId, 200);
        v.instant("occurredAt", occurredAt);
        v.text("source", source, 200);
        if (v.required("identifiers", identifiers)) {
            v.nested("identifiers", identifiers, ids -> {
                ids.validate(v);
                if (ids.asMap().size() < 2) {
                    v.add("", "a link needs at least two identifiers");
                }
            });
        }
    }
}
