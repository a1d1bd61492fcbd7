package io.tally.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class FailuresTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("outer", new RuntimeException("middle", cause));
    }

    @Test
    void anUnreachableOrBusyDatabaseOrBrokerIsTransient() {
        assertThat(Failures.isTransient(wrapped(new SQLException("refused", "08001")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("too many connections", "53300")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("could not serialize", "40001")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLTransientConnectionException("pool")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new ConnectException("Connection refused")))).isTrue();
        assertThat(Failures.isTransient(wrapped(new java.util.concurrent.TimeoutException()))).isTrue();
    }

    @Test
    void aValueTheDatabaseRefusesOrABugIsNot() {
        assertThat(Failures.isTransient(wrapped(new SQLException("invalid byte sequence 0x00", "22021")))).isFalse();
        assertThat(Failures.isTransient(wrapped(new SQLException("timestamp out of range", "22008")))).isFalse();
        assertThat(Failures.isTransient(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(Failures.isTransient(new ArithmeticException("Overflow"))).isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
    }

    @Test
    void aFailureIsDescribedByItsRootCauseAndState() {
        assertThat(Failures
                .describe(wrapped(new SQLException("timestamp out of range: \"+300000\"\n  Where: x", "22008"))))
                .isEqualTo("SQLException (SQLSTATE 22008): timestamp out of range: \"+300000\"");
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Failures.isTransient(a)).isFalse();
        assertThat(Failures.describe(a)).isNotBlank();
    }
}
