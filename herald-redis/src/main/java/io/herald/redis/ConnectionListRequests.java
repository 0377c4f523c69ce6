package io.herald.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.cluster.OtherNodesConnections;
import io.herald.server.session.ConnectionPage;
import io.herald.server.session.ConnectionRegistry;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's connection list across the cluster. A request goes to every node on the admin
 * channel; each other node lists its connections of the app and publishes the page on the asking
 * node's own channel, so pages reach only the node that asked. The answers are gathered until every
 * other node known at the last heartbeat answered, or {@link #ANSWER_WITHIN} passed.
 */
final class ConnectionListRequests {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    /** The most a node lists for one request, whatever the request says (the admin API's own bound). */
    static final int MAX_LIMIT = 1000;
    /**
     * The longest answer a node publishes: a thousand connections with a hundred long channel names
     * each would be megabytes, enough for Redis to drop a subscriber over its pub/sub buffer limit.
     */
    static final int MAX_ANSWER_CHARS = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(ConnectionListRequests.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String nodeId;
    private final String requestChannel;
    private final String channelPrefix;
    private final RedisClusterAsyncCommands<String, String> commands;
    private final ConnectionRegistry connections;
    private final ScheduledExecutorService timers;
    /** Other nodes registered in the cluster at the last heartbeat. */
    private final IntSupplier otherNodes;
    private final Map<String, Gathering> pending = new ConcurrentHashMap<>();

    /**
     * @param requestChannel the channel every node listens on for requests
     * @param channelPrefix with a node id appended, the channel where that node receives pages
     */
    ConnectionListRequests(String nodeId, String requestChannel, String channelPrefix,
                           RedisClusterAsyncCommands<String, String> commands, ConnectionRegistry connections,
                           ScheduledExecutorService timers, IntSupplier otherNodes) {
        this.nodeId = nodeId;
        this.requestChannel = requestChannel;
        this.channelPrefix = channelPrefix;
        this.commands = commands;
        this.connections = connections;
        this.timers = timers;
        this.otherNodes = otherNodes;
    }

    /** The channel every node receives requests on. */
    String requestChannel() {
        return requestChannel;
    }

    /** The channel this node's pages arrive on. */
    String answerChannel() {
        return channelPrefix + nodeId;
    }

    /** Asks the other nodes for the app's connections, at most {@code limit} from each. */
    CompletableFuture<OtherNodesConnections> ask(String appId, int limit) {
        int expected = otherNodes.getAsInt();
        if (expected == 0) {
            return CompletableFuture.completedFuture(OtherNodesConnections.NONE);
        }
        String id = UUID.randomUUID().toString();
        Gathering gathering = new Gathering(expected);
        pending.put(id, gathering);
        try {
            timers.schedule(() -> finish(id), ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            finish(id);
            return gathering.result;
        }
        String request = JSON.createObjectNode().put("r", id).put("f", nodeId).put("a", appId).put("n", limit).toString();
        commands.publish(requestChannel, request).whenComplete((receivers, failure) -> {
            if (failure != null) {
                finish(id); // Redis is away: every other node counts as unanswered
            }
        });
        return gathering.result;
    }

    /** A request from a node (this one's own are ignored): answered with this node's page. */
    void receiveRequest(String message) {
        try {
            JsonNode request = JSON.readTree(message);
            String from = request.path("f").asText();
            if (from.isEmpty() || from.equals(nodeId)) {
                return;
            }
            String id = request.path("r").asText();
            int limit = Math.max(1, Math.min(request.path("n").asInt(), MAX_LIMIT));
            connections.list(request.path("a").asText(), limit)
                    .thenAccept(page -> commands.publish(channelPrefix + from, answer(id, page)));
        } catch (Exception e) {
            log.warn("Ignored a malformed connection list request on {}: {}", requestChannel, e.getMessage());
        }
    }

    /** The answer to request {@code id}: the page, with fewer rows if it would be longer than allowed. */
    static String answer(String id, ConnectionPage page) {
        ConnectionPage fitted = page;
        while (true) {
            ObjectNode answer = JSON.createObjectNode().put("r", id);
            answer.set("p", JSON.valueToTree(fitted));
            String text = answer.toString();
            if (text.length() <= MAX_ANSWER_CHARS || fitted.connections().isEmpty()) {
                return text; // the asking node sees total > rows: truncated
            }
            fitted = new ConnectionPage(page.total(), fitted.connections().subList(0, fitted.connections().size() / 2));
        }
    }

    /** A page another node sent for one of this node's requests. */
    void receivePage(String message) {
        try {
            JsonNode answer = JSON.readTree(message);
            String id = answer.path("r").asText();
            Gathering gathering = pending.get(id);
            if (gathering != null && gathering.add(JSON.treeToValue(answer.path("p"), ConnectionPage.class))) {
                finish(id);
            }
        } catch (Exception e) {
            log.warn("Ignored a malformed connection list page on {}: {}", answerChannel(), e.getMessage());
        }
    }

    private void finish(String id) {
        Gathering gathering = pending.remove(id);
        if (gathering != null) {
            gathering.complete();
        }
    }

    /** The pages of one request so far. */
    private static final class Gathering {

        private final int expected;
        private final List<ConnectionPage> pages = new ArrayList<>();
        private final CompletableFuture<OtherNodesConnections> result = new CompletableFuture<>();

        Gathering(int expected) {
            this.expected = expected;
        }

        /** Adds a page; true once every expected node answered. */
        synchronized boolean add(ConnectionPage page) {
            pages.add(page);
            return pages.size() >= expected;
        }

        synchronized void complete() {
            result.complete(new OtherNodesConnections(List.copyOf(pages), Math.max(0, expected - pages.size())));
        }
    }
}
