package io.tally.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tally.events.validation.Violation;

class ProblemExceptionTest {

    @Test
    void oneInvalidFieldIsNamedInTheDetail() {
        ProblemException e = ProblemException.invalid("revenue", "must not be negative");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isEqualTo("urn:tally:problem:validation");
        assertThat(e.getMessage()).isEqualTo("revenue must not be negative");
    }

    @Test
    void severalInvalidFieldsAreCountedAndAllListed() {
        ProblemException e = ProblemException.invalid(List.of(new Violation("a", "x"), new Violation("b", "y")));
        assertThat(e.getMessage()).isEqualTo("2 fields are invalid");
        assertThat(e.errors()).extracting(Violation::field).containsExactly("a", "b");
    }

    @Test
    void unavailableCarriesRetryAfter() {
        ProblemException e = ProblemException.unavailable("Kafka is down", 7);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.retryAfterSeconds()).isEqualTo(7);
    }
}
