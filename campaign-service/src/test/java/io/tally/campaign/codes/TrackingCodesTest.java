package io.tally.campaign.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrackingCodesTest {

    @Test
    void normaliseTrimsAndLowerCases() {
        assertThat(TrackingCodes.normalise("  Spring-Sale_IG \t")).isEqualTo("spring-sale_ig");
    }

    @Test
    void duplicatesInAnyCaseCollapseKeepingFirstOrder() {
        assertThat(TrackingCodes.normaliseAll(List.of("B-Code", "a-code", " b-code ", "A-CODE", "c")))
                .containsExactly("b-code", "a-code", "c");
    }

    @Test
    void blankAndNullCodesAreRejected() {
        assertThat(TrackingCodes.problemWith("   ")).contains("must not be blank");
        assertThat(TrackingCodes.problemWith("")).contains("must not be blank");
        assertThat(TrackingCodes.problemWith(null)).contains("must not be blank");
    }

    @Test
    void innerWhitespaceIsRejectedButSurroundingWhitespaceIsTrimmed() {
        assertThat(TrackingCodes.problemWith("spring sale"))
                .hasValueSatisfying(r -> assertThat(r).contains("whitespace"));
        assertThat(TrackingCodes.problemWith("spring\u00a0sale")).isPresent();
        assertThat(TrackingCodes.problemWith("spring\tsale")).isPresent();
        assertThat(TrackingCodes.problemWith("  spring-sale  ")).isEmpty();
    }

    @Test
    void codesLongerThan200CharactersAreRejected() {
        assertThat(TrackingCodes.problemWith("x".repeat(200))).isEmpty();
        assertThat(TrackingCodes.problemWith(" " + "x".repeat(200) + " ")).isEmpty();
        assertThat(TrackingCodes.problemWith("x".repeat(201))).contains("must be at most 200 characters");
    }

    @Test
    void normaliseAllRefusesInvalidCodes() {
        assertThatThrownBy(() -> TrackingCodes.normaliseAll(Arrays.asList("ok", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrackingCodes.normaliseAll(List.of("has space")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
