package io.herald.server.transport;

import java.util.Map;

/**
 * What an {@link HttpService} answers.
 *
 * @param status the HTTP status
 * @param headers extra response headers (Content-Length is set by the server)
 * @param body the body, possibly empty
 */
public record HttpServiceResponse(int status, Map<String, String> headers, byte[] body) {
}
