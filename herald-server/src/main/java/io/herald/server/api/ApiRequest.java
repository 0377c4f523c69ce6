package io.herald.server.api;

import java.util.Map;

/**
 * An HTTP API request as the transport parsed it: nothing here depends on Netty.
 *
 * @param method upper-case HTTP method
 * @param path the raw path, as signed ({@code /apps/1/events})
 * @param query decoded query parameters (the first value of each)
 * @param body the request body, empty when none
 */
public record ApiRequest(String method, String path, Map<String, String> query, byte[] body) {
}
