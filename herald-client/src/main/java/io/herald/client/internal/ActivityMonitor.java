package io.herald.client.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client's side of liveness: after {@code idleTimeout} without a frame it pings; if the silence
 * lasts another {@code pongTimeout} the socket is given up. Used from the event thread only.
 */
public final class ActivityMonitor {

    private final ScheduledExecutorService timers;
    private final Duration pongTimeout;
    private final Runnable ping;
    private final Runnable silent;
    private Duration idleTimeout = Duration.ofMinutes(2);
    private ScheduledFuture<?> idleTask;
    private ScheduledFuture<?> pongTask;

    /**
     * @param ping sends {@code pusher:ping}
     * @param silent called when nothing answered the ping in time
     */
    public ActivityMonitor(ScheduledExecutorService timers, Duration pongTimeout, Runnable ping, Runnable silent) {
        this.timers = timers;
        this.pongTimeout = pongTimeout;
        this.ping = ping;
        this.silent = silent;
    }

    /** (Re)starts watching with this idle timeout. */
    public void start(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
        activity();
    }

    /** A frame arrived: the connection is alive. */
    public void activity() {
        stop();
        idleTask = timers.schedule(this::idle, idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        cancel(idleTask);
        cancel(pongTask);
    }

    private void idle() {
        ping.run();
        pongTask = timers.schedule(silent, pongTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }
}
