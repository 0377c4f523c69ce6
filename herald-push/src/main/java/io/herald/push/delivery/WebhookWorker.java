package io.herald.push.delivery;

import io.herald.push.data.QueuedWebhook;
import io.herald.push.data.WebhookOutbox;
import io.herald.server.log.ThrottledLog;
import io.herald.store.StoreClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one node's share of the webhook posts ({@link WebhookOutbox}), publishes' and instances'. Its
 * thread claims due posts, {@link #BATCH} at most, posts them at once (a publish's own in turn) and
 * waits for their answers (each bounded by {@link WebhookSender#TIMEOUT}), then removes those
 * accepted and sets the others' next try by the retry delays; a post that fails its last try is
 * dropped and logged. It looks every poll interval.
 */
final class WebhookWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    static final int BATCH = 32;
    /** Far longer than a batch takes (one timeout), so no other node sends a post while this one does. */
    private static final long LEASE_MILLIS = 60_000;

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final List<Duration> retryDelays;
    private final Duration pollInterval;
    private final Thread thread;
    private final ThrottledLog dropped = new ThrottledLog(log, "Dropped a webhook post after its last try");
    private final ThrottledLog storeFailures = new ThrottledLog(log, "Webhooks: the push store failed");
    private final Semaphore stop = new Semaphore(0);
    private volatile boolean running = true;

    /** @param retryDelays the wait before each retry; a post is tried once more than there are delays */
    WebhookWorker(WebhookOutbox outbox, WebhookSender sender, List<Duration> retryDelays, Duration pollInterval) {
        this.outbox = outbox;
        this.sender = sender;
        this.retryDelays = List.copyOf(retryDelays);
        this.pollInterval = pollInterval;
        this.thread = new Thread(this::run, "push-webhooks");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                List<QueuedWebhook> batch = outbox.claim(BATCH, LEASE_MILLIS);
                if (batch.isEmpty()) {
                    pause();
                } else {
                    send(batch);
                }
            } catch (StoreClosedException e) {
                return;
            } catch (RuntimeException e) {
                storeFailures.occurred("trying again in " + pollInterval, e);
                pause();
            }
        }
    }

    /** Waits a poll interval, or until closed (never by interrupting: the thread may be in the store). */
    private void pause() {
        try {
            stop.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    private void send(List<QueuedWebhook> batch) {
        List<CompletableFuture<String>> answers = new ArrayList<>(batch.size());
        // One publish's posts one after the other, in the order they were queued (STARTED, then FINISHED).
        Map<String, CompletableFuture<String>> lastOfPublish = new HashMap<>();
        for (QueuedWebhook webhook : batch) {
            CompletableFuture<String> previous = lastOfPublish.get(webhook.publishId());
            CompletableFuture<String> answer = previous == null ? sender.post(webhook)
                    : previous.thenCompose(ignored -> sender.post(webhook));
            lastOfPublish.put(webhook.publishId(), answer);
            answers.add(answer);
        }
        for (int i = 0; i < batch.size(); i++) {
            QueuedWebhook webhook = batch.get(i);
            String failure = answers.get(i).join(); // the sender's timeout bounds the wait
            if (failure == null) {
                outbox.remove(webhook);
            } else if (webhook.attempts() <= retryDelays.size()) {
                log.debug("Webhook post {} for {} failed ({}); trying again", webhook.id(), webhook.publishId(), failure);
                outbox.retryAt(webhook, System.currentTimeMillis() + retryDelays.get(webhook.attempts() - 1).toMillis());
            } else {
                outbox.remove(webhook);
                dropped.occurred(webhook.publishId() + " of instance " + webhook.instanceId() + " after "
                        + webhook.attempts() + " tries, the last " + failure);
            }
        }
    }

    /** Stops after the batch under way, whose posts end within their timeout. */
    @Override
    public void close() {
        running = false;
        stop.release();
        try {
            thread.join(WebhookSender.TIMEOUT.plusSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
