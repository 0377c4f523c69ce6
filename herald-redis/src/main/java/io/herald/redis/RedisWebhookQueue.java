package io.herald.redis;

import io.herald.server.webhook.LocalWebhookQueue;
import io.herald.server.webhook.QueuedWebhook;
import io.herald.server.webhook.WebhookBatch;
import io.herald.server.webhook.WebhookQueue;
import io.lettuce.core.Consumer;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint's webhooks in a Redis stream shared by the cluster, so a node that dies (even with
 * {@code kill -9}) loses none. Any node adds; one node at a time delivers, the one holding the
 * endpoint's deliverer key (renewed with the heartbeats, taken over by another node within
 * {@code node-timeout} after its holder dies), so batches keep the order the events were added in.
 * Delivery reads through the consumer group {@code delivery}: the deliverer first claims what an
 * earlier deliverer read but never acknowledged (XAUTOCLAIM, the same events, so the same batch id),
 * then reads new entries (XREADGROUP), and acknowledges and deletes a batch once it is delivered or
 * given up, so the stream holds only undelivered events and its length is the queue depth, capped at
 * the capacity (a full stream drops new events, like the in-memory queue). An event that cannot be added
 * because Redis is unreachable waits in this node's memory instead, and is lost if this node dies.
 */
final class RedisWebhookQueue implements WebhookQueue {

    private static final Logger log = LoggerFactory.getLogger(RedisWebhookQueue.class);
    private static final String GROUP = "delivery";

    /** KEYS: stream. ARGV: capacity, queued-at ms, event JSON. Returns the new length, or -1 when full. */
    private static final String ADD = """
            local n = redis.call('XLEN', KEYS[1])
            if n >= tonumber(ARGV[1]) then return -1 end
            redis.call('XADD', KEYS[1], '*', 't', ARGV[2], 'e', ARGV[3])
            return n + 1
            """;

    /**
     * KEYS: deliverer key, stream. ARGV: node, lifetime ms. Takes or renews the deliverer key when it is
     * free or this node's. Returns {1 if this node delivers, stream length}.
     */
    private static final String DELIVERER = """
            local holder = redis.call('GET', KEYS[1])
            local mine = 0
            if holder == false or holder == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              mine = 1
            end
            return {mine, redis.call('XLEN', KEYS[2])}
            """;

    /** KEYS: deliverer key. ARGV: node. Gives the key up if it is this node's. */
    private static final String RESIGN = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private final RedisClusterAsyncCommands<String, String> redis;
    private final String stream;
    private final String delivererKey;
    private final String nodeId;
    private final Consumer<String> consumer;
    private final int capacity;
    private final long lifetimeMillis;
    private final LocalWebhookQueue unshared;
    private volatile boolean delivering;
    private volatile boolean closed;
    private volatile long streamLength;

    /** Start-up, off the event loops: creates the consumer group and bids to deliver, waiting briefly. */
    RedisWebhookQueue(RedisClusterAsyncCommands<String, String> redis, String stream, String delivererKey,
                      String nodeId, int capacity, Duration lifetime) {
        this.redis = redis;
        this.stream = stream;
        this.delivererKey = delivererKey;
        this.nodeId = nodeId;
        this.consumer = Consumer.from(GROUP, nodeId);
        this.capacity = capacity;
        this.lifetimeMillis = lifetime.toMillis();
        this.unshared = new LocalWebhookQueue(capacity);
        try {
            createGroup().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Could not create the webhook stream {} (retried when read): {}", stream, e.toString());
        }
        renew();
    }

