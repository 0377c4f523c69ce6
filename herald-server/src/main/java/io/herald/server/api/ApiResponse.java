package io.herald.server.api;

import com.fasterxml.jackson.databind.JsonNode;

/** An HTTP status and a JSON body. */
public record ApiResponse(int status, JsonNode body) {

    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body);
    }
}
