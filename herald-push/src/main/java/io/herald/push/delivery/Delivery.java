package io.herald.push.delivery;

import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.VAPIDKeyPairs;
import com.zerodeplibs.webpush.key.PrivateKeySources;
import com.zerodeplibs.webpush.key.PublicKeySources;
import io.herald.push.PushOptions;
import io.herald.push.data.DeliveryQueue;
import io.herald.push.data.PublishExpansion;
import io.herald.push.data.VapidKeyStore;
import io.herald.push.data.WebhookOutbox;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Web Push delivery of one node: the threads it owns (the expander, the claimer, the settler, a
 * crypto pool of one thread per core, a sending pool of one thread per request in flight, the HTTP
 * client's, the webhook posts' sender), started once and stopped once.
 */
public final class Delivery implements AutoCloseable {

    private final ExecutorService crypto;
    private final ExecutorService sending;
    private final ExecutorService httpThreads;
    private final DeliveryWorker worker;
    private final Expander expander;
    private final WebhookWorker webhooks;

    private Delivery(ExecutorService crypto, ExecutorService sending, ExecutorService httpThreads, DeliveryWorker worker,
                     Expander expander, WebhookWorker webhooks) {
        this.crypto = crypto;
        this.sending = sending;
        this.httpThreads = httpThreads;
        this.worker = worker;
        this.expander = expander;
        this.webhooks = webhooks;
    }

    /**
     * Starts expanding publishes into {@code queue}, delivering from it with each instance's keys, and
     * sending the webhook posts in {@code outbox}.
     */
    public static Delivery start(PushOptions options, DeliveryQueue queue, PublishExpansion expansion,
                                 WebhookOutbox outbox, Map<String, VapidKeyStore.Keys> keys) {
        Map<String, VAPIDKeyPair> pairs = new HashMap<>();
        keys.forEach((instance, k) -> pairs.put(instance, VAPIDKeyPairs.of(
                PrivateKeySources.ofPKCS8Bytes(k.privateKey()),
                PublicKeySources.ofUncompressedBytes(Base64.getUrlDecoder().decode(k.publicKey())))));
        ExecutorService crypto = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                named("push-crypto"));
        // The claimer never has more than deliveryConcurrency sends under way, so no send waits for a thread.
        ExecutorService sending = Executors.newFixedThreadPool(options.deliveryConcurrency(), named("push-send"));
        ExecutorService httpThreads = Executors.newFixedThreadPool(2, named("push-http"));
        HttpClient http = HttpClient.newBuilder()
                .executor(httpThreads)
                .connectTimeout(options.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        WebPushSender sender = new WebPushSender(new VapidHeaders(pairs, options.vapidSubject()), http,
                options.endpointHosts(), crypto, sending, options.requestTimeout(), new RetryPolicy(options.retryBackoff()),
                options.maxAttempts());
        DeliveryWorker worker = new DeliveryWorker(queue, sender, options.deliveryConcurrency(),
                options.claimBatchSize(), options.pollInterval(), options.requestTimeout());
        worker.start();
        Expander expander = new Expander(expansion, worker::wake, options.pollInterval());
        expander.start();
        HttpClient webhookHttp = HttpClient.newBuilder()
                .executor(httpThreads)
                .connectTimeout(WebhookSender.TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        WebhookWorker webhooks = new WebhookWorker(outbox, new WebhookSender(webhookHttp), options.webhookRetryDelays(),
                options.pollInterval());
        webhooks.start();
        return new Delivery(crypto, sending, httpThreads, worker, expander, webhooks);
    }

    /** Look for new publishes now: this node just stored one. */
    public void wake() {
        expander.wake();
    }

    /** Stops claiming and lets sends in flight finish within {@code grace}. */
    public void close(Duration grace) {
        expander.close();
        webhooks.close();
        worker.close(grace);
        crypto.shutdownNow();
        sending.shutdownNow();
        httpThreads.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
