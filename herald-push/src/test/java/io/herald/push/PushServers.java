package io.herald.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.TestServer;
import java.nio.file.Path;

/** Herald servers with push notifications configured through the server's {@code push:} block. */
final class PushServers {

    private PushServers() {
    }

    /**
     * The settings tests share: the embedded store in {@code dataDir}, quick retries and polls, and
     * plain http to 127.0.0.1 allowed, where {@link TestPushService} listens.
     */
    static ObjectNode settings(Path dataDir) {
        ObjectNode push = PushHttp.JSON.createObjectNode();
        push.put("data-dir", dataDir.toString());
        push.put("endpoint-hosts", "http://127.0.0.1");
        push.put("retry-backoff", "200ms");
        push.put("poll-interval", "100ms");
        push.put("request-timeout", "5s");
        return push;
    }

    static TestServer start(ObjectNode push) {
        return TestServer.start(b -> b.extension("push", push));
    }
}
