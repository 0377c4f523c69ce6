package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that tests start, in this JVM or in their own, keep the push store (herald-push is on this
 * module's classpath) in a temporary directory that is gone once they stop, never in ./data here.
 * The store is made at the first push request, so each test makes one.
 */
class PushDataDirectoryTest {

    private static final String STORE_FILE = "herald.mv.db";

    @AfterEach
    void nothingInTheWorkingDirectory() {
        assertThat(Path.of("data")).doesNotExist();
    }

    @Test
    void anInProcessServerKeepsItsStoreInATemporaryDirectoryDeletedOnClose() {
        Path directory;
        try (TestServer server = TestServer.start()) {
            directory = server.pushDataDirectory();
            assertThat(FirstPushRequest.send(server.port())).isEqualTo(200);
            assertThat(directory.resolve(STORE_FILE)).isRegularFile();
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void aServerProcessKeepsItsStoreInATemporaryDirectoryDeletedOnClose() {
        Path directory;
        try (HeraldProcess herald = HeraldProcess.startServer("--host", "127.0.0.1", "--port", "0")) {
            directory = herald.pushDataDirectory();
            assertThat(FirstPushRequest.send(herald.port())).isEqualTo(200);
            assertThat(directory.resolve(STORE_FILE)).isRegularFile();
        }
        assertThat(directory).doesNotExist();
    }
}
