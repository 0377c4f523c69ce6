package io.herald.push;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of push notifications (the {@code push:} block of the configuration). Defaults are the
 * {@code DEFAULT_*} constants; {@link PushSettings} reads them from the configuration.
 *
 * @param enabled whether {@code herald server} serves the push APIs at all
 * @param dataDirectory where the embedded store keeps its file
 * @param storeUrl a PostgreSQL JDBC URL, or {@code null} for the embedded store
 * @param storePoolSize most database connections held
 * @param instances the instances served
 * @param allowedOrigins browser origins allowed to call the device and reporting APIs ({@code *} for any)
 * @param endpointHosts the push services devices' endpoints may name (the node sends requests to them)
 * @param vapidSubject the VAPID {@code sub} claim: a {@code mailto:} or {@code https:} contact
 * @param tokenLeeway clock skew accepted on user tokens' {@code exp}, {@code nbf} and {@code iat}
 * @param maxDevicesPerUser devices one user may have
 * @param maxInterestsPerDevice interests one device may have
 * @param maxDevices devices one instance may have (anyone with its id can register one)
 * @param deliveryConcurrency Web Push requests in flight at once on this node
 * @param claimBatchSize deliveries a node claims from the queue at once
 * @param maxAttempts tries per delivery before it counts as failed
 * @param retryBackoff wait before the first retry, doubling after each (a push service's Retry-After wins)
 * @param requestTimeout how long one Web Push request may take
 * @param pollInterval how often a node looks for deliveries queued by other nodes
 * @param pendingRequests store requests waiting for a thread before new ones get 429
 * @param publishRetention how long a finished publish (its status and browser reports) is kept
 * @param webhookRetryDelays the waits before each retry of a webhook post that failed
 */
public record PushOptions(boolean enabled, Path dataDirectory, String storeUrl, int storePoolSize,
                          List<PushInstance> instances, List<String> allowedOrigins, EndpointHosts endpointHosts,
                          String vapidSubject,
                          Duration tokenLeeway, int maxDevicesPerUser, int maxInterestsPerDevice, int maxDevices,
                          int deliveryConcurrency, int claimBatchSize, int maxAttempts, Duration retryBackoff,
                          Duration requestTimeout, Duration pollInterval, int pendingRequests,
                          Duration publishRetention, List<Duration> webhookRetryDelays) {

    public static final PushInstance DEFAULT_INSTANCE = new PushInstance("instance-id", "instance-secret");
    public static final String DEFAULT_DATA_DIRECTORY = "./data";
    public static final int DEFAULT_STORE_POOL_SIZE = 8;
    public static final List<String> DEFAULT_ALLOWED_ORIGINS = List.of("*");
    /** The browsers' push services, over https: {@link EndpointHosts#DEFAULT}. */
    public static final EndpointHosts DEFAULT_ENDPOINT_HOSTS = EndpointHosts.DEFAULT;
    public static final String DEFAULT_VAPID_SUBJECT = "mailto:admin@example.com";
    public static final Duration DEFAULT_TOKEN_LEEWAY = Duration.ofSeconds(30);
    /** As Beams: 100 devices per user. */
    public static final int DEFAULT_MAX_DEVICES_PER_USER = 100;
    /** As Beams: 5,000 interests per device. */
    public static final int DEFAULT_MAX_INTERESTS_PER_DEVICE = 5000;
    /** Room for a large audience, and still a bound on what anonymous registrations can fill. */
    public static final int DEFAULT_MAX_DEVICES = 1_000_000;
    public static final Duration DEFAULT_PUBLISH_RETENTION = Duration.ofDays(7);
    public static final int DEFAULT_DELIVERY_CONCURRENCY = 64;
    public static final int DEFAULT_CLAIM_BATCH_SIZE = 200;
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    public static final int DEFAULT_PENDING_REQUESTS = 1000;
    /** Beams' schedule: four retries, after 10 s, 30 s, 2 min and 5 min. */
    public static final List<Duration> DEFAULT_WEBHOOK_RETRY_DELAYS = List.of(Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5));

    public PushOptions {
        instances = List.copyOf(instances);
        allowedOrigins = List.copyOf(allowedOrigins);
        webhookRetryDelays = List.copyOf(webhookRetryDelays);
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("at least one instance is needed");
        }
        if (instances.stream().map(PushInstance::id).distinct().count() != instances.size()) {
            throw new IllegalArgumentException("instance ids must be unique");
        }
    }

    /** Every setting at its default, serving {@code instances}. */
    public static PushOptions defaults(Path dataDirectory, List<PushInstance> instances) {
        return new PushOptions(true, dataDirectory, null, DEFAULT_STORE_POOL_SIZE, instances, DEFAULT_ALLOWED_ORIGINS,
                DEFAULT_ENDPOINT_HOSTS, DEFAULT_VAPID_SUBJECT, DEFAULT_TOKEN_LEEWAY, DEFAULT_MAX_DEVICES_PER_USER,
                DEFAULT_MAX_INTERESTS_PER_DEVICE, DEFAULT_MAX_DEVICES, DEFAULT_DELIVERY_CONCURRENCY, DEFAULT_CLAIM_BATCH_SIZE,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_BACKOFF, DEFAULT_REQUEST_TIMEOUT, DEFAULT_POLL_INTERVAL,
                DEFAULT_PENDING_REQUESTS, DEFAULT_PUBLISH_RETENTION, DEFAULT_WEBHOOK_RETRY_DELAYS);
    }

    /** The instance with this id, or {@code null}. */
    public PushInstance instance(String id) {
        for (PushInstance instance : instances) {
            if (instance.id().equals(id)) {
                return instance;
            }
        }
        return null;
    }
}
