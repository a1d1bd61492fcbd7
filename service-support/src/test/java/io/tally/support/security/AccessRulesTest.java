package io.tally.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AccessRulesTest {

    @Test
    void aDoubleStarMatchesThePrefixItselfAndEverythingBelowButNotALongerName() {
        assertThat(AccessRule.pathMatches("/api/v1/collect/**", "/api/v1/collect")).isTrue();
        assertThat(AccessRule.pathMatches("/api/v1/collect/**", "/api/v1/collect/pixel.gif")).isTrue();
        assertThat(AccessRule.pathMatches("/api/v1/collect/**", "/api/v1/collect/a/b")).isTrue();
        assertThat(AccessRule.pathMatches("/api/v1/collect/**", "/api/v1/collectX")).isFalse();
        assertThat(AccessRule.pathMatches("/api/v1/collect/**", "/api/v1")).isFalse();
    }

    @Test
    void aStarMatchesExactlyOneNonEmptySegment() {
        assertThat(AccessRule.pathMatches("/api/v1/finance/periods/*/reopen", "/api/v1/finance/periods/2026-01/reopen"))
                .isTrue();
        assertThat(AccessRule.pathMatches("/api/v1/finance/periods/*/reopen", "/api/v1/finance/periods//reopen"))
                .isFalse();
        assertThat(AccessRule.pathMatches("/api/v1/finance/periods/*/reopen", "/api/v1/finance/periods/a/b/reopen"))
                .isFalse();
        assertThat(
                AccessRule.pathMatches("/api/v1/finance/periods/*/reopen", "/api/v1/finance/periods/2026-01/reopen/x"))
                .isFalse();
    }

    @Test
    void theFirstMatchingRuleDecides() {
        AccessRule reopen = AccessRules.ruleFor("POST", "/api/v1/finance/periods/2026-01/reopen").orElseThrow();
        assertThat(reopen.roles()).containsExactly(Role.ADMIN);
        AccessRule close = AccessRules.ruleFor("POST", "/api/v1/finance/periods/2026-01/close").orElseThrow();
        assertThat(close.roles()).containsExactlyInAnyOrder(Role.FINANCE, Role.ADMIN);
    }

    @Test
    void methodsMatterAndMethodNamesAreCaseSensitive() {
        assertThat(AccessRules.ruleFor("GET", "/api/v1/programmes").orElseThrow().allows(Set.of(Role.ANALYST)))
                .isTrue();
        // RFC 9110: "get" is another method than GET, and no rule covers it
        assertThat(AccessRules.ruleFor("get", "/api/v1/programmes")).isEmpty();
        assertThat(AccessRules.ruleFor("POST", "/api/v1/programmes").orElseThrow().allows(Set.of(Role.ANALYST)))
                .isFalse();
        assertThat(AccessRules.ruleFor("POST", "/api/v1/reports/summary")).isEmpty();
    }

    @Test
    void anUnknownPathHasNoRuleAndAnOpenOneNeedsNoRole() {
        assertThat(AccessRules.ruleFor("GET", "/api/v1/secret-admin-thing")).isEmpty();
        AccessRule collect = AccessRules.ruleFor("POST", "/api/v1/collect").orElseThrow();
        assertThat(collect.open()).isTrue();
        assertThat(collect.allows(EnumSet.noneOf(Role.class))).isTrue();
    }

    @Test
    void ingestMayOnlyLoadDataAndReadWhatWasRejected() {
        Set<Role> ingest = Set.of(Role.INGEST);
        assertThat(AccessRules.all()).filteredOn(rule -> !rule.open() && rule.allows(ingest))
                .extracting(AccessRule::pattern)
                .containsExactlyInAnyOrder("/api/v1/imports/**", "/api/v1/social/**", "/api/v1/rejects/**");
        assertThat(AccessRules.ruleFor("POST", "/api/v1/rejects")).as("the reject log is read-only").isEmpty();
    }
}
