package io.tally.support.etag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.tally.support.problem.ProblemException;

class ETagsTest {

    @Test
    void theTagIsTheQuotedVersion() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
    }

    @Test
    void theCurrentTagAStarOrAListHoldingItPass() {
        assertThatCode(() -> ETags.requireMatch("\"7\"", 7, "x")).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("*", 7, "x")).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"6\", \"7\"", 7, "x")).doesNotThrowAnyException();
    }

    @Test
    void aStaleOrWeakTagIs412AndNoneIs428() {
        assertThatThrownBy(() -> ETags.requireMatch("\"6\"", 7, "programme p"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.getMessage()).contains("programme p", "\"7\"");
                });
        assertThatThrownBy(() -> ETags.requireMatch("W/\"7\"", 7, "x"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> ETags.requireMatch(null, 7, "x"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
        assertThatThrownBy(() -> ETags.requireMatch(" ", 7, "x"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
    }
}
