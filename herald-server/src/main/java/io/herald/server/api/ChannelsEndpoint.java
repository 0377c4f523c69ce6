package io.herald.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ChannelName;
import io.herald.protocol.ChannelType;
import io.herald.server.app.App;
import io.herald.server.cluster.Adapter;
import io.herald.server.cluster.ChannelSummary;
import io.herald.server.cluster.CachedEvent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code GET /channels}, {@code GET /channels/{name}} and {@code GET /channels/{name}/users}. */
final class ChannelsEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Adapter adapter;

    ChannelsEndpoint(Adapter adapter) {
        this.adapter = adapter;
    }

    CompletableFuture<ApiResponse> list(App app, Map<String, String> query) {
        String prefix = query.getOrDefault("filter_by_prefix", "");
        InfoAttributes info = InfoAttributes.parse(query.get("info"));
        if (info.has(InfoAttributes.Attribute.USER_COUNT) && !prefix.startsWith("presence-")) {
            throw ApiException.badRequest("info=user_count needs filter_by_prefix=presence-");
        }
        return adapter.channels(app.id(), prefix).thenApply(summaries -> {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            ObjectNode channels = response.putObject("channels");
            for (ChannelSummary summary : summaries) {
                info.write(channels.putObject(summary.name()), summary.name(), summary);
            }
            return ApiResponse.ok(response);
        });
    }

    CompletableFuture<ApiResponse> show(App app, String channel, Map<String, String> query) {
        checkName(app, channel);
        InfoAttributes info = InfoAttributes.parse(query.get("info"));
        info.requirePresenceForUserCount(channel);
        CompletableFuture<Optional<CachedEvent>> cached = info.has(InfoAttributes.Attribute.CACHE)
                && ChannelName.isCache(channel)
                ? adapter.cachedEvent(app.id(), channel)
                : CompletableFuture.completedFuture(Optional.empty());
        return adapter.channel(app.id(), channel).thenCombine(cached, (summary, last) -> {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            response.put("occupied", summary.isPresent());
            info.write(response, channel, summary.orElse(null));
            last.ifPresent(event -> writeCache(response, event));
            return ApiResponse.ok(response);
        });
    }

    /** {@code "cache": {"event", "data", "ttl"}}: the cached event and its seconds left, as Pusher reports it. */
    private static void writeCache(ObjectNode response, CachedEvent cached) {
        ObjectNode cache = response.putObject("cache");
        cache.put("event", cached.event().event());
        cache.set("data", data(cached.event().dataJson()));
        cache.put("ttl", Math.max(1, cached.remaining().toSeconds()));
    }

    /** The cached event's {@code data} as a JSON value: the string for server events. */
    private static JsonNode data(String dataJson) {
        try {
            return JSON.readTree(dataJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cached event data is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    CompletableFuture<ApiResponse> users(App app, String channel) {
        checkName(app, channel);
        if (ChannelName.typeOf(channel) != ChannelType.PRESENCE) {
            throw ApiException.badRequest("users are only available for presence channels, not " + channel);
        }
        return adapter.presenceUserIds(app.id(), channel).thenApply(ids -> {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            ArrayNode users = response.putArray("users");
            ids.forEach(id -> users.addObject().put("id", id));
            return ApiResponse.ok(response);
        });
    }

    private static void checkName(App app, String channel) {
        String problem = ChannelName.problem(channel, app.limits().maxChannelNameLength());
        if (problem != null) {
            throw ApiException.badRequest(problem);
        }
    }
}
