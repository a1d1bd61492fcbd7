package io.tally.connectors.email.domain;

import io.tally.connectors.web.domain.UtmParameters;
import io.tally.events.validation.Violations;

/** Picks an email touch's campaign code from candidates in order of precedence; the first non-blank one wins. */
public final class CampaignCodes {

    /** The longest campaign code the event contract accepts. */
    public static final int MAX_LENGTH = 200;

    private CampaignCodes() {
    }

    /** A candidate code and the input field it came from (named in the violation when it is too long). */
    public record Candidate(String field, String value) {
    }

    /** The {@code utm_campaign} of a clicked URL, as a candidate reported on {@code field}. */
    public static Candidate utmCampaign(String field, String url) {
        return new Candidate(field, url == null ? null : UtmParameters.parse(url).campaign());
    }

    /** The first non-blank candidate, trimmed; null when none. A code over 200 characters is reported on its field. */
    public static String resolve(Violations violations, Candidate... candidates) {
        for (Candidate candidate : candidates) {
            if (candidate.value() == null || candidate.value().isBlank()) {
                continue;
            }
            String code = candidate.value().trim();
            if (code.length() > MAX_LENGTH) {
                violations.add(candidate.field(), "campaign code must be at most " + MAX_LENGTH + " characters");
                return null;
            }
            return code;
        }
        return null;
    }
}
