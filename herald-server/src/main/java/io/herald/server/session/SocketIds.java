package io.herald.server.session;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes socket ids of the form {@code node.sequence}. The node part is drawn at random when the
 * server starts, so ids from different nodes of a cluster don't collide.
 */
public final class SocketIds {

    private final long node;
    private final AtomicLong sequence = new AtomicLong();

    public SocketIds() {
        this(1 + new SecureRandom().nextInt(Integer.MAX_VALUE - 1));
    }

    public SocketIds(long node) {
        this.node = node;
    }

    public String next() {
        return node + "." + sequence.incrementAndGet();
    }
}
