package io.herald.tests.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.store.TestPostgres;
import io.herald.testkit.ServerProcess;
import io.herald.tests.push.WebPushTestingProcess.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The delivery queue is in the store: two nodes in separate processes sharing one PostgreSQL database
 * deliver every push exactly once, and a publish a node answered 200 just before {@code kill -9} is
 * delivered to every device once the node is back. web-push-testing receives and decrypts every push.
 */
class PushDurabilityTest {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(2);

    private static WebPushTestingProcess pushService;

    @BeforeAll
    static void startPushService() throws Exception {
        pushService = WebPushTestingProcess.start();
    }

    @AfterAll
    static void stopPushService() {
        if (pushService != null) {
            pushService.close();
        }
    }

    @Test
    void twoNodesOnOnePostgresDeliverEachPushExactlyOnce(@TempDir Path dataDir) throws Exception {
        try (TestPostgres db = TestPostgres.create();
             ServerProcess a = PushNode.postgres(dataDir.resolve("a"), db.url());
             ServerProcess b = PushNode.postgres(dataDir.resolve("b"), db.url())) {
            BeamsHttp viaA = PushNode.beams(a);
            BeamsHttp viaB = PushNode.beams(b);
            assertThat(viaB.vapidPublicKey()).as("one VAPID key per instance, kept in the store").isEqualTo(viaA.vapidPublicKey());
            Map<String, Subscription> devices = register(60, "cluster", viaA, viaB);

            List<String> publishIds = List.of(
                    viaA.publishToInterests(List.of("cluster"), "one"),
                    viaB.publishToInterests(List.of("cluster"), "two"),
                    viaA.publishToInterests(List.of("cluster"), "three"));

            Map<String, List<String>> received = awaitDeliveries(devices, ids -> ids.size() >= publishIds.size());
            Thread.sleep(QUIET.toMillis()); // a duplicate would arrive now
            received = publishIdsAt(devices);
            List<JsonNode> statuses = publishIds.stream().map(viaA::publishStatus).toList();
            received.forEach((device, ids) -> assertThat(ids).as("publishes received by device %s; publish statuses %s",
                    device, statuses).containsExactlyInAnyOrderElementsOf(publishIds));
            for (String device : devices.keySet()) {
                assertThat(viaA.deviceStatus(device)).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest(name = "{0} store")
    @ValueSource(strings = {"embedded", "postgres"})
    void aPublishAnsweredJustBeforeKill9IsDeliveredAfterRestart(String store, @TempDir Path dataDir) throws Exception {
        int deviceCount = 150;
        try (TestPostgres db = store.equals("postgres") ? TestPostgres.create() : null) {
            String jdbcUrl = db == null ? null : db.url();
            ServerProcess node = start(dataDir, jdbcUrl);
            String publishId;
            Map<String, Subscription> devices;
            try {
                BeamsHttp beams = PushNode.beams(node);
                devices = register(deviceCount, "crash", beams);
                publishId = beams.publishToInterests(List.of("crash"), "survives a crash");
            } finally {
                node.kill();
            }
            long deliveredBeforeKill = publishIdsAt(devices).values().stream().filter(ids -> !ids.isEmpty()).count();
            assertThat(deliveredBeforeKill).as("devices served before the kill: the kill must come first to prove anything")
                    .isLessThan(deviceCount);

            try (ServerProcess restarted = start(dataDir, jdbcUrl)) {
                Map<String, List<String>> received = awaitDeliveries(devices, ids -> !ids.isEmpty());
                received.forEach((device, ids) -> assertThat(ids).as("device %s", device).isNotEmpty().containsOnly(publishId));
                long duplicates = received.values().stream().mapToLong(ids -> ids.size() - 1L).sum();
                System.out.printf("%s store: %d of %d devices served before kill -9, all %d after restart, %d duplicates%n",
                        store, deliveredBeforeKill, deviceCount, deviceCount, duplicates);
            }
        }
    }

    private static ServerProcess start(Path dataDir, String jdbcUrl) throws Exception {
        return jdbcUrl == null ? PushNode.embedded(dataDir) : PushNode.postgres(dataDir, jdbcUrl);
    }

    /** Registers {@code count} devices on {@code interest} as the web SDK does, spread over the nodes. */
    private static Map<String, Subscription> register(int count, String interest, BeamsHttp... nodes) {
        String vapidKey = nodes[0].vapidPublicKey();
        Map<String, Subscription> devices = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            BeamsHttp node = nodes[i % nodes.length];
            Subscription subscription = pushService.subscribe(vapidKey);
            String deviceId = node.registerDevice(subscription);
            node.addInterest(deviceId, interest);
            devices.put(deviceId, subscription);
        }
        return devices;
    }

    /** Waits until every device's received publish ids satisfy {@code done}; fails naming the devices that lag. */
    private static Map<String, List<String>> awaitDeliveries(Map<String, Subscription> devices, Predicate<List<String>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        Map<String, List<String>> received = publishIdsAt(devices);
        while (!received.values().stream().allMatch(done) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            received = publishIdsAt(devices);
        }
        Map<String, List<String>> lagging = new LinkedHashMap<>(received);
        lagging.values().removeIf(done);
        assertThat(lagging).as("devices still waiting after %s", DELIVERY_TIMEOUT).isEmpty();
        return received;
    }

    /** Each device's received pushes, as their {@code data.pusher.publishId}. */
    private static Map<String, List<String>> publishIdsAt(Map<String, Subscription> devices) {
        Map<String, List<String>> received = new LinkedHashMap<>();
        devices.forEach((device, subscription) -> {
            List<String> ids = new ArrayList<>();
            for (JsonNode push : pushService.messages(subscription)) {
                ids.add(push.path("data").path("pusher").path("publishId").asText());
            }
            received.put(device, ids);
        });
        return received;
    }
}
