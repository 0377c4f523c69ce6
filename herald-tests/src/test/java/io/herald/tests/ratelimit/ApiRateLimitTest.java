package io.herald.tests.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.app.App;
import io.herald.testkit.ApiClient;
import io.herald.testkit.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-app HTTP API rate limits: 429 beyond the configured requests per second, other apps unaffected. */
class ApiRateLimitTest {

    private static final App LIMITED = App.builder("limited", "limited-key", "limited-secret").apiRequestsPerSecond(5).build();
    private static final App FREE = App.builder("free", "free-key", "free-secret").build();

    @Test
    void requestsBeyondTheAppsLimitPerSecondGet429() {
        try (TestServer server = TestServer.start(b -> b.apps(List.of(LIMITED, FREE)))) {
            ApiClient api = server.api(LIMITED);
            List<Integer> statuses = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                statuses.add(api.get("/apps/limited/channels", Map.of()).status());
            }
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            if (elapsedMillis < 1000) { // all in one window: exactly the budget passes
                assertThat(statuses.subList(0, 5)).containsOnly(200);
                assertThat(statuses.subList(5, 8)).containsOnly(429);
            } else {
                assertThat(statuses).contains(429);
            }
            assertThat(api.get("/apps/limited/channels", Map.of()).body().get("error").asText()).contains("5");
        }
    }

    @Test
    void oneAppsLimitDoesNotSlowAnother() {
        try (TestServer server = TestServer.start(b -> b.apps(List.of(LIMITED, FREE)))) {
            for (int i = 0; i < 10; i++) {
                server.api(LIMITED).get("/apps/limited/channels", Map.of());
            }

            for (int i = 0; i < 20; i++) {
                assertThat(server.api(FREE).get("/apps/free/channels", Map.of()).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void unsignedRequestsDoNotUseUpTheBudget() {
        try (TestServer server = TestServer.start(b -> b.apps(List.of(LIMITED)))) {
            ApiClient api = server.api(LIMITED);
            for (int i = 0; i < 10; i++) {
                assertThat(api.send("GET", "/apps/limited/channels", Map.of(), "", false).status()).isEqualTo(401);
            }

            assertThat(api.get("/apps/limited/channels", Map.of()).status()).isEqualTo(200);
        }
    }
}
