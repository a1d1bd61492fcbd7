package io.tally.attribution.directory;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.campaign;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.attribution.AttributionFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.attribution.intake.IntakeService;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;

/**
 * A campaign whose tracking code is set up while a conversion through that code is being credited: whichever of the
 * two transactions commits first, the conversion ends credited to the campaign's programme. Each test holds one
 * transaction open and checks that the other waits for it, then that the ledger is right.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class CodeChangeRaceTest {

    @Inject
    IntakeService intake;
    @Inject
    CampaignDirectoryService directory;

    private ExecutorService threads;

    @BeforeEach
    void threads() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aConversionCreditedWhileItsCodeIsBeingSetUpWaitsAndUsesTheNewCode() throws Exception {
        LocalDate day = uniqueDay();
        String code = code();
        Identifiers who = customer();
        intake.recordTouchpoint(visit(who, at(day, 9), Channel.PAID_SOCIAL, code));
        CampaignChanged change = campaign("Race A", "race social", Channel.PAID_SOCIAL, List.of(code));
        Conversion order = purchase(who, at(day, 10), "80.00", "EUR");

        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> codeChange = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            directory.apply(change);
            applied.countDown();
            awaitQuietly(release);
        }));
        assertThat(applied.await(30, TimeUnit.SECONDS)).isTrue();
        Future<?> crediting = threads.submit(() -> intake.recordConversion(order));

        assertThatThrownBy(() -> crediting.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        codeChange.get(30, TimeUnit.SECONDS);
        crediting.get(30, TimeUnit.SECONDS);

        assertThat(linearCreditByProgramme(order)).containsExactly(List.of(change.programme().id().toString(), 8000L));
    }

    @Test
    void aCodeSetUpWhileAConversionThroughItIsBeingCreditedWaitsAndReCreditsIt() throws Exception {
        LocalDate day = uniqueDay();
        String code = code();
        Identifiers who = customer();
        intake.recordTouchpoint(visit(who, at(day, 9), Channel.PAID_SOCIAL, code));
        CampaignChanged change = campaign("Race B", "race social", Channel.PAID_SOCIAL, List.of(code));
        Conversion order = purchase(who, at(day, 10), "80.00", "EUR");

        CountDownLatch credited = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> crediting = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            intake.recordConversion(order);
            credited.countDown();
            awaitQuietly(release);
        }));
        assertThat(credited.await(30, TimeUnit.SECONDS)).isTrue();
        Future<?> codeChange = threads.submit(() -> directory.apply(change));

        assertThatThrownBy(() -> codeChange.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        crediting.get(30, TimeUnit.SECONDS);
        codeChange.get(30, TimeUnit.SECONDS);

        assertThat(linearCreditByProgramme(order)).containsExactly(List.of(change.programme().id().toString(), 8000L));
    }

    /** Net linear credit of the conversion per programme ("none" for unassigned), rows with a zero net left out. */
    private static List<List<Object>> linearCreditByProgramme(Conversion order) {
        return sql("SELECT coalesce(programme_id::text, 'none'), sum(amount_minor)::bigint FROM credit"
                + " WHERE conversion_event_id = ?1 AND model = 'linear' GROUP BY 1 HAVING sum(amount_minor) <> 0",
                order.eventId()).stream()
                .map(row -> List.of(((Object[]) row)[0], ((Object[]) row)[1]))
                .toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
