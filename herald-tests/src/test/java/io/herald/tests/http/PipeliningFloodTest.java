package io.herald.tests.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Defect 1 of issue 11: clients that send keep-alive requests back to back and never read the
 * answers, on {@code /health} and on the API path. Before the fix the server read and answered them
 * all, queueing the answers until the heap ran out. Now it reads a socket's next request only once
 * the previous answer is written (so the flood stops at what the socket buffers hold), closes a
 * socket that leaves an answer untaken for the request-timeout, and one with more than
 * {@code max-pipelined-requests} sent ahead; the node keeps serving others throughout.
 */
class PipeliningFloodTest {

    private static final int ATTACKERS = 2;
    /** Well past the request-timeout set here, after which a socket that doesn't take its answers is closed. */
    private static final long ATTACK_MILLIS = 15_000;
    private static final String REQUEST_TIMEOUT = "3s";
    /** Per attacker: enough to fill a 192 MB heap with queued answers many times over. */
    private static final long MAX_BYTES_EACH = 400L * 1024 * 1024;
    private static final String[] REQUESTS = {
            "GET /health HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET /apps/app-id/channels HTTP/1.1\r\nHost: a\r\n\r\n"};

    @Test
    void clientsThatPipelineWithoutReadingAreCutOffWhileTheNodeKeepsServing() throws Exception {
        try (AttackedServer server = AttackedServer.start("--request-timeout", REQUEST_TIMEOUT)) {
            AtomicLong sent = new AtomicLong();
            AtomicInteger closedByServer = new AtomicInteger();
            ConcurrentLinkedQueue<Socket> sockets = new ConcurrentLinkedQueue<>();
            long end = System.currentTimeMillis() + ATTACK_MILLIS;
            List<Thread> attackers = new ArrayList<>();
            for (int i = 0; i < ATTACKERS; i++) {
                byte[] block = REQUESTS[i % 2].repeat(64 * 1024 / REQUESTS[i % 2].length()).getBytes(StandardCharsets.US_ASCII);
                Thread t = new Thread(() -> flood(server.port(), block, end, sockets, sent, closedByServer), "flood-" + i);
                t.setDaemon(true);
                t.start();
                attackers.add(t);
            }
            try {
                for (int round = 0; round < 3; round++) {
                    Thread.sleep(2_000);
                    HonestClient.assertServed(server.port());
                }
                Thread.sleep(Math.max(0, end - System.currentTimeMillis()));
            } finally {
                sockets.forEach(PipeliningFloodTest::closeQuietly); // unblocks writes the server stopped reading
                for (Thread t : attackers) {
                    t.join(5_000);
                }
            }
            System.out.printf("pipelining flood: %d MB sent in %d s, %d sockets closed by the server%n",
                    sent.get() >> 20, ATTACK_MILLIS / 1000, closedByServer.get());
            HonestClient.assertServed(server.port());
            server.assertSurvived();
            assertThat(closedByServer.get()).as("pipelining sockets closed by the server").isPositive();
            // Attackers reconnect when cut off, so the total grows with the machine's speed; what one socket
            // gets in before it is pushed back and closed must not.
            long perSocket = sent.get() / (closedByServer.get() + ATTACKERS);
            assertThat(perSocket).as("bytes the server let in per socket: it stopped reading").isLessThan(MAX_BYTES_EACH / 8);
        }
    }

    /** Opens a socket and writes {@code block} until the time is up; when the server closes it, opens another. */
    private static void flood(int port, byte[] block, long end, ConcurrentLinkedQueue<Socket> sockets,
                              AtomicLong sent, AtomicInteger closedByServer) {
        long mine = 0;
        while (System.currentTimeMillis() < end && mine < MAX_BYTES_EACH) {
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(4096); // and never read: the answers pile up at the server
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                while (System.currentTimeMillis() < end && mine < MAX_BYTES_EACH) {
                    out.write(block);
                    mine += block.length;
                    sent.addAndGet(block.length);
                }
            } catch (IOException closed) {
                if (System.currentTimeMillis() < end) {
                    closedByServer.incrementAndGet();
                }
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing only
        }
    }
}
