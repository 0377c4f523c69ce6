package io.herald.server.webhook;

import java.util.concurrent.CompletionStage;

/**
 * Where one endpoint's webhook events wait until they are delivered. The cluster adapter provides it
 * ({@code Adapter#webhookQueue}): {@link LocalWebhookQueue} in this node's memory, or a queue in the
 * cluster's backend that survives the node and that any node may deliver from. The
 * {@link EndpointSender} takes one batch at a time and marks it done once delivered or given up.
 * Every method returns at once (event loops call {@link #add}); the stages complete on any thread.
 */
public interface WebhookQueue {

    /** Queues one event (its JSON). Completes with {@code false} when the queue is full and the event was dropped. */
    CompletionStage<Boolean> add(String event);

    /**
     * The oldest waiting events this node should deliver, at most {@code max}, oldest first; completes
     * with {@code null} when there are none. The next call may come only after the batch is done.
     */
    CompletionStage<WebhookBatch> take(int max);

    /** Events waiting to be delivered, taken ones included, as last known. */
    long depth();

    /** Whether other nodes add to this queue too: the sender then looks for events without being told. */
    boolean shared();

    /** Shutdown: hand out no more events that another node can deliver; this node's own still come. */
    void close();
}
