package io.herald.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A user present on a presence channel.
 *
 * @param id the user id
 * @param info the {@code user_info} the app's auth endpoint gave for this user (a JSON null when none)
 */
public record Member(String id, JsonNode info) {
}
