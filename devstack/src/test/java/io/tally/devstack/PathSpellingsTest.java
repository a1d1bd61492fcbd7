package io.tally.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tally.support.http.CanonicalPaths;

class PathSpellingsTest {

    @Test
    void everySpellingIsAnotherPathThatCanonicalPathsRefuses() {
        String path = "/api/v1/finance/periods/2026-01/reopen";
        List<String> spellings = PathSpellings.spellings(path);
        assertThat(spellings).hasSizeGreaterThan(50).doesNotContain(path).doesNotHaveDuplicates()
                .contains("/api/v1/finance/periods/2026-01/%72eopen", "/api/v1/finance/periods/2026-01/reopen;x=1",
                        "/api/v1/finance/periods/2026-01/reopen/", "/api/v1/finance//periods/2026-01/reopen",
                        "/api/v1/finance/probe/../periods/2026-01/reopen", "/api/v1/finance%2Fperiods/2026-01/reopen",
                        "/api/v1/finance/periods/2026-01/%2572eopen");
        assertThat(spellings).allSatisfy(spelling -> assertThat(CanonicalPaths.isCanonical(spelling)).isFalse());
    }

    @Test
    void templatesGetPlainValues() {
        assertThat(PathSpellings.concrete("/api/v1/finance/periods/{period}/close"))
                .isEqualTo("/api/v1/finance/periods/2001-01/close");
        assertThat(PathSpellings.concrete("/api/v1/programmes/{id}/goals"))
                .isEqualTo("/api/v1/programmes/probe-1/goals");
    }

    @Test
    void operationsAreReadFromTheDocument() {
        String doc = """
                {"paths":{"/api/v1/a/{id}":{"get":{},"delete":{},"parameters":[]},"/q/health":{"get":{}}}}""";
        assertThat(PathSpellings.operations(doc)).containsExactlyInAnyOrder(
                new PathSpellings.Operation("GET", "/api/v1/a/{id}"),
                new PathSpellings.Operation("DELETE", "/api/v1/a/{id}"));
    }
}
