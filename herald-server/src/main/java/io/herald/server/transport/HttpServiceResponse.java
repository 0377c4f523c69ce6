package io.herald.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What an {@link HttpService} answers.
 *
 * @param status the HTTP status
 * @param headers extra response headers (Content-Length is set by the server)
 * @param body the body, possibly empty
 */
public record HttpServiceResponse(int status, Map<String, String> headers, byte[] body) {

    /** A JSON answer. */
    public static HttpServiceResponse json(int status, JsonNode body) {
        return new HttpServiceResponse(status, Map.of("Content-Type", "application/json"),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A refusal, {@code {"error": message}}, shaped like every other HTTP refusal of the server. */
    public static HttpServiceResponse error(int status, String message) {
        return json(status, JsonResponse.errorBody(message));
    }
}
