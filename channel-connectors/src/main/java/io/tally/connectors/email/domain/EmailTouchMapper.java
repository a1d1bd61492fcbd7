package io.tally.connectors.email.domain;

import io.tally.events.Channel;
import io.tally.events.Identifiers;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;

/** {@link EmailTouch} → {@link Touchpoint}: channel email, medium email, the address hash as the only identifier. */
public final class EmailTouchMapper {

    /** The medium of every email touch. */
    public static final String MEDIUM = "email";

    private EmailTouchMapper() {
    }

    public static Touchpoint toTouchpoint(EmailTouch touch) {
        return new Touchpoint(touch.eventId(), touch.occurredAt(), Channel.EMAIL, touch.interactionType(),
                touch.source(), MEDIUM, touch.campaignCode(),
                new Identifiers(null, null, touch.emailSha256(), null, null, null), touch.url(), null, Trust.VERIFIED);
    }
}
