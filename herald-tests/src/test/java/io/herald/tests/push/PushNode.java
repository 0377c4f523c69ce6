package io.herald.tests.push;

import io.herald.testkit.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How the push tests start Herald: {@code herald server} in its own JVM ({@link ServerProcess}) with the
 * default Beams instance, its store either embedded under a data directory or on PostgreSQL, and plain
 * http to {@code localhost} allowed for devices' endpoints (where {@link WebPushTestingProcess} listens).
 */
final class PushNode {

    static final String INSTANCE_ID = "instance-id";
    static final String SECRET_KEY = "instance-secret";

    private PushNode() {
    }

    /** A node with the embedded store under {@code dataDir}. */
    static ServerProcess embedded(Path dataDir) throws IOException {
        return start(dataDir, null);
    }

    /** A node with its store on PostgreSQL at {@code jdbcUrl}; {@code dataDir} is its own. */
    static ServerProcess postgres(Path dataDir, String jdbcUrl) throws IOException {
        return start(dataDir, jdbcUrl);
    }

    private static ServerProcess start(Path dataDir, String jdbcUrl) throws IOException {
        Path config = Files.createTempFile("herald-push", ".yml");
        config.toFile().deleteOnExit();
        String store = jdbcUrl == null ? "" : "  store-url: \"" + jdbcUrl + "\"\n";
        Files.writeString(config, "push:\n  data-dir: \"" + dataDir + "\"\n  endpoint-hosts: \"http://localhost\"\n" + store);
        // A flag beats the test servers' own temporary push directory (an environment variable), so a
        // restarted node finds the store of the one it replaces.
        return ServerProcess.start(List.of(), config, "--push-data-dir", dataDir.toString());
    }

    static BeamsHttp beams(ServerProcess node) {
        return new BeamsHttp(node.httpUrl(), INSTANCE_ID, SECRET_KEY);
    }
}
