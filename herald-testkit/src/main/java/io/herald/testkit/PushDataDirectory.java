package io.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.config.ServerOptions;
import io.herald.server.config.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temporary directory for the embedded store of herald-push, which starts in every server that has
 * it on the classpath and would otherwise keep its store in {@code ./data}: the module's folder when
 * Maven runs the tests. Each server a test starts gets its own; {@link #close()} deletes it once that
 * server has stopped. A data directory the test names itself is left alone.
 */
public final class PushDataDirectory implements AutoCloseable {

    /** herald-push's setting: {@code push.data-dir}, {@code HERALD_PUSH_DATA_DIR}, {@code --push-data-dir}. */
    private static final Setting DATA_DIR = new Setting("push", "data-dir", "directory of the embedded push store");

    private final Path path;

    private PushDataDirectory(Path path) {
        this.path = path;
    }

    public static PushDataDirectory create() {
        try {
            return new PushDataDirectory(Files.createTempDirectory("herald-push-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }

    /**
     * {@code options} with this directory as {@code push.data-dir}, unless their {@code push} block
     * names one. Harmless without herald-push: no extension reads the block then.
     */
    public ServerOptions applyTo(ServerOptions options) {
        JsonNode block = options.extension(DATA_DIR.parent()); // a copy
        if (!(block instanceof ObjectNode push) || push.has(DATA_DIR.field())) {
            return options;
        }
        push.put(DATA_DIR.field(), path.toString());
        return options.toBuilder().extension(DATA_DIR.parent(), push).build();
    }

    /**
     * Adds {@code HERALD_PUSH_DATA_DIR} for a server in another process; a config file's
     * {@code push.data-dir} gives way to it, a {@code --push-data-dir} flag wins over it.
     */
    public void applyTo(Map<String, String> environment) {
        environment.put(DATA_DIR.envName(), path.toString());
    }

    /** Deletes the directory and everything in it; call it after the server using it has stopped. */
    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
