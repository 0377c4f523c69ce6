package io.herald.tests.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.ApiClient;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.herald.tests.api.RawHttp;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Defects 7 and 8 of issue 11: a WebSocket upgrade missing its key or version is answered (it was
 * dropped), {@code TRACE} is refused, JSON errors say what is wrong without parser internals, and a
 * half-sent API request no longer holds a graceful shutdown.
 */
class HttpEdgesTest {

    private static final String UPGRADE = "GET /app/app-key?protocol=7 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\n";
    private static final String KEY = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

    @Test
    void anUpgradeWithoutKeyOrVersionIs400AndAnUnknownVersionIs426() throws Exception {
        try (TestServer server = TestServer.start()) {
            RawHttp.Response noKey = RawHttp.sendHead(server.port(), UPGRADE + "Sec-WebSocket-Version: 13\r\n\r\n");
            assertThat(noKey.status()).isEqualTo(400);
            assertThat(noKey.body()).startsWith("{\"error\":").contains("Sec-WebSocket-Key");

            RawHttp.Response noVersion = RawHttp.sendHead(server.port(), UPGRADE + KEY + "\r\n");
            assertThat(noVersion.status()).isEqualTo(400);
            assertThat(noVersion.body()).contains("Sec-WebSocket-Version");

            RawHttp.Response unknown = RawHttp.sendHead(server.port(), UPGRADE + KEY + "Sec-WebSocket-Version: 99\r\n\r\n");
            assertThat(unknown.status()).isEqualTo(426);
            assertThat(unknown.body()).contains("13");
        }
    }

    @Test
    void traceIsRefused() throws Exception {
        try (TestServer server = TestServer.start()) {
            assertThat(RawHttp.sendHead(server.port(), "TRACE /health HTTP/1.1\r\nHost: a\r\n\r\n").status()).isEqualTo(405);
        }
    }

    @Test
    void invalidJsonIsDescribedWithoutParserInternals() {
        try (TestServer server = TestServer.start(); RecordingClient client = server.connect()) {
            for (String frame : new String[] {"{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"a\"}", "{\"event\":x}"}) {
                client.sendText(frame);
                assertThat(client.assertError(null)).startsWith("Invalid JSON: the message ")
                        .doesNotContain("Source").doesNotContain("REDACTED").doesNotContain("StreamReadFeature");
            }
            ApiClient.Result api = server.api().post("/apps/app-id/events", "{\"name\":\"a\",\"channel\":\"b\"");
            assertThat(api.status()).isEqualTo(400);
            assertThat(api.body().get("error").asText()).startsWith("request body ")
                    .doesNotContain("Source").doesNotContain("REDACTED");
        }
    }

    @Test
    void aHalfSentApiRequestDoesNotHoldAGracefulShutdown() throws Exception {
        TestServer server = TestServer.start();
        try (Socket socket = RawSockets.connect("127.0.0.1", server.port())) {
            RawSockets.send(socket, "POST /apps/app-id/events HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n{\"na");
            Thread.sleep(200); // the server has the headers

            long start = System.nanoTime();
            server.close();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(millis).as("shutdown time (it waited half the 10 s shutdown-timeout before)").isLessThan(2_500);
        }
    }
}
