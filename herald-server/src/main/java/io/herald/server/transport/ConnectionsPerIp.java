package io.herald.server.transport;

import io.herald.server.log.ThrottledLog;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the sockets one client address holds open ({@code max-connections-per-ip}; 0 turns it off,
 * the default, since behind a proxy or load balancer every client shares the proxy's address).
 * Thread-safe: sockets are admitted on the acceptor's event loop and released on their own.
 */
final class ConnectionsPerIp {

    private static final Logger log = LoggerFactory.getLogger(ConnectionsPerIp.class);

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final ThrottledLog overload;

    ConnectionsPerIp(int max) {
        this.max = max;
        this.overload = new ThrottledLog(log, "Refusing sockets with 429 (max-connections-per-ip " + max + ")");
    }

    /** Counts {@code socket} against its address until it closes, or returns false when the address is at the cap. */
    boolean tryAdmit(Channel socket) {
        if (max == 0 || !(socket.remoteAddress() instanceof InetSocketAddress remote)) {
            return true;
        }
        InetAddress address = remote.getAddress();
        boolean[] admitted = new boolean[1];
        open.compute(address, (a, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < max;
            return admitted[0] ? now + 1 : count;
        });
        if (!admitted[0]) {
            overload.occurred(address.getHostAddress() + " holds " + max + " sockets");
            return false;
        }
        socket.closeFuture().addListener(closed -> release(address));
        return true;
    }

    private void release(InetAddress address) {
        open.computeIfPresent(address, (a, count) -> count == 1 ? null : count - 1);
    }

    /** Message for a refused socket. */
    String refusal() {
        return "Too many connections from your address (max-connections-per-ip " + max + "); close some and retry";
    }
}
