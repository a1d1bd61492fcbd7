package io.tally.attribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.attribution.intake.ConversionEntity;
import io.tally.devstack.DevstackResource;

/**
 * The ledger lock is a proof that cannot be forgotten or carried over: crediting without one, or with one taken in an
 * earlier transaction, is refused before anything is read or written; shared holds run side by side and an exclusive
 * hold waits for them (on the real PostgreSQL advisory lock).
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class LedgerLockTest {

    @Inject
    LedgerLock lock;
    @Inject
    CreditService credits;

    @Test
    void creditingWithoutTheLockOrWithOneFromAnotherTransactionIsRefused() {
        ConversionEntity conversion = new ConversionEntity();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> credits.credit(null, conversion, "cause", CreditReason.CONVERSION)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("ledger lock");

        LedgerLock.Held earlier = QuarkusTransaction.requiringNew().call(lock::forCrediting);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> credits.credit(earlier, conversion, "cause", CreditReason.CONVERSION)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another transaction");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> credits.restate(earlier, conversion, 100, "EUR", "cause")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sharedHoldsRunSideBySideAndAnExclusiveHoldWaitsForThem() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> exclusive = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                assertThat(lock.forCrediting().exclusive()).isFalse();
                try {
                    // another crediting transaction is not held up by this one
                    assertThat(await(threads.submit(() -> QuarkusTransaction.requiringNew()
                            .call(() -> lock.forCrediting().exclusive())))).isFalse();
                    // a code change or period close is, until this one ends
                    exclusive.add(threads.submit(() -> QuarkusTransaction.requiringNew()
                            .call(() -> lock.exclusive().exclusive())));
                    assertThatThrownBy(() -> exclusive.get(0).get(1, TimeUnit.SECONDS))
                            .isInstanceOf(TimeoutException.class);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(await(exclusive.get(0))).isTrue();
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }
}
