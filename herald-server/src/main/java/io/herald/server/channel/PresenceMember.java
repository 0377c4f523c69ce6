package io.herald.server.channel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A user in a presence channel, as the app's auth endpoint described it in {@code channel_data}.
 *
 * @param userId the user's id
 * @param userInfo the {@code user_info} value, or a JSON null
 */
public record PresenceMember(String userId, JsonNode userInfo) {
}
