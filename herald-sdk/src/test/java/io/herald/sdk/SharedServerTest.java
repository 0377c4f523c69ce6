package io.herald.sdk;

import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One test server and one SDK client for all the tests of a class, which keep apart by using
 * channel names of their own. Per-class instance, so classes never share the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedServerTest {

    protected TestServer server;
    protected HeraldRest herald;

    @BeforeAll
    void startServer() {
        server = TestServer.start();
        herald = SdkTestSupport.client(server);
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    /** A new socket subscribed to the public {@code channel}. */
    protected RecordingClient subscribed(String channel) {
        RecordingClient client = server.connect();
        client.subscribe(channel);
        client.assertSubscribed(channel);
        return client;
    }

    /** A new socket that joined the presence {@code channel} as {@code userId}. */
    protected RecordingClient joined(String channel, String userId, String userInfoJson) {
        RecordingClient client = server.connect();
        client.subscribePresence(TestServer.APP, channel, userId, userInfoJson);
        client.assertSubscribed(channel);
        return client;
    }
}
