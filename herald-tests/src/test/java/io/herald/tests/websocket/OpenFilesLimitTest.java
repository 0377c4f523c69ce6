package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.ServerProcess;
import io.herald.tests.api.RawHttp;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server whose process may hold only {@value #OPEN_FILES} open files (run under {@code prlimit}):
 * sockets past what that leaves room for are answered 503 at once instead of waiting in the listen
 * backlog, the WebSockets already open keep working, and {@code /ready} says 503 (open-files-limit).
 */
class OpenFilesLimitTest {

    private static final int OPEN_FILES = 300;
    private static final String PATH = "/app/app-key?protocol=7&client=java&version=1.0";
    private static final int RECEIVE_BUFFER = 64 * 1024;
    private static final String READY = "GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @Test
    void socketsPastTheOpenFilesLimitAreRefusedAtOnceAndOpenOnesKeepWorking() throws IOException {
        Path config = Files.createTempFile("herald-open-files", ".yml");
        // The probe connection idles while the sockets fill up: longer than the default request-timeout allows.
        Files.writeString(config, """
                request-timeout: 120s
                apps:
                  - id: app-id
                    key: app-key
                    secret: app-secret
                """);
        List<RawWebSocket> admitted = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(List.of("prlimit", "--nofile=" + OPEN_FILES), config);
             Socket probe = new Socket("127.0.0.1", server.port())) {
            // A load balancer's kept-alive probe connection: it still gets answers at the limit.
            assertThat(RawHttp.exchange(probe, READY).status()).isEqualTo(200);
            // Every attempt gets its answer within the attempt's 5 s read timeout, or the test fails.
            RawWebSocket refused = null;
            while (refused == null) {
                assertThat(admitted).as("WebSockets admitted without a refusal").hasSizeLessThan(OPEN_FILES);
                RawWebSocket ws = RawWebSocket.attempt(server.port(), PATH, RECEIVE_BUFFER);
                if (ws.responseHead().startsWith("HTTP/1.1 101")) {
                    admitted.add(ws);
                } else {
                    refused = ws;
                }
            }
            refused.close();
            assertThat(refused.responseHead()).startsWith("HTTP/1.1 503").contains("Connection: close");
            RawHttp.Response ready = RawHttp.exchange(probe, READY);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).isEqualTo("{\"ready\":false,\"reasons\":[\"open-files-limit\"]}");
            assertThat(admitted).as("WebSockets admitted before the limit").hasSizeGreaterThan(OPEN_FILES / 4);
            for (int i = 0; i < 20; i++) {
                try (RawWebSocket again = RawWebSocket.attempt(server.port(), PATH, RECEIVE_BUFFER)) {
                    assertThat(again.responseHead()).startsWith("HTTP/1.1 503");
                }
            }

            for (RawWebSocket ws : List.of(admitted.get(0), admitted.get(admitted.size() - 1))) {
                ws.readTextContaining("pusher:connection_established");
                ws.sendText("{\"event\":\"pusher:ping\",\"data\":{}}");
                ws.readTextContaining("pusher:pong");
            }

            // Room again once WebSockets leave (the server notices each close on its own time).
            for (int i = 0; i < 10; i++) {
                admitted.remove(admitted.size() - 1).close();
            }
            RawWebSocket next = awaitAdmitted(server.port());
            admitted.add(next);
            next.readTextContaining("pusher:connection_established");
        } finally {
            admitted.forEach(RawWebSocket::close);
            Files.deleteIfExists(config);
        }
    }

    private static RawWebSocket awaitAdmitted(int port) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            RawWebSocket ws = RawWebSocket.attempt(port, PATH, RECEIVE_BUFFER);
            if (ws.responseHead().startsWith("HTTP/1.1 101")) {
                return ws;
            }
            ws.close();
            assertThat(System.nanoTime()).as("admitted again within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
