package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
            assertThat(vapidKeyStatus(server.port())).isEqualTo(200);
            assertThat(directory.resolve(STORE_FILE)).isRegularFile();
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void aServerProcessKeepsItsStoreInATemporaryDirectoryDeletedOnClose() {
        Path directory;
        try (HeraldProcess herald = HeraldProcess.startServer("--host", "127.0.0.1", "--port", "0")) {
            directory = herald.pushDataDirectory();
            assertThat(vapidKeyStatus(herald.port())).isEqualTo(200);
            assertThat(directory.resolve(STORE_FILE)).isRegularFile();
        }
        assertThat(directory).doesNotExist();
    }

    /** Asks for the default push instance's VAPID key, as the Beams web SDK does first. */
    private static int vapidKeyStatus(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/device_api/v1/instances/instance-id/web-vapid-public-key")).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
