package io.tally.gateway.apikeys;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented in {@code X-API-Key}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String value;

    public ApiKeyAuthenticationRequest(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
