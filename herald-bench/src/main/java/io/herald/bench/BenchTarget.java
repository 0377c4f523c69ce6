package io.herald.bench;

import java.net.URI;

/**
 * The server under test and the app to use: any Pusher-compatible server reachable over plain
 * WebSocket and HTTP on one host and port.
 */
public record BenchTarget(String host, int port, String appId, String key, String secret) {

    /** The WebSocket URL a Pusher client would open, protocol 7. */
    public URI webSocketUri() {
        return URI.create("ws://" + host + ":" + port + "/app/" + key + "?protocol=7&client=herald-bench&version=0.1");
    }

    /** The path of the events endpoint of the HTTP API. */
    public String eventsPath() {
        return "/apps/" + appId + "/events";
    }
}
