package io.herald.server.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.Crypto;
import io.herald.server.app.App;
import io.herald.server.app.WebhookEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one app endpoint's webhooks: a bounded queue, batches of up to the max size sent after the
 * batch window (at once when full), one request in flight at a time so batches arrive in order, and
 * retries with doubling backoff within the retry horizon. Requests are asynchronous: an endpoint that
 * is slow or down only holds back its own queue. Overflow is counted and logged, never silent.
 * {@link #offer} is called on event loops and never blocks; the rest runs on the timer thread and
 * the HTTP client's threads.
 */
final class EndpointSender {

    private static final Logger log = LoggerFactory.getLogger(EndpointSender.class);

    private enum State { IDLE, WAITING, SENDING }

    private final App app;
    private final WebhookEndpoint endpoint;
    private final WebhookSettings settings;
    private final HttpClient http;
    private final ScheduledExecutorService timers;
    private final ArrayBlockingQueue<ObjectNode> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    /** Guarded by {@code this}. */
    private State state = State.IDLE;
    /** The pending batch-window flush or retry, guarded by {@code this}. */
    private ScheduledFuture<?> timer;
    private Runnable timerAction;
    private volatile boolean closing;

    EndpointSender(App app, WebhookEndpoint endpoint, WebhookSettings settings, HttpClient http,
                   ScheduledExecutorService timers) {
        this.app = app;
        this.endpoint = endpoint;
        this.settings = settings;
        this.http = http;
        this.timers = timers;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    WebhookEndpoint endpoint() {
        return endpoint;
    }

    /** Queues one event; when the queue is full the event is dropped, counted and logged. */
    void offer(ObjectNode event) {
        if (!queue.offer(event)) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                log.warn("Webhook queue of {} for {} is full ({} events): {} event(s) dropped so far",
                        endpoint.url(), app, settings.queueCapacity(), n);
            }
            return;
        }
        synchronized (this) {
            if (state == State.IDLE) {
                state = State.WAITING;
                schedule(this::flush, closing ? 0 : settings.batchWindow().toNanos());
            } else if (state == State.WAITING && queue.size() >= settings.batchMaxSize()) {
                runTimerNow(); // a full batch goes at once
            }
        }
    }

    /** Events dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    long delivered() {
        return delivered.get();
    }

    /** Shutdown: send what is queued at once, one attempt per batch, no more waiting. */
    synchronized void closeAndFlush() {
        closing = true;
        if (state == State.WAITING || timerAction != null) {
            runTimerNow();
        }
    }

    synchronized boolean isIdle() {
        return state == State.IDLE && queue.isEmpty();
    }

    private void flush() {
        List<ObjectNode> batch = new ArrayList<>(Math.min(queue.size(), settings.batchMaxSize()));
        queue.drainTo(batch, settings.batchMaxSize());
        synchronized (this) {
            if (batch.isEmpty()) {
                state = State.IDLE;
                return;
            }
            state = State.SENDING;
        }
        send(body(batch), batch.size(), System.nanoTime(), 0);
    }

    private byte[] body(List<ObjectNode> batch) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("time_ms", System.currentTimeMillis());
        ArrayNode events = body.putArray("events");
        batch.forEach(events::add);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void send(byte[] body, int events, long firstAttempt, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("X-Pusher-Key", app.key())
                .header("X-Pusher-Signature", HexFormat.of().formatHex(Crypto.hmacSha256(app.secret(), body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                delivered.addAndGet(events);
                next();
            } else {
                String problem = error != null ? error.toString() : "status " + response.statusCode();
                retryOrGiveUp(body, events, firstAttempt, attempt, problem);
            }
        });
    }

    private void retryOrGiveUp(byte[] body, int events, long firstAttempt, int attempt, String problem) {
        long backoff = settings.retryBackoff().toNanos() << Math.min(attempt, 20);
        long elapsed = System.nanoTime() - firstAttempt;
        if (closing || elapsed + backoff > settings.retryHorizon().toNanos()) {
            log.warn("Giving up on a webhook batch of {} event(s) to {} for {} after {} attempt(s): {}",
                    events, endpoint.url(), app, attempt + 1, problem);
            next();
            return;
        }
        log.debug("Webhook to {} failed ({}); retry {} in {} ms", endpoint.url(), problem, attempt + 1,
                backoff / 1_000_000);
        synchronized (this) {
            schedule(() -> send(body, events, firstAttempt, attempt + 1), backoff);
        }
    }

    /** After a batch: send the next one at once if events are waiting (they already waited), else idle. */
    private void next() {
        synchronized (this) {
            if (queue.isEmpty()) {
                state = State.IDLE;
                return;
            }
            state = State.WAITING;
            schedule(this::flush, 0);
        }
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
