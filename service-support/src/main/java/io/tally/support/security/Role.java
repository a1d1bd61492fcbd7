package io.tally.support.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles a token or API key carries (claim values are the lower-case names). Who may call what is
 * {@link AccessRules}.
 */
public enum Role {

    /** Reads attribution reports, paths and comparisons; trains models and evaluates path files. */
    ANALYST("Reads attribution reports, paths and comparisons; trains models and evaluates path files."),
    /** What an analyst may, plus the finance reports, FX rates and closing periods. */
    FINANCE("What an analyst may, plus the finance reports, FX rates and closing periods."),
    /** Reads reports; creates and changes programmes, campaigns, tracking codes, goals and budgets. */
    MARKETER("Reads reports; creates and changes programmes, campaigns, tracking codes, goals and budgets."),
    /** Bulk imports: offline CSV, ad-platform exports, social engagements. */
    INGEST("Bulk imports: offline CSV, ad-platform exports, social engagements."),
    /** Everything, plus reopening periods and managing API keys. */
    ADMIN("Everything, plus reopening periods and managing API keys.");

    private final String description;

    Role(String description) {
        this.description = description;
    }

    /** The role as it appears in tokens: {@code analyst}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the role may do, in one line (its Javadoc): for people choosing a role, e.g. on a sign-in page. */
    public String description() {
        return description;
    }

    /** The role named {@code claim} in a token, if Tally knows it. */
    public static Optional<Role> fromClaim(String claim) {
        for (Role role : values()) {
            if (role.claim().equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
