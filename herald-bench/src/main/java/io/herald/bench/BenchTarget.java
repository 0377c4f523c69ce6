package io.herald.bench;

import io.herald.protocol.RequestSigning;
import java.net.URI;
import java.util.Map;

/**
 * The server under test and the app to use: any Pusher-compatible server reachable over plain
 * WebSocket and HTTP on one host and port. For a cluster, {@link #at} names another node of the same
 * cluster (same app).
 */
public record BenchTarget(String host, int port, String appId, String key, String secret) {

    /** The WebSocket URL a Pusher client would open, protocol 7. */
    public URI webSocketUri() {
        return URI.create("ws://" + host + ":" + port + "/app/" + key + "?protocol=7&client=herald-bench&version=0.1");
    }

    /** The same app on the node at {@code hostPort} ("host:port"). */
    public BenchTarget at(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'");
        }
        try {
            return new BenchTarget(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)),
                    appId, key, secret);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'");
        }
    }

    /** The path of the events endpoint of the HTTP API. */
    public String eventsPath() {
        return "/apps/" + appId + "/events";
    }

    /** {@code path?auth_key=…&auth_signature=…} for a POST of {@code body} to the events endpoint, signed now. */
    String signedEventsUri(byte[] body) {
        Map<String, String> query = RequestSigning.signedQuery(key, secret, "POST", eventsPath(), Map.of(), body,
                System.currentTimeMillis() / 1000);
        return eventsPath() + "?" + RequestSigning.encodeQuery(query);
    }
}
