package io.herald.server.session;

import java.util.List;

/**
 * Some of a node's connections of an app, and how many it has.
 *
 * @param total the app's connections on the node
 * @param connections at most the limit asked for
 */
public record ConnectionPage(int total, List<ConnectionInfo> connections) {
}
