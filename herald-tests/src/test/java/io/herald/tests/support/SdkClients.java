package io.herald.tests.support;

import io.herald.sdk.HeraldClient;
import io.herald.sdk.HeraldOptions;
import io.herald.server.app.App;
import io.herald.testkit.TestServer;

/** herald-sdk clients pointed at a test server. */
public final class SdkClients {

    private SdkClients() {
    }

    public static HeraldClient forServer(TestServer server, App app) {
        return HeraldClient.create(HeraldOptions.builder()
                .appId(app.id()).key(app.key()).secret(app.secret())
                .host("127.0.0.1").port(server.port()).useTls(false)
                .build());
    }
}
