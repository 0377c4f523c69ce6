package io.herald.apps;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.store.TestPostgres;
import io.herald.testkit.RedisServerProcess;
import io.herald.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Two nodes sharing a PostgreSQL app store and joined by the Redis adapter, which tells them of changes. */
class PostgresAppLifecycleTest extends AppLifecycleContract {

    private static TestPostgres postgres;
    private static RedisServerProcess redis;
    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void start() {
        postgres = TestPostgres.create();
        redis = RedisServerProcess.start();
        ObjectNode store = JsonNodeFactory.instance.objectNode().put("type", "postgresql").put("url", postgres.url());
        a = node(store);
        b = node(store);
    }

    private static TestServer node(ObjectNode store) {
        return TestServer.start(o -> o.adminToken(TOKEN).extension("apps-store", store)
                .adapter("redis").adapterSetting("redis-url", redis.url()).adapterSetting("redis-key-prefix", "apps-test:"));
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
        redis.close();
        postgres.close();
    }

    @Override
    TestServer nodeA() {
        return a;
    }

    @Override
    TestServer nodeB() {
        return b;
    }
}
