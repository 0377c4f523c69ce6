package io.herald.apps;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Two nodes on one embedded app store (one H2 file) and no cluster adapter: changes reach the other
 * node through the periodic version check alone.
 */
class EmbeddedAppLifecycleTest extends AppLifecycleContract {

    private static Path dataDir;
    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("herald-apps-");
        ObjectNode store = JsonNodeFactory.instance.objectNode().put("type", "embedded").put("data-dir", dataDir.toString());
        a = TestServer.start(o -> o.adminToken(TOKEN).extension("apps-store", store));
        b = TestServer.start(o -> o.adminToken(TOKEN).extension("apps-store", store));
    }

    @AfterAll
    static void stop() throws IOException {
        b.close();
        a.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    TestServer nodeA() {
        return a;
    }

    @Override
    TestServer nodeB() {
        return b;
    }
}
