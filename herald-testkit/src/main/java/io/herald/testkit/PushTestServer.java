package io.herald.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A {@link TestServer} that serves the Beams APIs with the default instance, its embedded store in a
 * directory the test owns, devices' endpoints allowed on {@code http://127.0.0.1} (where
 * {@link #unreachableEndpoint()} points), and quick retries so deliveries to unreachable endpoints settle fast.
 * Needs {@code herald-push} on the test classpath (the server finds it through its extension seam).
 */
public final class PushTestServer {

    /** The default instance of {@code herald server}. */
    public static final String INSTANCE_ID = "instance-id";
    public static final String SECRET_KEY = "instance-secret";

    private PushTestServer() {
    }

    public static TestServer start(Path dataDirectory) {
        ObjectNode push = JsonNodeFactory.instance.objectNode()
                .put("data-dir", dataDirectory.toString())
                .put("endpoint-hosts", "http://127.0.0.1")
                .put("retry-backoff", "100ms")
                .put("max-attempts", 2)
                .put("poll-interval", "100ms")
                .put("request-timeout", "2s");
        return TestServer.start(b -> b.extension("push", push));
    }

    /** A Web Push endpoint on a loopback port nothing listens on: every delivery to it fails. */
    public static String unreachableEndpoint() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/push/" + UUID.randomUUID();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
