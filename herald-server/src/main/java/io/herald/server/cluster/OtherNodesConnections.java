package io.herald.server.cluster;

import io.herald.server.session.ConnectionPage;
import java.util.List;

/**
 * The other nodes' answers to a request for an app's connections.
 *
 * @param pages one per node that answered in time
 * @param unanswered nodes known to be live that did not answer in time
 */
public record OtherNodesConnections(List<ConnectionPage> pages, int unanswered) {

    /** No other node: a single node, or a cluster adapter that lists nothing. */
    public static final OtherNodesConnections NONE = new OtherNodesConnections(List.of(), 0);
}
