package io.tally.connectors.messaging;

import org.apache.kafka.common.errors.RetriableException;

/** The broker did not acknowledge every event of a batch (down, refused, or too slow). */
public class PublishFailedException extends RuntimeException {

    private final boolean brokerUnreachable;

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
        this.brokerUnreachable = cause instanceof RetriableException
                || cause instanceof java.util.concurrent.TimeoutException;
    }

    /**
     * Whether the broker could not be reached or did not answer in time (so the next publish will likely fail too), as
     * opposed to refusing a record.
     */
    public boolean brokerUnreachable() {
        return brokerUnreachable;
    }
}
