package io.herald.push.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An endpoint's answer before CORS headers are added.
 *
 * @param status the HTTP status
 * @param body the JSON body, or {@code null} for an empty one
 */
public record Reply(int status, JsonNode body) {

    /** 200 with an empty body, as Beams answers writes that return nothing. */
    public static final Reply EMPTY = new Reply(200, null);

    public static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }
}
