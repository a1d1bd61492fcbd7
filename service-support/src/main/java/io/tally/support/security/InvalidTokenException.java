package io.tally.support.security;

/** A bearer token that is malformed, expired, from an untrusted issuer or not signed by its issuer's key. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason);
    }
}
