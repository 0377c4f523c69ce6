package io.herald.tests.api;

import static io.herald.tests.api.ApiAssertions.assertOk;
import static io.herald.tests.api.ApiAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.app.App;
import io.herald.testkit.ApiClient;
import io.herald.testkit.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which requests reach an endpoint: unknown apps and paths (404), disabled apps (403), wrong methods (405), health checks. */
class ApiRoutingTest {

    private static final App DISABLED = App.builder("off-id", "off-key", "off-secret").enabled(false).build();
    private static final String BODY = Bodies.trigger("flash", "{}", "news").toString();

    private static TestServer server;
    private static ApiClient api;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(b -> b.addApp(TestServer.APP).addApp(DISABLED));
        api = server.api();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void unknownAppIdIs404() {
        assertRefused(api.post("/apps/no-such-app/events", BODY), 404, "no-such-app");
    }

    @Test
    void unknownPathUnderAnAppIs404() {
        assertRefused(api.get("/apps/app-id/nothing-here", Map.of()), 404, "/apps/app-id/nothing-here");
        assertRefused(api.post("/apps/app-id/events/extra", BODY), 404, "/apps/app-id/events/extra");
    }

    @Test
    void unknownPathOutsideTheApiIs404() {
        assertRefused(api.sendRaw("GET", "/nothing-here", ""), 404, "/nothing-here");
    }

    @Test
    void disabledAppIs403AfterAValidSignatureAnd401Before() {
        ApiClient disabledApi = server.api(DISABLED);

        assertRefused(disabledApi.post("/apps/off-id/events", BODY), 403, "disabled");
        assertRefused(disabledApi.get("/apps/off-id/channels", Map.of()), 403, "disabled");
        SignedRequest badSignature = SignedRequest.post(DISABLED, "/apps/off-id/events", BODY)
                .withParam("auth_signature", "0".repeat(64));
        assertRefused(badSignature.send(disabledApi), 401, "signature");
    }

    @Test
    void wrongMethodIs405() {
        assertRefused(api.get("/apps/app-id/events", Map.of()), 405, "POST");
        assertRefused(api.get("/apps/app-id/batch_events", Map.of()), 405, "POST");
        assertRefused(api.post("/apps/app-id/channels", "{}"), 405, "GET");
        assertRefused(api.post("/apps/app-id/channels/news", "{}"), 405, "GET");
        assertRefused(api.send("DELETE", "/apps/app-id/channels/presence-room/users", Map.of(), "", true), 405, "GET");
    }

    @Test
    void healthAndReadyAnswer200() {
        assertOk(api.sendRaw("GET", "/health", ""));
        ApiClient.Result ready = api.sendRaw("GET", "/ready", "");
        assertOk(ready);
        assertThat(ready.body().get("ready").asBoolean()).isTrue();
    }
}
