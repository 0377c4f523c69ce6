package io.herald.server.channel;

import io.herald.server.metrics.AppMetrics;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** One {@link ChannelRegistry} per app id, so apps can never see each other's channels. */
public final class ChannelRegistries {

    private final ConcurrentHashMap<String, ChannelRegistry> byApp = new ConcurrentHashMap<>();
    private final Function<String, AppMetrics> metrics;

    /** Registries whose fan-out nothing counts. */
    public ChannelRegistries() {
        this(AppMetrics::detached);
    }

    /** @param metrics each app's counters, which its channels' fan-out adds to */
    public ChannelRegistries(Function<String, AppMetrics> metrics) {
        this.metrics = metrics;
    }

    public ChannelRegistry forApp(String appId) {
        return byApp.computeIfAbsent(appId, id -> new ChannelRegistry(metrics.apply(id)));
    }
}
