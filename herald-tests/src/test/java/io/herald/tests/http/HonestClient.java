package io.herald.tests.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.config.ServerOptions;
import io.herald.testkit.ApiClient;
import io.herald.testkit.RecordingClient;
import io.herald.tests.api.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an attack must not take away from everyone else: {@code /health} answers 200, and a new
 * WebSocket client connects, subscribes and receives an event triggered through the HTTP API. Each
 * step is bounded (5 s to connect or read, 10 s per API call), so a frozen node fails the test.
 */
final class HonestClient {

    private static final AtomicInteger CHANNELS = new AtomicInteger();

    private HonestClient() {
    }

    static void assertServed(int port) {
        try {
            RawHttp.Response health = RawHttp.sendHead(port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(health.status()).as("/health").isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException("/health did not answer", e);
        }
        String channel = "honest-" + CHANNELS.incrementAndGet();
        String base = "127.0.0.1:" + port;
        try (RecordingClient client = RecordingClient.connect("ws://" + base + "/app/"
                + ServerOptions.DEFAULT_APP.key() + "?protocol=7&client=honest&version=1")) {
            client.subscribe(channel);
            client.assertSubscribed(channel);
            ApiClient.Result trigger = ApiClient.of("http://" + base, ServerOptions.DEFAULT_APP).post(
                    "/apps/" + ServerOptions.DEFAULT_APP.id() + "/events",
                    "{\"name\":\"still-here\",\"channel\":\"" + channel + "\",\"data\":\"{}\"}");
            assertThat(trigger.status()).as("trigger").isEqualTo(200);
            client.awaitEvent("still-here");
        }
    }
}
