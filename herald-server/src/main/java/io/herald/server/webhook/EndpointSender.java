package io.herald.server.webhook;

import io.herald.protocol.Crypto;
import io.herald.server.app.App;
import io.herald.server.console.ConsoleFeed;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.metrics.AppGauges;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one app endpoint's webhooks from its {@link WebhookQueue}: batches of up to the max size
 * sent after the batch window (at once when full), one request in flight at a time so batches arrive
 * in order. A failed batch is retried with a doubling backoff capped at the max backoff, sooner when
 * new events are waiting, until its oldest event is older than the retry horizon; then it is given up.
 * An endpoint that is slow or down only holds back its own queue. {@link #offer} is called on event
 * loops and never blocks; the rest runs on the timer thread and the HTTP client's threads.
 */
final class EndpointSender {

    private static final Logger log = LoggerFactory.getLogger(EndpointSender.class);

    /** IDLE: nothing scheduled. WAITING: a flush (or poll) is scheduled. SENDING: a batch is in flight or waits to be retried. */
    private enum State { IDLE, WAITING, SENDING }

    /** Replaced when the app changes (a rotated secret signs the next requests). */
    private volatile App app;
    private final WebhookEndpoint endpoint;
    private final WebhookSettings settings;
    private final HttpClient http;
    private final ScheduledExecutorService timers;
    private final WebhookQueue queue;
    private final EndpointHealth health;
    private final ConsoleFeed console;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    /** Events handed to the queue whose add has not completed: shutdown waits for them. */
    private final AtomicInteger adding = new AtomicInteger();
    /** Guarded by {@code this}. */
    private State state = State.IDLE;
    /** An event arrived while a flush was under way: look again before going idle. Guarded by {@code this}. */
    private boolean kicked;
    /** An event arrived while a request was in flight: if it fails, retry sooner. Guarded by {@code this}. */
    private boolean arrivedInFlight;
    /** The pending flush, poll or retry, guarded by {@code this}. */
    private ScheduledFuture<?> timer;
    private Runnable timerAction;
    /** When the pending retry is due and when the last attempt ended (nanoTime), 0 when no retry waits. */
    private long retryDue;
    private long lastAttempt;
    private volatile boolean closing;

    EndpointSender(App app, WebhookEndpoint endpoint, WebhookSettings settings, HttpClient http,
                   ScheduledExecutorService timers, WebhookQueue queue, ConsoleFeed console) {
        this.app = app;
        this.console = console;
        this.endpoint = endpoint;
        this.settings = settings;
        this.http = http;
        this.timers = timers;
        this.queue = queue;
        this.health = new EndpointHealth(endpoint.url() + " of app " + app.id());
        if (queue.shared()) {
            synchronized (this) {
                state = State.WAITING; // other nodes' events wait in the queue too: look for them
                schedule(this::flush, 0);
            }
        }
    }

    WebhookEndpoint endpoint() {
        return endpoint;
    }

    /** Queues one event (its JSON); when the queue is full the event is dropped, counted and logged. */
    void offer(String event) {
        adding.incrementAndGet();
        queue.add(event).whenComplete((added, failure) -> {
            if (Boolean.TRUE.equals(added)) {
                queued.incrementAndGet();
                kick();
            } else {
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    log.warn("Webhook queue of {} for {} is full ({} events): {} event(s) dropped so far",
                            endpoint.url(), app, settings.queueCapacity(), n);
                }
            }
            adding.decrementAndGet();
        });
    }

    /** Events dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    long delivered() {
        return delivered.get();
    }

    /** This node's events so far, for metrics. */
    AppGauges.WebhookCounts counts() {
        return new AppGauges.WebhookCounts(queued.get(), delivered.get(), gaveUp.get(), dropped.get(), depth());
    }

    /** Events waiting to be delivered, as last known. */
    long depth() {
        return queue.depth();
    }

    /**
     * Shutdown: send what only this node holds at once, one attempt per batch; events another node can
     * deliver are left to it.
     */
    /** The app's settings after a change; same id, and this endpoint is still one of its webhooks. */
    void useApp(App changed) {
        this.app = changed;
    }

    synchronized void closeAndFlush() {
        closing = true;
        queue.close();
        runTimerNow();
    }

    synchronized boolean isIdle() {
        return state == State.IDLE && adding.get() == 0;
    }

    private synchronized void kick() {
        switch (state) {
            case IDLE -> {
                state = State.WAITING;
                schedule(this::flush, closing ? 0 : settings.batchWindow().toNanos());
            }
            case WAITING -> {
                kicked = true;
                if (queue.depth() >= settings.batchMaxSize()) {
                    runTimerNow(); // a full batch goes at once
                }
            }
            case SENDING -> {
                kicked = true;
                if (retryDue != 0) {
                    retrySooner();
                } else {
                    arrivedInFlight = true;
                }
            }
        }
    }

    /**
     * New events wait behind a failing batch: retry one initial backoff after the last attempt instead
     * of waiting out a longer backoff, so a busy endpoint that came back is noticed at once. Guarded by {@code this}.
     */
    private void retrySooner() {
        long soonest = lastAttempt + settings.retryBackoff().toNanos();
        if (soonest < retryDue && timerAction != null) {
            Runnable retry = timerAction;
            timer.cancel(false);
            retryDue = soonest;
            timer = timers.schedule(retry, Math.max(0, soonest - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void flush() {
        synchronized (this) {
            kicked = false;
            arrivedInFlight = false;
        }
        queue.take(settings.batchMaxSize()).whenComplete((batch, failure) -> {
            if (failure != null || batch == null) {
                idle(failure);
                return;
            }
            synchronized (this) {
                state = State.SENDING;
            }
            send(batch, body(batch), 0);
        });
    }

    /** Nothing to send: rest, unless an event came meanwhile or other nodes may add some. */
    private void idle(Throwable failure) {
        if (failure != null) {
            log.debug("Could not read the webhook queue of {}: {}", endpoint.url(), failure.toString());
        } else {
            health.drained();
        }
        synchronized (this) {
            if (kicked || queue.shared() && !closing) {
                state = State.WAITING;
                schedule(this::flush, closing ? 0 : settings.batchWindow().toNanos());
            } else {
                state = State.IDLE;
            }
        }
    }

    private static byte[] body(WebhookBatch batch) {
        StringBuilder body = new StringBuilder("{\"time_ms\":").append(System.currentTimeMillis()).append(",\"events\":[");
        for (int i = 0; i < batch.events().size(); i++) {
            body.append(i == 0 ? "" : ",").append(batch.events().get(i).json());
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private void send(WebhookBatch batch, byte[] body, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("X-Pusher-Key", app.key())
                .header("X-Pusher-Signature", HexFormat.of().formatHex(Crypto.hmacSha256(app.secret(), body)))
                .header(WebhookDispatcher.ID_HEADER, batch.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        StatusOnly.send(http, request).whenComplete((status, error) -> {
            if (error == null && status / 100 == 2) {
                delivered.addAndGet(batch.events().size());
                health.delivered(batch.events().size());
                if (console.active()) {
                    console.webhookSent(app.id(), endpoint.url(), batch.events().size(),
                            new String(body, StandardCharsets.UTF_8));
                }
                batch.done().run();
                next();
            } else {
                String problem = problem(status, error);
                health.failed(problem, queue.depth());
                console.webhookFailed(app.id(), endpoint.url(), batch.events().size(), problem);
                retryOrGiveUp(batch, body, attempt, problem);
            }
        });
    }

    private void retryOrGiveUp(WebhookBatch batch, byte[] body, int attempt, String problem) {
        if (closing) {
            if (!batch.durable()) {
                giveUp(batch, attempt, "shutting down", problem);
            } // else it stays queued for another node
            next();
            return;
        }
        long backoff = Math.min(settings.retryBackoff().toNanos() << Math.min(attempt, 20),
                settings.retryMaxBackoff().toNanos());
        long age = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - batch.oldestMillis());
        if (age + backoff > settings.retryHorizon().toNanos()) {
            giveUp(batch, attempt, "past the retry horizon", problem);
            next();
            return;
        }
        synchronized (this) {
            lastAttempt = System.nanoTime();
            retryDue = lastAttempt + backoff;
            schedule(() -> {
                synchronized (this) {
                    retryDue = 0;
                }
                send(batch, body, attempt + 1);
            }, backoff);
            if (arrivedInFlight) {
                arrivedInFlight = false;
                retrySooner();
            }
        }
    }

    private void giveUp(WebhookBatch batch, int attempt, String why, String problem) {
        log.debug("Giving up a webhook batch of {} event(s) to {} after {} attempt(s): {}", batch.events().size(),
                endpoint.url(), attempt + 1, problem);
        batch.done().run();
        gaveUp.addAndGet(batch.events().size());
        health.gaveUp(batch.events().size(), attempt + 1, why, queue.depth());
    }

    /** What went wrong, without the wrapper the async client adds. */
    private static String problem(Integer status, Throwable error) {
        if (error == null) {
            return "status " + status;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** After a batch: look for the next one at once (waiting events already waited). */
    private synchronized void next() {
        state = State.WAITING;
        schedule(this::flush, 0);
    }

    /** Guarded by {@code this}. */
    private void schedule(Runnable action, long delayNanos) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            synchronized (this) {
                if (timerAction != self[0]) {
                    return; // replaced by runTimerNow
                }
                timerAction = null;
                timer = null;
            }
            action.run();
        };
        timerAction = self[0];
        timer = timers.schedule(self[0], delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Guarded by {@code this}: runs the pending timer action now instead of later. */
    private void runTimerNow() {
        if (timerAction == null) {
            return;
        }
        Runnable action = timerAction;
        timer.cancel(false);
        timers.execute(action);
    }
}
