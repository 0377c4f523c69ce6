package io.herald.server.transport;

import com.sun.management.UnixOperatingSystemMXBean;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the accepted sockets under the process's open-files limit (RLIMIT_NOFILE, {@code ulimit -n}).
 * Past that limit the kernel still completes TCP handshakes into the listen backlog while
 * {@code accept} fails, so clients would hang until their own timeout. Instead the server counts its
 * sockets and refuses those over (limit − files open at start − {@value #RESERVE}) as soon as they are
 * accepted. The reserve leaves file descriptors to accept and refuse with, and for the server's own
 * connections (Redis, webhooks) and files.
 */
final class SocketLimit {

    static final int RESERVE = 64;
    private static final Logger log = LoggerFactory.getLogger(SocketLimit.class);

    private final long maxSockets;
    private final long openFilesLimit;
    private final AtomicInteger open = new AtomicInteger();
    /** Set while the server is at the limit, so the refusals are logged once, not per socket. */
    private final AtomicBoolean full = new AtomicBoolean();
    private final ChannelFutureListener onClose = closed -> released();
    /** Refused sockets still open (to say why): they hold files of the reserve. */
    private final AtomicInteger refusing = new AtomicInteger();
    private final ChannelFutureListener onRefusedClose = closed -> refusing.decrementAndGet();

    private SocketLimit(long openFilesLimit, long maxSockets) {
        this.openFilesLimit = openFilesLimit;
        this.maxSockets = maxSockets;
    }

    /** The limit of this process, or none where the JVM can't tell (not a Unix). */
    static SocketLimit ofThisProcess() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            long limit = unix.getMaxFileDescriptorCount();
            long room = Math.max(0, limit - unix.getOpenFileDescriptorCount() - RESERVE);
            log.info("Open-files limit {}: room for {} connections", limit, room);
            return new SocketLimit(limit, room);
        }
        return new SocketLimit(-1, Long.MAX_VALUE);
    }

    /** Counts {@code socket} until it closes, or returns false when there is no room for it. */
    boolean tryAdmit(Channel socket) {
        if (open.incrementAndGet() > maxSockets) {
            open.decrementAndGet();
            if (full.compareAndSet(false, true)) {
                log.warn("Refusing new connections with 503: {} sockets open, the most that the open-files limit of {}"
                        + " leaves room for (raise it with ulimit -n / LimitNOFILE)", maxSockets, openFilesLimit);
            }
            return false;
        }
        socket.closeFuture().addListener(onClose);
        return true;
    }

    /** Whether a new socket would be refused now. */
    boolean atLimit() {
        return open.get() >= maxSockets;
    }

    /**
     * Whether a refused socket may stay open a moment to close cleanly, which half the reserve
     * allows at once; counts it until it closes. In a flood of refusals the rest are closed at once,
     * so the reserve never runs out and {@code accept} keeps working.
     */
    boolean tryHoldRefused(Channel socket) {
        if (refusing.incrementAndGet() > RESERVE / 2) {
            refusing.decrementAndGet();
            return false;
        }
        socket.closeFuture().addListener(onRefusedClose);
        return true;
    }

    private void released() {
        // A little below the limit before saying so: a server hovering at it logs once, not per socket.
        if (open.decrementAndGet() <= maxSockets - maxSockets / 20 && full.compareAndSet(true, false)) {
            log.info("Accepting new connections again: {} sockets open", open.get());
        }
    }
}
