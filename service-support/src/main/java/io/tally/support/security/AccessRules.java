package io.tally.support.security;

import static io.tally.support.security.Role.ADMIN;
import static io.tally.support.security.Role.ANALYST;
import static io.tally.support.security.Role.FINANCE;
import static io.tally.support.security.Role.INGEST;
import static io.tally.support.security.Role.MARKETER;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call which {@code /api/v1} operation: the one table the gateway and every service enforce (the gateway at
 * the front door, each service again behind it). The first matching rule decides; an operation no rule covers is
 * refused to everybody, so a new endpoint stays closed until a rule names who may call it.
 */
public final class AccessRules {

    /** Roles that read reports and the campaign plan. */
    public static final Set<Role> READERS = EnumSet.of(ANALYST, FINANCE, MARKETER, ADMIN);
    /** Roles that run models: training and path-file evaluation. */
    public static final Set<Role> ANALYSTS = EnumSet.of(ANALYST, FINANCE, ADMIN);
    /** Roles that read and act on the finance ledger. */
    public static final Set<Role> FINANCE_TEAM = EnumSet.of(FINANCE, ADMIN);
    /** Roles that change the campaign plan. */
    public static final Set<Role> PLANNERS = EnumSet.of(MARKETER, ADMIN);
    /** Roles that bulk-load data. */
    public static final Set<Role> INGESTERS = EnumSet.of(INGEST, ADMIN);
    /** Administrators only. */
    public static final Set<Role> ADMINS = EnumSet.of(ADMIN);

    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> ANY = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static final List<AccessRule> RULES = List.of(
            // public: the web collector and pixel (browsers), provider webhooks (signed, checked by the connectors)
            open(ANY, "/api/v1/collect/**"),
            open(ANY, "/api/v1/webhooks/**"),
            // channel-connectors: machine clients loading data
            rule(ANY, "/api/v1/imports/**", INGESTERS),
            rule(ANY, "/api/v1/social/**", INGESTERS),
            // channel-connectors: the pipeline's dead letters, for those who load the data
            rule(READ, "/api/v1/rejects/**", INGESTERS),
            // attribution-service
            rule(READ, "/api/v1/reports/**", READERS),
            rule(READ, "/api/v1/attribution/**", READERS),
            rule(Set.of("POST"), "/api/v1/attribution/**", ANALYSTS),
            rule(Set.of("POST"), "/api/v1/finance/periods/*/reopen", ADMINS),
            rule(ANY, "/api/v1/finance/**", FINANCE_TEAM),
            // campaign-service
            rule(READ, "/api/v1/programmes/**", READERS),
            rule(WRITE, "/api/v1/programmes/**", PLANNERS),
            rule(READ, "/api/v1/campaigns/**", READERS),
            rule(WRITE, "/api/v1/campaigns/**", PLANNERS),
            rule(READ, "/api/v1/goals/**", READERS),
            rule(WRITE, "/api/v1/goals/**", PLANNERS),
            rule(READ, "/api/v1/budgets/**", READERS),
            rule(WRITE, "/api/v1/budgets/**", PLANNERS),
            rule(READ, "/api/v1/tracking-codes/**", READERS),
            rule(WRITE, "/api/v1/tracking-codes/**", PLANNERS),
            rule(READ, "/api/v1/alerts/**", READERS),
            // gateway
            rule(ANY, "/api/v1/api-keys/**", ADMINS));

    private AccessRules() {
    }

    /** Every rule, in the order they are tried. */
    public static List<AccessRule> all() {
        return RULES;
    }

    /** The rule deciding {@code method} on {@code path}, or empty when none does (then nobody may call it). */
    public static Optional<AccessRule> ruleFor(String method, String path) {
        for (AccessRule rule : RULES) {
            if (rule.matches(method, path)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private static AccessRule open(Set<String> methods, String pattern) {
        return new AccessRule(methods, pattern, true, Set.of());
    }

    private static AccessRule rule(Set<String> methods, String pattern, Set<Role> roles) {
        return new AccessRule(methods, pattern, false, roles);
    }
}
