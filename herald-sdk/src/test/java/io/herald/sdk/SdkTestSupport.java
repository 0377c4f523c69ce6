package io.herald.sdk;

import io.herald.testkit.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.IntStream;

/** Clients for tests: pointed at a test server, a closed port, with a fixed master key. */
public final class SdkTestSupport {

    /** A fixed 32-byte master key: 0, 1, …, 31. */
    public static final byte[] MASTER_KEY = bytes32();
    public static final String MASTER_KEY_BASE64 = Base64.getEncoder().encodeToString(MASTER_KEY);

    private SdkTestSupport() {
    }

    /** Options for the test server's default app, plain HTTP, a 5 s timeout and the master key. */
    public static HeraldRestOptions.Builder options(int port) {
        return HeraldRestOptions.builder()
                .appId(TestServer.APP.id())
                .key(TestServer.APP.key())
                .secret(TestServer.APP.secret())
                .host("127.0.0.1")
                .port(port)
                .useTls(false)
                .requestTimeout(Duration.ofSeconds(5))
                .encryptionMasterKey(MASTER_KEY);
    }

    public static HeraldRest client(TestServer server) {
        return HeraldRest.create(options(server.port()).build());
    }

    /** A client whose requests can't connect anywhere: any request it sends is a network error. */
    public static HeraldRest unreachableClient() {
        return HeraldRest.create(options(closedPort()).build());
    }

    /** A loopback port that nothing listens on. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes32() {
        byte[] key = new byte[32];
        IntStream.range(0, 32).forEach(i -> key[i] = (byte) i);
        return key;
    }
}
