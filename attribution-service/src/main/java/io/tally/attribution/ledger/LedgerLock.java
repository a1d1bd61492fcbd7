package io.tally.attribution.ledger;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The ledger's lock, and the proof a transaction holds it. Crediting resolves touches to campaigns through the tracking
 * codes, and a code change re-credits the conversions already credited through its codes; without a common lock, a
 * conversion credited while a code change commits would be seen by neither and keep its old campaign for good. Closing
 * or reopening a period has the same race with postings into that period. So:
 * <ul>
 * <li>transactions that credit hold the lock <b>shared</b> ({@link #forCrediting()}): they run side by side;</li>
 * <li>code changes and period closes hold it <b>exclusively</b> ({@link #exclusive()}): they wait for the credits in
 * flight to commit, and credits that start meanwhile wait for them and then read the new codes or periods.</li>
 * </ul>
 * {@link CreditService} takes a {@link Held} with every posting and checks it was taken in the current transaction, so
 * the lock cannot be forgotten: without one there is nothing to pass, and one kept from an earlier transaction is
 * refused.
 */
@ApplicationScoped
public class LedgerLock {

    /** The advisory lock's name (PostgreSQL, per database: every replica shares it). */
    static final String NAME = "tracking-codes"; // the name since the first release: replicas of any version agree

    @Inject
    AdvisoryLocks locks;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Proof that the current transaction holds the ledger lock, shared or exclusively. */
    public static final class Held {

        private final Object transaction;
        private final boolean exclusive;

        private Held(Object transaction, boolean exclusive) {
            this.transaction = transaction;
            this.exclusive = exclusive;
        }

        /** Whether this is the exclusive hold of a code change or a period close. */
        public boolean exclusive() {
            return exclusive;
        }
    }

    /** Takes the lock shared for the current transaction (blocks while a code change or period close holds it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Held forCrediting() {
        locks.lockShared(NAME);
        return new Held(transactions.getTransactionKey(), false);
    }

    /** Takes the lock exclusively for the current transaction: tracking-code changes and period close or reopen. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Held exclusive() {
        locks.lock(NAME);
        return new Held(transactions.getTransactionKey(), true);
    }

    /** @throws IllegalStateException when {@code held} was not taken in the current transaction */
    void check(Held held) {
        Objects.requireNonNull(held, "the ledger lock (LedgerLock.forCrediting) must be held to credit");
        Object current = transactions.getTransactionKey();
        if (current == null || !current.equals(held.transaction)) {
            throw new IllegalStateException("the ledger lock was taken in another transaction; take it in this one");
        }
    }
}
