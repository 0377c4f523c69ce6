package io.herald.tests.support;

import io.herald.sdk.HeraldRest;
import io.herald.sdk.HeraldRestOptions;
import io.herald.server.app.App;
import io.herald.testkit.TestServer;

/** herald-sdk clients pointed at a test server. */
public final class SdkClients {

    private SdkClients() {
    }

    public static HeraldRest forServer(TestServer server, App app) {
        return HeraldRest.create(HeraldRestOptions.builder()
                .appId(app.id()).key(app.key()).secret(app.secret())
                .host("127.0.0.1").port(server.port()).useTls(false)
                .build());
    }
}
