package io.herald.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.HeraldException;

/**
 * The server answered with a status other than 2xx. {@link #status()} and {@link #body()} hold what
 * it said; {@link #isRetryable()} tells whether sending the same request again later may succeed
 * (429 and 5xx).
 */
public class HeraldHttpException extends HeraldException {

    /** The HTTP status of the answer (part of the serialized form; the body is not). */
    private final int status;
    private final transient JsonNode body;

    /**
     * Creates the exception; {@link #of} picks the subclass that fits the status.
     *
     * @param status the HTTP status
     * @param body the parsed response body
     * @param message what failed, for people
     */
    public HeraldHttpException(int status, JsonNode body, String message) {
        super(message);
        this.status = status;
        this.body = body;
    }

    /**
     * The exception that fits {@code status}: 401 becomes a {@link HeraldAuthenticationException}.
     *
     * @param method the request's method
     * @param path the request's path
     * @param status the HTTP status
     * @param body the parsed response body
     * @return the exception, its message naming the request and the server's reason
     */
    public static HeraldHttpException of(String method, String path, int status, JsonNode body) {
        String message = method + " " + path + " failed with HTTP " + status + ": " + reason(body);
        return status == 401
                ? new HeraldAuthenticationException(body, message)
                : new HeraldHttpException(status, body, message);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the parsed response body; a text body is a JSON string node */
    public JsonNode body() {
        return body;
    }

    /** @return true for 429 (rate limited) and 5xx (server trouble); a 4xx won't change on retry */
    public boolean isRetryable() {
        return status == 429 || status >= 500;
    }

    /**
     * The server's own words: the {@code error} field of a JSON body, followed by its
     * {@code description} when there is one (Beams answers {@code {"error","description"}}), else the
     * body as it came.
     *
     * @return the reason, {@code (no body)} when there was none
     */
    public String reason() {
        return reason(body);
    }

    private static String reason(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return "(no body)";
        }
        JsonNode error = body.get("error");
        if (error == null) {
            return body.isTextual() ? body.asText() : body.toString();
        }
        JsonNode description = body.get("description");
        return description != null && !description.asText().isEmpty()
                ? error.asText() + ": " + description.asText() : error.asText();
    }
}
