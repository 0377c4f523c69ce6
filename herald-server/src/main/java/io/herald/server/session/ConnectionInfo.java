package io.herald.server.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the admin API lists of one connection; in a cluster it travels between nodes as this JSON.
 *
 * @param socketId the connection's socket id
 * @param origin the {@code Origin} of its handshake, or {@code null}
 * @param ip the client's address
 * @param userId the user it signed in as, or {@code null}
 * @param channels the channels it has joined
 */
public record ConnectionInfo(@JsonProperty("socket_id") String socketId, String origin, String ip,
                             @JsonProperty("user_id") String userId, List<String> channels) {
}
