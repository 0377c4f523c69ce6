package io.herald.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server refused the request's signature (HTTP 401): a wrong key or secret, or a clock more
 * than ten minutes off. Not retryable until the configuration is fixed.
 */
public class HeraldAuthenticationException extends HeraldHttpException {

    /**
     * Creates the exception, with status 401.
     *
     * @param body the parsed response body
     * @param message what failed, for people
     */
    public HeraldAuthenticationException(JsonNode body, String message) {
        super(401, body, message);
    }
}
