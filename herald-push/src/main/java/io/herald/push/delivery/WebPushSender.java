package io.herald.push.delivery;

import io.herald.push.EndpointHosts;
import io.herald.push.data.ClaimedDelivery;
import io.herald.push.data.Device;
import io.herald.push.data.Outcome;
import io.herald.push.data.Publication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Sends one Web Push message (RFC 8030) encrypted with {@code aes128gcm} (RFC 8291) and signed with
 * the instance's VAPID key (RFC 8292; {@link VapidHeaders}, signed by zerodep-web-push-java), with the
 * JDK {@link HttpClient} for the request, and says what the answer means for the queue. An endpoint
 * {@code push.endpoint-hosts} does not allow (any more) is not contacted. Encryption
 * ({@link Aes128GcmEncryption}) runs on {@code cryptoExecutor}, the request on {@code sendExecutor}
 * (one thread per request in flight); nothing here runs on an event loop.
 *
 * <p>The request is sent with the blocking {@code HttpClient.send}, not {@code sendAsync}: on JDK 17
 * {@code sendAsync} completes its future on the {@code CompletableFuture} default executor, which
 * on a machine of two cores (common pool parallelism 1) starts a new thread for every response.
 */
final class WebPushSender {

    /** What push services keep a message for when the publish says nothing: four weeks. */
    static final int DEFAULT_TTL_SECONDS = 2_419_200;

    private final VapidHeaders vapid;
    private final Aes128GcmEncryption encryption = new Aes128GcmEncryption();
    private final HttpClient http;
    private final EndpointHosts endpointHosts;
    private final Executor cryptoExecutor;
    private final Executor sendExecutor;
    private final Duration requestTimeout;
    private final RetryPolicy retries;
    private final int maxAttempts;

    WebPushSender(VapidHeaders vapid, HttpClient http, EndpointHosts endpointHosts, Executor cryptoExecutor,
                  Executor sendExecutor, Duration requestTimeout, RetryPolicy retries, int maxAttempts) {
        this.vapid = vapid;
        this.http = http;
        this.endpointHosts = endpointHosts;
        this.cryptoExecutor = cryptoExecutor;
        this.sendExecutor = sendExecutor;
        this.requestTimeout = requestTimeout;
        this.retries = retries;
        this.maxAttempts = maxAttempts;
    }

    CompletableFuture<Outcome> send(ClaimedDelivery delivery, Publication publication) {
        URI endpoint;
        try {
            endpoint = URI.create(delivery.device().endpoint());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Outcome.failed("the subscription's endpoint is not a URL: "
                    + e.getMessage()));
        }
        String refusal = endpointHosts.refusal(endpoint);
        if (refusal != null) {
            // Registered before the setting was narrowed. Failed, not gone: the device stays, so widening
            // the setting again brings its deliveries back.
            return CompletableFuture.completedFuture(Outcome.failed("not contacted: " + refusal));
        }
        CompletableFuture<HttpRequest> request = CompletableFuture.supplyAsync(() -> {
            try {
                return request(delivery, endpoint, publication);
            } catch (RuntimeException e) {
                throw new Unsendable(e);
            }
        }, cryptoExecutor);
        return request.thenApplyAsync(this::exchange, sendExecutor)
                .handle((response, error) -> {
                    if (error == null) {
                        return outcome(delivery, response);
                    }
                    if (error instanceof Unsendable || error.getCause() instanceof Unsendable) {
                        // Trying again would not help: the subscription's keys or URL are unusable.
                        return Outcome.failed("cannot encrypt for this subscription: " + rootMessage(error));
                    }
                    return retryOrFail(delivery, null, "push service unreachable: " + rootMessage(error));
                });
    }

    private HttpRequest request(ClaimedDelivery delivery, URI endpoint, Publication publication) {
        Device device = delivery.device();
        int ttl = publication.ttlSeconds() == null ? DEFAULT_TTL_SECONDS : publication.ttlSeconds();
        byte[] body = encryption.encrypt(device.p256dh(), device.auth(),
                publication.payload().getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .header("Authorization", vapid.header(delivery.instanceId(), endpoint))
                .header("TTL", Integer.toString(ttl))
                .header("Content-Type", "application/octet-stream")
                .header("Content-Encoding", "aes128gcm")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(requestTimeout);
        // Plain-HTTP push services (local ones) get HTTP/1.1: no h2c upgrade dance on a POST.
        if ("http".equalsIgnoreCase(endpoint.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return builder.build();
    }

    private HttpResponse<Void> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private Outcome outcome(ClaimedDelivery delivery, HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Outcome.SENT;
        }
        if (status == 404 || status == 410) {
            return Outcome.gone("push service answered " + status + ": the subscription is gone");
        }
        if (status == 429 || status >= 500) {
            return retryOrFail(delivery, response.headers().firstValue("Retry-After").orElse(null),
                    "push service answered " + status);
        }
        return Outcome.failed("push service refused with " + status);
    }

    private Outcome retryOrFail(ClaimedDelivery delivery, String retryAfter, String error) {
        if (delivery.attempts() >= maxAttempts) {
            return Outcome.failed(error + " (after " + delivery.attempts() + " attempts)");
        }
        long now = System.currentTimeMillis();
        return Outcome.retry(now + retries.delayMillis(delivery.attempts(), retryAfter, now), error);
    }

    /** The message could not be made: a fault of the subscription, not of the push service. */
    private static final class Unsendable extends RuntimeException {
        Unsendable(Throwable cause) {
            super(cause);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
