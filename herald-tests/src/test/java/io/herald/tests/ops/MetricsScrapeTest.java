package io.herald.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.server.app.App;
import io.herald.server.app.WebhookType;
import io.herald.server.config.ServerOptions;
import io.herald.testkit.ApiClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.herald.tests.support.WebhookReceiver;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scripted session over real sockets, then a scrape of {@code /metrics} on its own port: every
 * counter equals what the session did, including a presence member, a webhook endpoint that refuses
 * and an API call over an app's rate limit.
 */
class MetricsScrapeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final App APP = TestServer.APP;
    private static final String ID = APP.id();
    /** An app allowed one API call a second, to be refused with 429. */
    private static final App LIMITED = App.of("limited", "limited-key", "limited-secret").toBuilder()
            .apiRequestsPerSecond(1).build();
    private static final String TRIGGER = "{\"name\":\"news\",\"channel\":\"private-room\",\"data\":\"{}\"}";

    @Test
    void countersEqualTheSession() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(APP);
             WebhookReceiver failing = WebhookReceiver.start(APP);
             // a failed request is given up at once: the retry horizon is shorter than the first backoff
             TestServer server = TestServer.start(b -> b.metricsPort(0).webhookBatchWindow(Duration.ofMillis(20))
                     .webhookRetryHorizon(Duration.ofMillis(50))
                     .apps(List.of(APP.toBuilder().addWebhook(receiver.endpointForAll())
                             .addWebhook(failing.endpoint(WebhookType.CLIENT_EVENT)).build(), LIMITED)))) {
            failing.refuseNext(Integer.MAX_VALUE);
            int metricsPort = server.server().metricsPort();
            assertThat(metricsPort).isPositive().isNotEqualTo(server.port());
            PrometheusScrape before = PrometheusScrape.of(metricsPort);
            assertThat(before.app("herald_connected", ID)).isZero();
            assertThat(before.text()).contains("jvm_memory_used_bytes", "process_cpu_usage");

            RecordingClient alice = server.connect();
            RecordingClient bob = server.connect();
            alice.subscribeSigned(APP, "private-room");   // received 1
            alice.assertSubscribed("private-room");
            bob.subscribeSigned(APP, "private-room");     // received 2
            bob.assertSubscribed("private-room");
            alice.subscribePresence(APP, "presence-room", "alice", "{}"); // received 3
            alice.assertSubscribed("presence-room");
            alice.send("client-hi", "private-room", JsonNodeFactory.instance.objectNode().put("text", "hi")); // 4
            bob.awaitEvent("client-hi");
            ApiClient api = server.api();
            assertThat(api.post("/apps/" + ID + "/events", TRIGGER).status()).isEqualTo(200);
            assertThat(api.post("/apps/" + ID + "/events", TRIGGER).status()).isEqualTo(200);
            assertThat(api.get("/apps/" + ID + "/channels", Map.of()).status()).isEqualTo(200);
            alice.awaitEvent("news");
            alice.awaitEvent("news");
            bob.awaitEvent("news");
            bob.awaitEvent("news");
            // the limited app's calls in a row until one is refused (the first of each second passes)
            ApiClient limited = server.api(LIMITED);
            int allowed = 0;
            int status;
            while ((status = limited.get("/apps/" + LIMITED.id() + "/channels", Map.of()).status()) == 200) {
                allowed++;
                assertThat(allowed).as("calls passed before a refusal").isLessThan(10);
            }
            assertThat(status).isEqualTo(429);
            int limitedCalls = allowed + 1;
            for (int i = 0; i < 4; i++) {
                receiver.nextEvent(); // channel_occupied ×2, member_added, client_event
            }
            Eventually.check(Duration.ofSeconds(5), () -> assertThat(failing.deliveries()).hasSize(1));
            bob.close();

            Eventually.check(Duration.ofSeconds(5), () -> {
                PrometheusScrape m = PrometheusScrape.of(metricsPort);
                assertThat(m.app("herald_connected", ID)).isEqualTo(1);
                assertThat(m.app("herald_new_connections_total", ID)).isEqualTo(2);
                assertThat(m.app("herald_new_disconnections_total", ID)).isEqualTo(1);
                assertThat(m.app("herald_ws_messages_received_total", ID)).isEqualTo(4);
                // connection_established ×2, subscription_succeeded ×3, the client event to bob, 2 events ×2
                assertThat(m.app("herald_ws_messages_sent_total", ID)).isEqualTo(10);
                assertThat(m.app("herald_socket_received_bytes_total", ID)).isPositive();
                assertThat(m.app("herald_socket_transmitted_bytes_total", ID)).isPositive();
                assertThat(m.app("herald_client_events_total", ID)).isEqualTo(1);
                assertThat(m.app("herald_http_calls_received_total", ID)).isEqualTo(3);
                assertThat(m.app("herald_http_received_bytes_total", ID)).isEqualTo(2 * TRIGGER.length());
                assertThat(m.app("herald_http_transmitted_bytes_total", ID)).isPositive();
                assertThat(m.app("herald_http_call_duration_seconds_count", ID)).isEqualTo(3);
                // 2 API events on one loop or two: at least one fan-out each, at most one per loop
                assertThat(m.app("herald_fanout_duration_seconds_count", ID)).isBetween(3.0, 6.0);
                assertThat(m.app("herald_channels", ID)).isEqualTo(2);
                assertThat(m.app("herald_presence_members", ID)).isEqualTo(1);
                // 4 events to the receiver, the client event to the failing endpoint too
                assertThat(m.app("herald_webhooks_queued_total", ID)).isEqualTo(5);
                assertThat(m.app("herald_webhooks_sent_total", ID)).isEqualTo(4);
                assertThat(m.app("herald_webhooks_failed_total", ID)).isEqualTo(1);
                assertThat(m.app("herald_webhooks_dropped_total", ID)).isZero();
                assertThat(m.app("herald_webhook_queue_depth", ID)).isZero();
                assertThat(m.value("herald_rate_limited_total{app_id=\"" + ID + "\",limit=\"api\"}")).isZero();
                assertThat(m.value("herald_rate_limited_total{app_id=\"" + LIMITED.id() + "\",limit=\"api\"}")).isEqualTo(1);
                assertThat(m.app("herald_http_calls_received_total", LIMITED.id())).isEqualTo(limitedCalls);
                assertThat(m.app("herald_http_call_duration_seconds_count", LIMITED.id())).isEqualTo(limitedCalls);
            });
            assertThat(failing.deliveries()).extracting(WebhookReceiver.Delivery::answeredWith).containsExactly(503);
            alice.close();
        }
    }

    /**
     * The metrics port goes through the main port's HTTP stages: half a request neither blocks the
     * scrapes (it did with the JDK's HTTP server, whose one thread waited on it) nor stays past
     * {@code request-timeout}; the port serves nothing but {@code /metrics}.
     */
    @Test
    void halfARequestNeitherBlocksScrapesNorStays() throws Exception {
        try (TestServer server = TestServer.start(b -> b.metricsPort(0).requestTimeout(Duration.ofSeconds(1)));
             Socket half = new Socket("127.0.0.1", server.server().metricsPort())) {
            int port = server.server().metricsPort();
            half.getOutputStream().write("GET /metr".getBytes(StandardCharsets.US_ASCII));
            half.getOutputStream().flush();

            assertThat(PrometheusScrape.of(port).app("herald_connected", ID)).isZero();
            HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);

            half.setSoTimeout(5_000);
            String answer = new String(half.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).as("what the stalled socket got before it was closed").startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void offUnlessSet() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.server().metricsPort()).isEqualTo(ServerOptions.METRICS_OFF);
        }
    }
}
