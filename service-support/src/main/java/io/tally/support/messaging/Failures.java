package io.tally.support.messaging;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure that will pass (the database or broker is unreachable or busy) from one that will recur with the same
 * record (a value the database refuses, a broken invariant, a bug), by the exceptions in its cause chain.
 */
public final class Failures {

    /**
     * SQLSTATE classes and codes that pass: connection exceptions (08), insufficient resources (53), operator
     * intervention such as a shutdown or cancel (57), serialization failures and deadlocks (40001, 40P01), lock not
     * available (55P03).
     */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53", "57");
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03");
    /** Failures of other libraries that pass, by class name (no compile-time dependency on them here). */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException",
            "io.smallrye.mutiny.TimeoutException",
            "java.util.concurrent.TimeoutException");

    private Failures() {
    }

    /** Whether trying the same record again later may succeed. */
    public static boolean isTransient(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof SocketException || isA(t, TRANSIENT_TYPES)) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql)) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE of the first SQL exception in the chain, if any. */
    public static Optional<String> sqlState(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** A one-line description of why processing failed, for a dead letter: the root cause's type and first line. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (root.getCause() != null && seen.put(root, true) == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        String state = sqlState(failure).map(s -> " (SQLSTATE " + s + ")").orElse("");
        return root.getClass().getSimpleName() + state + (message.isEmpty() ? "" : ": " + message);
    }

    private static boolean isTransientState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // the pool's own failures carry no state: an acquisition timeout, a closed connection
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("acquisition timeout") || message.contains("connection")
                    || message.contains("closed");
        }
        return state.length() >= 2 && (TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2))
                || TRANSIENT_STATES.contains(state));
    }

    private static boolean isA(Throwable t, Set<String> typeNames) {
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (typeNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
