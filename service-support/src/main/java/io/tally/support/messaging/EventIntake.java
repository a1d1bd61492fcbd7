package io.tally.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.tally.events.Event;
import io.tally.events.Reject;
import io.tally.events.json.EventJson;
import io.tally.events.validation.InvalidEventException;
import io.tally.events.validation.Violation;

/**
 * What every Tally consumer does with a record, so that no record can stop a consumer and none is lost:
 * <ol>
 * <li>parse and validate it with the event contract; an invalid record is a dead letter;</li>
 * <li>process it; a record that processing finds invalid ({@link InvalidEventException}) is a dead letter;</li>
 * <li>a failure that will pass ({@link Failures#isTransient}: database or broker unreachable, deadlock, timeout) is
 * retried, with a growing wait, until it succeeds: nothing is skipped;</li>
 * <li>any other failure is retried {@code tally.intake.attempts} times, then the record is a dead letter naming the
 * failure, and the consumer moves on;</li>
 * <li>a dead letter that cannot be stored is retried the same way; one the dead-letter store refuses outright is
 * stored once more without its payload, and failing that logged as an error: dead-lettering never stops a
 * consumer.</li>
 * </ol>
 * The method returns normally once the record is processed or dead-lettered, so its offset may be committed; it throws
 * only when the thread is interrupted (the application stops), leaving the record to be consumed again.
 *
 * <p>
 * A batch of records ({@link #acceptAll}) is processed in one go, in one transaction of the caller's, and so costs
 * far fewer round trips than its records one by one. Should the batch fail for a reason other than a transient one
 * (one bad record among good ones), each of its records is processed on its own as above, so the bad one is
 * dead-lettered and the others are stored: a batch never fails for the sake of one record.
 *
 * <p>
 * Once the service is stopping, a failure is no longer the record's: the database connections and the persistence
 * unit close under the records in flight. Then nothing is retried or dead-lettered; the method throws
 * {@link StoppingException}, the record is not acknowledged, its offset not committed, and the instance that takes the
 * partition over (or this one, started again) consumes it again.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    /** The service's dead-letter store; a service without consumers (the gateway, the connectors) has none. */
    private final Instance<DeadLetters> deadLetters;
    private final IntakeConfig config;
    private volatile boolean stopping;

    EventIntake(Instance<DeadLetters> deadLetters, IntakeConfig config) {
        this.deadLetters = deadLetters;
        this.config = config;
    }

    /** Thrown instead of retrying or dead-lettering a record once the service is stopping. */
    public static final class StoppingException extends IllegalStateException {

        StoppingException(String source, String eventId, Throwable cause) {
            super("the service is stopping: " + source + " " + eventId + " is left to be consumed again", cause);
        }
    }

    /** The service is stopping: from now on a failing record is left to be consumed again (see the class comment). */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping();
    }

    void stopping() {
        stopping = true;
    }

    /** Parses {@code payload} as a {@code type} and processes it, as the class comment says. */
    public <T extends Event> void accept(String source, byte[] payload, Class<T> type, Consumer<T> processing) {
        byte[] bytes = payload == null ? new byte[0] : payload;
        T event = read(source, bytes, type);
        if (event != null) {
            process(source, bytes, event, processing);
        }
    }

    /**
     * Parses the payloads as {@code type}s (dead-lettering those that are not) and hands the events to
     * {@code processing} as one batch, in the payloads' order; a repeated event id is left out of the batch and processed
     * after it, on its own (so a batch never holds an event twice). A batch that fails for a reason that will recur is
     * processed again record by record, each as {@link #accept} does, so that only the bad records are dead-lettered.
     *
     * @param processing takes a batch of events, all of them or none (one transaction)
     */
    public <T extends Event> void acceptAll(String source, List<byte[]> payloads, Class<T> type,
            Consumer<List<T>> processing) {
        List<T> batch = new ArrayList<>();
        List<byte[]> batchBytes = new ArrayList<>();
        List<T> repeats = new ArrayList<>();
        List<byte[]> repeatBytes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (byte[] payload : payloads) {
            byte[] bytes = payload == null ? new byte[0] : payload;
            T event = read(source, bytes, type);
            if (event == null) {
                continue;
            }
            boolean first = ids.add(event.eventId());
            (first ? batch : repeats).add(event);
            (first ? batchBytes : repeatBytes).add(bytes);
        }
        if (!batch.isEmpty() && !processBatch(source, batch, processing)) {
            for (int i = 0; i < batch.size(); i++) {
                process(source, batchBytes.get(i), batch.get(i), one -> processing.accept(List.of(one)));
            }
        }
        for (int i = 0; i < repeats.size(); i++) {
            process(source, repeatBytes.get(i), repeats.get(i), one -> processing.accept(List.of(one)));
        }
    }

    /** The payload as a {@code type}, or null when it is none (then it was dead-lettered). */
    private <T extends Event> T read(String source, byte[] bytes, Class<T> type) {
        try {
            return EventJson.read(bytes, type);
        } catch (InvalidEventException e) {
            reject(source, bytes, e.violations());
            return null;
        } catch (RuntimeException e) {
            // the contract's reader reports bad input as InvalidEventException; anything else is bad input it missed
            reject(source, bytes, List.of(new Violation("", "is not a readable " + type.getSimpleName() + ": "
                    + Failures.describe(e))));
            return null;
        }
    }

    /**
     * Processes a batch, retrying transient failures until it passes; false when it failed for another reason (then
     * nothing of it was kept, and its records are to be processed one by one).
     */
    private <T extends Event> boolean processBatch(String source, List<T> batch, Consumer<List<T>> processing) {
        for (int attempt = 1;; attempt++) {
            try {
                processing.accept(batch);
                return true;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new StoppingException(source, "batch of " + batch.size() + " from "
                            + batch.get(0).eventId(), e);
                }
                if (!Failures.isTransient(e)) {
                    LOG.infof("a batch of %d records from %s failed (%s); processing them one by one", batch.size(),
                            source, Failures.describe(e));
                    return false;
                }
                LOG.warnf("processing a batch of %d records from %s failed for now, will retry (attempt %d): %s",
                        batch.size(), source, attempt, Failures.describe(e));
                pause(attempt);
            }
        }
    }

    private <T extends Event> void process(String source, byte[] bytes, T event, Consumer<T> processing) {
        int failures = 0;
        for (int attempt = 1;; attempt++) {
            try {
                processing.accept(event);
                return;
            } catch (InvalidEventException e) {
                reject(source, bytes, e.violations());
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new StoppingException(source, event.eventId(), e);
                }
                if (Failures.isTransient(e)) {
                    LOG.warnf("processing %s %s failed for now, will retry (attempt %d): %s", source, event.eventId(),
                            attempt, Failures.describe(e));
                } else if (++failures >= config.attempts()) {
                    LOG.errorf(e, "processing %s %s failed %d times; dead-lettered", source, event.eventId(), failures);
                    reject(source, bytes, List.of(new Violation("", "processing failed " + failures + " times: "
                            + Failures.describe(e))));
                    return;
                } else {
                    LOG.warnf(e, "processing %s %s failed (attempt %d of %d)", source, event.eventId(), failures,
                            config.attempts());
                }
                pause(attempt);
            }
        }
    }

    private void reject(String source, byte[] payload, List<Violation> violations) {
        String raw = new String(payload, StandardCharsets.UTF_8);
        Reject reject = Reject.of(Instant.now(), source, raw, violations);
        LOG.warnf("rejected a record from %s: %s %s", source, reject.field(), reject.reason());
        IntakeRejects.count(source, reject.field());
        for (int attempt = 1;; attempt++) {
            try {
                deadLetters.get().send(reject);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new StoppingException(source, reject.eventId(), e);
                }
                if (Failures.isTransient(e)) {
                    LOG.warnf("storing a dead letter from %s failed for now, will retry: %s", source,
                            Failures.describe(e));
                    pause(attempt);
                } else if (!reject.rawPayload().isEmpty()) {
                    LOG.errorf(e, "the dead letter of a record from %s was refused; storing it without its payload",
                            source);
                    reject = new Reject(reject.eventId(), reject.rejectedAt(), source, "", reject.field(),
                            reject.reason(), reject.violations());
                } else {
                    LOG.errorf(e, "the dead letter of a record from %s (%s) could not be stored; the record is skipped:"
                            + " %s %s", source, reject.eventId(), reject.field(), reject.reason());
                    return;
                }
            }
        }
    }

    /** Waits {@code backoff × 2^(attempt-1)}, at most {@code max-backoff}. */
    private void pause(int attempt) {
        long first = config.backoff().toMillis();
        long wait = Math.min(config.maxBackoff().toMillis(), first << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(Math.max(0, wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a record; it will be consumed again", e);
        }
    }
}
