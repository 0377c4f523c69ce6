package io.herald.tests.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A server in its own JVM with a small heap ({@code -Xmx192m}, which also bounds its direct memory),
 * so an attack that would exhaust memory kills or freezes it within the test instead of hiding in a
 * large test JVM. Checks afterwards that it neither died nor ran out of memory.
 */
final class AttackedServer implements AutoCloseable {

    private final Path config;
    final ServerProcess server;

    private AttackedServer(Path config, ServerProcess server) {
        this.config = config;
        this.server = server;
    }

    static AttackedServer start(String... flags) {
        try {
            Path config = Files.createTempFile("herald-attack", ".yml");
            Files.writeString(config, "apps:\n  - id: app-id\n    key: app-key\n    secret: app-secret\n");
            return new AttackedServer(config, ServerProcess.start(List.of(), config, flags));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.port();
    }

    void assertSurvived() {
        assertThat(server.isAlive()).as("server process alive; log:%n%s", server.log()).isTrue();
        assertThat(server.log()).doesNotContain("OutOfMemoryError").doesNotContain("OutOfDirectMemoryError");
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(config);
    }
}
