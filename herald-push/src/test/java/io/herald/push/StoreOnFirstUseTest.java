package io.herald.push;

import static io.herald.push.DeviceApiTest.assertBeamsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.push.api.PushHttpService;
import io.herald.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A node whose embedded push store does not exist yet makes it at the first push request, not at
 * start; one whose store is there opens it at start (so queued deliveries resume at once).
 */
@Timeout(120)
class StoreOnFirstUseTest {

    private static final String VAPID_KEY = "/device_api/v1/instances/instance-id/web-vapid-public-key";

    @TempDir
    Path dataDir;

    /** H2 keeps this file beside the database while it is open (AUTO_SERVER writes its address there). */
    private static boolean isOpen(Path directory) {
        return Files.exists(directory.resolve("herald.lock.db"));
    }

    private static boolean exists(Path directory) {
        return Files.exists(directory.resolve("herald.mv.db"));
    }

    @Test
    void theFirstRequestsMakeTheStoreOnceAndAreAllAnswered() {
        try (TestServer server = PushServers.start(PushServers.settings(dataDir))) {
            assertThat(exists(dataDir)).isFalse();
            PushHttp http = new PushHttp(server.httpUrl());
            List<CompletableFuture<PushHttp.Answer>> first = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.fromBrowser("GET", VAPID_KEY, null)))
                    .toList();
            List<PushHttp.Answer> answers = first.stream().map(CompletableFuture::join).toList();
            assertThat(answers).extracting(PushHttp.Answer::status).containsOnly(200);
            assertThat(answers).extracting(a -> a.body().get("vapidPublicKey").asText()).hasSize(8)
                    .containsOnly(answers.get(0).body().get("vapidPublicKey").asText());
            assertThat(exists(dataDir)).isTrue();
            assertThat(isOpen(dataDir)).isTrue();
        }
        assertThat(isOpen(dataDir)).isFalse();
    }

    /**
     * A flood while the store is being made waits in the bounded queue of store requests, not in the
     * event loops: past it, requests are refused 429 at once, and the node serves afterwards.
     */
    @Test
    void aFloodOfFirstRequestsIsBoundedByTheStoreQueue() {
        ObjectNode settings = PushServers.settings(dataDir);
        settings.put("store-pool-size", 2);
        settings.put("pending-requests", 2);
        ExecutorService clients = Executors.newFixedThreadPool(40);
        try (TestServer server = PushServers.start(settings)) {
            PushHttp http = new PushHttp(server.httpUrl());
            List<CompletableFuture<PushHttp.Answer>> flood = IntStream.range(0, 40)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.fromBrowser("GET", VAPID_KEY, null), clients))
                    .toList();
            List<PushHttp.Answer> answers = flood.stream().map(CompletableFuture::join).toList();

            assertThat(answers).extracting(PushHttp.Answer::status).containsOnly(200, 429).contains(200, 429);
            answers.stream().filter(a -> a.status() == 429).forEach(a -> assertBeamsError(a, 429));
            assertThat(http.fromBrowser("GET", VAPID_KEY, null).status()).isEqualTo(200);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aStoreThatIsThereIsOpenedAtStartWithItsKeys() {
        String key;
        try (TestServer server = PushServers.start(PushServers.settings(dataDir))) {
            key = new PushHttp(server.httpUrl()).fromBrowser("GET", VAPID_KEY, null).body().get("vapidPublicKey").asText();
        }
        try (TestServer server = PushServers.start(PushServers.settings(dataDir))) {
            assertThat(isOpen(dataDir)).isTrue();
            assertThat(new PushHttp(server.httpUrl()).fromBrowser("GET", VAPID_KEY, null).body()
                    .get("vapidPublicKey").asText()).isEqualTo(key);
        }
    }

    /**
     * While the store can't be made, a queue of requests is answered 503 together: those that waited
     * for a failed try share its answer rather than each trying again for the store's connection
     * timeout (10 s). The cause is logged once, not per request; the store is made once it can be.
     */
    @Test
    void aStoreThatCantBeMadeIsAnswered503AndTriedAgainAtTheNextRequest() throws Exception {
        Path store = dataDir.resolve("store");
        Logger serviceLog = (Logger) LoggerFactory.getLogger(PushHttpService.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        serviceLog.addAppender(lines);
        ExecutorService clients = Executors.newFixedThreadPool(40);
        try (TestServer server = PushServers.start(PushServers.settings(store))) {
            PushHttp http = new PushHttp(server.httpUrl());
            // The directory checked at start is replaced by a file: H2 can't make the database.
            Files.delete(store);
            Files.writeString(store, "not a directory");
            long started = System.nanoTime();
            List<PushHttp.Answer> refused = IntStream.range(0, 40)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.fromBrowser("GET", VAPID_KEY, null), clients))
                    .toList().stream().map(CompletableFuture::join).toList();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            refused.forEach(answer -> {
                assertBeamsError(answer, 503);
                assertThat(answer.body().get("description").asText()).contains("push store is unavailable");
            });
            // One try for the first request and at most one more for those that came after it failed,
            // not forty in turn (400 s).
            assertThat(took).isLessThan(Duration.ofSeconds(45));
            assertThat(lines.list).singleElement().satisfies(line -> {
                assertThat(line.getFormattedMessage()).startsWith("Answering push requests with 503: the push store failed");
                assertThat(line.getThrowableProxy()).isNotNull();
            });

            Files.delete(store);
            assertThat(http.fromBrowser("GET", VAPID_KEY, null).status()).isEqualTo(200);
            assertThat(exists(store)).isTrue();
        } finally {
            clients.shutdownNow();
            serviceLog.detachAppender(lines);
        }
    }

    @Test
    void aDataDirectoryThatCantBeMadeStopsTheStart() throws Exception {
        Path file = Files.writeString(dataDir.resolve("file"), "not a directory");
        ObjectNode settings = PushServers.settings(file.resolve("store"));
        assertThatThrownBy(() -> PushServers.start(settings)).hasStackTraceContaining("push data-dir");
    }
}
