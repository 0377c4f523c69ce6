package io.herald.tests.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.TestServer;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Defect 4 of issue 11, the per-address cap: with {@code max-connections-per-ip} set, one address
 * (127.0.0.2 here) holding that many sockets gets a prompt 429 for the next one, while a client
 * from another address (127.0.0.1) is served as usual; a socket closed makes room again.
 */
class ConnectionsPerIpTest {

    private static final int CAP = 20;

    @Test
    void anAddressAtTheCapIsRefused429AtOnceAndOthersAreServed() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try (TestServer server = TestServer.start(b -> b.maxConnectionsPerIp(CAP))) {
            for (int i = 0; i < CAP; i++) {
                sockets.add(RawSockets.connect("127.0.0.2", server.port()));
            }
            assertThat(RawSockets.readUntilClosed(sockets.get(CAP - 1), 300)).as("admitted: no answer, still open").isNull();

            Socket over = RawSockets.connect("127.0.0.2", server.port());
            sockets.add(over);
            assertThat(RawSockets.readUntilClosed(over, 5_000)).startsWith("HTTP/1.1 429 Too Many Requests")
                    .contains("max-connections-per-ip " + CAP);

            HonestClient.assertServed(server.port());

            sockets.remove(0).close();
            long deadline = System.currentTimeMillis() + 5_000;
            String answer;
            do {
                Socket again = RawSockets.connect("127.0.0.2", server.port());
                sockets.add(again);
                answer = RawSockets.readUntilClosed(again, 300);
            } while (answer != null && System.currentTimeMillis() < deadline);
            assertThat(answer).as("room again after a close").isNull();
        } finally {
            sockets.forEach(RawSockets::closeQuietly);
        }
    }
}
