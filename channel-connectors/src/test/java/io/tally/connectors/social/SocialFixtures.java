package io.tally.connectors.social;

/** Organic engagement payloads as a social listening tool forwards them. */
public final class SocialFixtures {

    private SocialFixtures() {
    }

    /** An organic engagement as a social listening tool forwards it. */
    public static String engagement(String id, String network, String type, String occurredAt, String linkId,
            String identity) {
        return """
                {"id": "%s", "network": "%s", "type": "%s", "occurredAt": "%s", "linkId": "%s", %s}"""
                .formatted(id, network, type, occurredAt, linkId, identity);
    }
}
