package io.herald.tests.api;

import static io.herald.tests.api.ApiAssertions.assertOk;
import static io.herald.tests.api.ApiAssertions.assertRefused;

import io.herald.protocol.Limits;
import io.herald.server.app.App;
import io.herald.testkit.ApiClient;
import io.herald.testkit.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API enforces each app's own {@link Limits}: a small app's limits don't apply to its neighbour. */
class AppLimitsTest {

    private static final Limits SMALL_LIMITS = new Limits(100, 2, 2,
            Limits.DEFAULT_MAX_PRESENCE_MEMBERS, Limits.DEFAULT_MAX_USER_INFO_BYTES, Limits.DEFAULT_MAX_USER_ID_LENGTH,
            20, 20, Limits.DEFAULT_CLIENT_EVENTS_PER_SECOND, Limits.DEFAULT_MAX_CHANNELS_PER_CONNECTION,
            Limits.DEFAULT_MAX_CHANNELS);
    private static final App SMALL = App.builder("small-id", "small-key", "small-secret").limits(SMALL_LIMITS).build();
    private static final String THREE_CHANNELS = Bodies.trigger("flash", "{}", "a", "b", "c").toString();

    private static TestServer server;
    private static ApiClient defaultApi;
    private static ApiClient smallApi;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(b -> b.addApp(TestServer.APP).addApp(SMALL));
        defaultApi = server.api();
        smallApi = server.api(SMALL);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void channelsPerTriggerIsLimitedPerApp() {
        assertOk(smallApi.post("/apps/small-id/events", Bodies.trigger("flash", "{}", "a", "b").toString()));
        assertRefused(smallApi.post("/apps/small-id/events", THREE_CHANNELS), 400, "2");
        assertOk(defaultApi.post("/apps/app-id/events", THREE_CHANNELS));
    }

    @Test
    void payloadSizeIsLimitedPerApp() {
        String over100Bytes = Bodies.trigger("flash", "x".repeat(101), "a").toString();

        assertOk(smallApi.post("/apps/small-id/events", Bodies.trigger("flash", "x".repeat(100), "a").toString()));
        assertRefused(smallApi.post("/apps/small-id/events", over100Bytes), 413, "100");
        assertOk(defaultApi.post("/apps/app-id/events", over100Bytes));
    }

    @Test
    void batchSizeIsLimitedPerApp() {
        String threeEvents = Bodies.batch(List.of(
                Bodies.batchItem("e", "{}", "a"), Bodies.batchItem("e", "{}", "b"), Bodies.batchItem("e", "{}", "c"))).toString();

        assertRefused(smallApi.post("/apps/small-id/batch_events", threeEvents), 400, "2");
        assertOk(defaultApi.post("/apps/app-id/batch_events", threeEvents));
    }

    @Test
    void nameLengthsAreLimitedPerApp() {
        String longEventName = Bodies.trigger("e".repeat(21), "{}", "a").toString();
        String longChannelName = Bodies.trigger("flash", "{}", "c".repeat(21)).toString();

        assertRefused(smallApi.post("/apps/small-id/events", longEventName), 400, "20");
        assertRefused(smallApi.post("/apps/small-id/events", longChannelName), 400, "20");
        assertOk(defaultApi.post("/apps/app-id/events", longEventName));
        assertOk(defaultApi.post("/apps/app-id/events", longChannelName));
    }
}
