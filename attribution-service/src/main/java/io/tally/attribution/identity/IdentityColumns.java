package io.tally.attribution.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import io.tally.events.Identifiers;

/** The identifier columns that touchpoints and conversions share. */
@Embeddable
public class IdentityColumns {

    @Column(name = "anonymous_id")
    public String anonymousId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "email_sha256")
    public String emailSha256;
    @Column(name = "phone_sha256")
    public String phoneSha256;
    @Column(name = "loyalty_id")
    public String loyaltyId;
    @Column(name = "customer_id")
    public String customerId;

    public static IdentityColumns of(Identifiers ids) {
        IdentityColumns c = new IdentityColumns();
        c.anonymousId = ids.anonymousId();
        c.userId = ids.userId();
        c.emailSha256 = ids.emailSha256();
        c.phoneSha256 = ids.phoneSha256();
        c.loyaltyId = ids.loyaltyId();
        c.customerId = ids.customerId();
        return c;
    }

    public Identifiers toIdentifiers() {
        return new Identifiers(anonymousId, userId, emailSha256, phoneSha256, loyaltyId, customerId);
    }
}
