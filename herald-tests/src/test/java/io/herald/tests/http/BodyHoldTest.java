package io.herald.tests.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.config.ServerOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Defect 2 of issue 11: many sockets each sending the headers of a 1 MiB body and all of it but one
 * byte, then waiting. Before the fix the bodies filled the direct memory (192 MB here) and both
 * event loops blocked in its reservation: nothing answered. Now bodies past the node's
 * request-buffer-limit get a 503 at their headers, the node keeps serving, the overload is logged
 * once, and the held sockets get 408 after the request-timeout.
 */
class BodyHoldTest {

    private static final int SOCKETS = 250;
    private static final int LENGTH = 1024 * 1024;
    private static final String HEAD = "POST /apps/app-id/events HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + LENGTH + "\r\n\r\n";

    @Test
    void bodiesPastTheNodesBudgetAreRefusedAtOnceAndTheNodeKeepsServing() throws Exception {
        ConcurrentLinkedQueue<Socket> held = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        try (AttackedServer server = AttackedServer.start()) {
            long start = System.currentTimeMillis();
            List<Future<?>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < SOCKETS; i++) {
                sent.add(senders.submit(() -> holdBody(server.port(), held, refusals)));
            }
            for (Future<?> f : sent) {
                try {
                    f.get(Math.max(1, start + 60_000 - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                } catch (TimeoutException frozen) {
                    break; // the server stopped reading them all: the checks below fail
                }
            }
            HonestClient.assertServed(server.port());

            // Under load a 503 may come later than the sender waited for it, and the body then sent after
            // it makes the socket reset, which can drop the 503 too: sort the sockets by their last answer.
            int heldToTheEnd = 0;
            for (Socket socket : held) {
                long left = start + ServerOptions.DEFAULT_REQUEST_TIMEOUT.toMillis() + 20_000 - System.currentTimeMillis();
                String answer = RawSockets.readUntilClosed(socket, (int) Math.max(1, left));
                assertThat(answer).as("every socket is answered: 503 at once (or reset after it), else 408 after the"
                        + " request-timeout").isNotNull().matches("(?s)(HTTP/1.1 (503|408) .*)?");
                if (answer.startsWith("HTTP/1.1 408")) {
                    heldToTheEnd++;
                } else if (!answer.isEmpty()) {
                    refusals.add(answer);
                }
            }
            assertThat(heldToTheEnd).as("bodies held until the request-timeout").isPositive();
            assertThat(refusals).as("bodies refused at their headers").isNotEmpty()
                    .allSatisfy(r -> assertThat(r).startsWith("HTTP/1.1 503").contains("Server busy"));
            assertThat((long) heldToTheEnd * LENGTH).as("bodies held")
                    .isLessThanOrEqualTo(ServerOptions.DEFAULT_REQUEST_BUFFER_LIMIT);
            Matcher warnings = Pattern.compile("WARN .*Refusing HTTP request bodies with 503").matcher(server.server.log());
            assertThat(warnings.results().count()).as("overload logged once, then counted").isEqualTo(1);
            HonestClient.assertServed(server.port());
            server.assertSurvived();
            System.out.printf("body hold: %d held, %d refused with 503%n", heldToTheEnd, refusals.size());
        } finally {
            held.forEach(RawSockets::closeQuietly);
            senders.shutdownNow();
        }
    }

    /** Sends the headers; a prompt answer is a refusal, otherwise sends all of the body but its last byte. */
    private static void holdBody(int port, ConcurrentLinkedQueue<Socket> held, ConcurrentLinkedQueue<String> refusals) {
        try {
            Socket socket = RawSockets.connect("127.0.0.1", port);
            RawSockets.send(socket, HEAD);
            String answer = RawSockets.readUntilClosed(socket, 500);
            if (answer != null) {
                refusals.add(answer);
                socket.close();
                return;
            }
            held.add(socket);
            OutputStream out = socket.getOutputStream();
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int sent = 0; sent < LENGTH - 1; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, LENGTH - 1 - sent));
            }
            out.flush();
        } catch (IOException refusedLate) {
            // reset after a 503 that came later than we waited: the socket's last answer says so
        }
    }
}
