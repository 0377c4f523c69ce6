package io.herald.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful (2xx) answer of the HTTP API, as returned by {@link HeraldRest#get} and
 * {@link HeraldRest#post}.
 *
 * @param status the HTTP status
 * @param body the parsed JSON body; a non-JSON body is a text node, an empty one a missing node
 */
public record ApiResponse(int status, JsonNode body) {
}