    /** From entry 0: events added before the group existed (after Redis lost it) are delivered too. */
    private CompletableFuture<String> createGroup() {
        return redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), GROUP, XGroupCreateArgs.Builder.mkstream())
                .toCompletableFuture()
                .exceptionally(e -> {
                    if (String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
                        return "OK"; // another node made it
                    }
                    throw new IllegalStateException(e);
                });
    }

    /**
     * Takes or keeps the right to deliver this endpoint's webhooks; on the heartbeat thread (it waits
     * for Redis, briefly). A node that cannot reach Redis stops delivering from the stream.
     */
    void renew() {
        if (closed) {
            return;
        }
        try {
            List<Object> reply = redis.<List<Object>>eval(DELIVERER, ScriptOutputType.MULTI,
                    new String[] {delivererKey, stream}, nodeId, String.valueOf(lifetimeMillis)).get(5, TimeUnit.SECONDS);
            boolean mine = ((Long) reply.get(0)) == 1L;
            if (mine && !delivering) {
                log.debug("This node now delivers the webhooks of {}", stream);
            }
            delivering = mine;
            streamLength = (Long) reply.get(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            delivering = false;
        }
    }

    @Override
    public CompletionStage<Boolean> add(String event) {
        return redis.<Long>eval(ADD, ScriptOutputType.INTEGER, new String[] {stream}, String.valueOf(capacity),
                        String.valueOf(System.currentTimeMillis()), event)
                .toCompletableFuture()
                .thenApply(length -> {
                    if (length >= 0) {
                        streamLength = length;
                    }
                    return length >= 0;
                })
                .exceptionallyCompose(e -> {
                    log.debug("Webhook kept in memory, Redis unreachable: {}", e.toString());
                    return unshared.add(event);
                });
    }

    @Override
    public CompletionStage<WebhookBatch> take(int max) {
        if (unshared.depth() > 0) {
            return unshared.take(max);
        }
        if (closed || !delivering) {
            return CompletableFuture.completedFuture(null);
        }
        // What an earlier deliverer (perhaps a dead node) read but never acknowledged goes first.
        return redis.xautoclaim(stream, XAutoClaimArgs.Builder.xautoclaim(consumer, Duration.ZERO, "0-0").count(max))
                .toCompletableFuture()
                .thenCompose(claimed -> claimed.getMessages().isEmpty()
                        ? redis.xreadgroup(consumer, XReadArgs.Builder.count(max), XReadArgs.StreamOffset.lastConsumed(stream))
                        : CompletableFuture.completedFuture(claimed.getMessages()))
                .thenApply(this::batch)
                .exceptionally(e -> {
                    if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
                        createGroup(); // Redis restarted empty: the stream came back without its group
                    }
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                });
    }

    /** The readable entries as a batch; entries whose body was trimmed away are only acknowledged. */
    private WebhookBatch batch(List<StreamMessage<String, String>> messages) {
        List<QueuedWebhook> events = new ArrayList<>(messages.size());
        List<String> ids = new ArrayList<>(messages.size());
        for (StreamMessage<String, String> message : messages) {
            ids.add(message.getId());
            if (message.getBody() != null && message.getBody().containsKey("e")) {
                events.add(new QueuedWebhook(message.getId(), Long.parseLong(message.getBody().getOrDefault("t", "0")),
                        message.getBody().get("e")));
            }
        }
        String[] done = ids.toArray(String[]::new);
        if (events.isEmpty()) {
            if (done.length > 0) {
                forget(done);
            }
            return null;
        }
        return new WebhookBatch(events, true, () -> forget(done));
    }

    private void forget(String[] ids) {
        redis.xack(stream, GROUP, ids);
        redis.xdel(stream, ids).thenAccept(n -> streamLength = Math.max(0, streamLength - n));
    }

    @Override
    public long depth() {
        return streamLength + unshared.depth();
    }

    @Override
    public boolean shared() {
        return true;
    }

    /** Stops delivering from the stream and frees the deliverer key, so another node takes over at once. */
    @Override
    public void close() {
        closed = true;
        if (delivering) {
            delivering = false;
            redis.eval(RESIGN, ScriptOutputType.INTEGER, new String[] {delivererKey}, nodeId);
        }
    }
}
