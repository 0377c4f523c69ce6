package io.herald.tests.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.config.ServerOptions;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Defect 4 of issue 11: sockets that never complete a request (sending nothing, headers that never
 * end, a body that trickles) were kept open forever. Now each is answered 408 and closed once the
 * request-timeout (10 s by default) has passed, and the node serves other clients all along.
 */
class SlowSocketsTest {

    private static final int EACH = 60;
    private static final long TIMEOUT_MILLIS = ServerOptions.DEFAULT_REQUEST_TIMEOUT.toMillis();

    @Test
    void socketsThatNeverCompleteARequestAreAnswered408AndClosedAfterTheRequestTimeout() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<Socket> silent = new ArrayList<>();
        List<Socket> endlessHeaders = new ArrayList<>();
        List<Socket> trickledBodies = new ArrayList<>();
        try (AttackedServer server = AttackedServer.start()) {
            long start = System.currentTimeMillis();
            for (int i = 0; i < EACH; i++) {
                silent.add(RawSockets.connect("127.0.0.1", server.port()));
                Socket headers = RawSockets.connect("127.0.0.1", server.port());
                RawSockets.send(headers, "GET /health HTTP/1.1\r\n");
                endlessHeaders.add(headers);
                Socket body = RawSockets.connect("127.0.0.1", server.port());
                RawSockets.send(body, "POST /apps/app-id/events HTTP/1.1\r\nContent-Length: 1000\r\n\r\n");
                trickledBodies.add(body);
            }
            // A header line and a body byte every 500 ms per socket: never idle, never done.
            trickle.scheduleAtFixedRate(() -> {
                endlessHeaders.forEach(s -> sendQuietly(s, "X-Slow: 1\r\n"));
                trickledBodies.forEach(s -> sendQuietly(s, "x"));
            }, 500, 500, TimeUnit.MILLISECONDS);

            HonestClient.assertServed(server.port());
            Thread.sleep(3_000);
            HonestClient.assertServed(server.port());

            for (List<Socket> kind : List.of(silent, endlessHeaders, trickledBodies)) {
                for (Socket socket : kind) {
                    long left = start + TIMEOUT_MILLIS + 10_000 - System.currentTimeMillis();
                    String answer = RawSockets.readUntilClosed(socket, (int) Math.max(1, left));
                    assertThat(answer).as("closed by the server within the request-timeout and a margin").isNotNull()
                            .startsWith("HTTP/1.1 408 Request Timeout").contains("request-timeout");
                }
            }
            assertThat(System.currentTimeMillis() - start).as("not before the request-timeout")
                    .isGreaterThanOrEqualTo(TIMEOUT_MILLIS);
            HonestClient.assertServed(server.port());
            server.assertSurvived();
        } finally {
            trickle.shutdownNow();
            for (List<Socket> kind : List.of(silent, endlessHeaders, trickledBodies)) {
                kind.forEach(RawSockets::closeQuietly);
            }
        }
    }

    private static void sendQuietly(Socket socket, String text) {
        try {
            RawSockets.send(socket, text);
        } catch (IOException closedByServer) {
            // expected once the request-timeout passed
        }
    }
}
