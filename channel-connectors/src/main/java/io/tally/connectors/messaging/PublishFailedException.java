package io.tally.connectors.messaging;

/** The broker did not acknowledge every event of a batch (down, refused, or too slow). */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
