package io.herald.server.channel;

import java.util.concurrent.ConcurrentHashMap;

/** One {@link ChannelRegistry} per app id, so apps can never see each other's channels. */
public final class ChannelRegistries {

    private final ConcurrentHashMap<String, ChannelRegistry> byApp = new ConcurrentHashMap<>();

    public ChannelRegistry forApp(String appId) {
        return byApp.computeIfAbsent(appId, id -> new ChannelRegistry());
    }
}
