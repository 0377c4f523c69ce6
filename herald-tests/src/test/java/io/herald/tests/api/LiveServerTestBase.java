package io.herald.tests.api;

import io.herald.testkit.ApiClient;
import io.herald.tests.LiveServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the API tests that query live subscriptions: a fresh {@link LiveServer} per test, so
 * each test sees only the channels it opened, closed with its clients after the test.
 */
abstract class LiveServerTestBase {

    LiveServer server;
    ApiClient api;

    @BeforeEach
    void startServer() {
        server = LiveServer.start();
        api = server.api();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
