package io.herald.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.app.App;
import io.herald.testkit.AdminClient;
import io.herald.testkit.ApiClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An app's life through the admin API of node A, seen by clients of node B: created (B accepts its
 * key within 1 s), its secret rotated (both secrets sign during the grace, only the new one after),
 * disabled (B closes its client with 4003 and refuses its API calls), deleted (4001, 404). A client of
 * another app stays connected throughout. Subclasses give two nodes sharing a store.
 */
abstract class AppLifecycleContract {

    static final String TOKEN = "admin-token-for-tests-0123";
    static final Duration PROPAGATION = Duration.ofSeconds(1);

    abstract TestServer nodeA();

    abstract TestServer nodeB();

    @Test
    void anAppCreatedOnOneNodeServesOnTheOtherThenRotatesIsDisabledAndDeleted() throws Exception {
        AdminClient admin = new AdminClient(nodeA().httpUrl(), TOKEN);
        RecordingClient bystander = nodeB().connect();
        bystander.established();

        // create: key and secret generated, the secret shown once
        ApiClient.Result created = admin.post("/admin/v1/apps", "{\"id\":\"shop\",\"max_connections\":10}");
        Instant createdAt = Instant.now();
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String key = created.body().path("key").asText();
        String secret = created.body().path("secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(created.body().path("max_connections").asInt()).isEqualTo(10);
        App app = App.of("shop", key, secret);

        RecordingClient shopClient = connectWithin(nodeB(), key);
        assertThat(Duration.between(createdAt, Instant.now())).isLessThan(PROPAGATION.plusMillis(500));
        assertThat(nodeB().api(app).post("/apps/shop/events", event()).status()).isEqualTo(200);
        assertThat(admin.get("/admin/v1/apps").body().toString()).doesNotContain(secret);

        // rotate with a short grace: both secrets work on B, then only the new one
        ApiClient.Result rotated = admin.post("/admin/v1/apps/shop/rotate-secret", "{\"grace\":\"3s\"}");
        assertThat(rotated.status()).as(rotated.body().toString()).isEqualTo(200);
        App renewed = App.of("shop", key, rotated.body().path("secret").asText());
        assertThat(renewed.secret()).isNotEqualTo(secret);
        Instant graceEnds = Instant.parse(rotated.body().path("previous_secret_expires").asText());
        Eventually.check(PROPAGATION, () -> assertThat(nodeB().api(renewed).post("/apps/shop/events", event()).status())
                .isEqualTo(200));
        assertThat(nodeB().api(app).post("/apps/shop/events", event()).status()).as("old secret in the grace").isEqualTo(200);
        shopClient.subscribeSigned(app, "private-orders");
        shopClient.assertSubscribed("private-orders");
        shopClient.subscribeSigned(renewed, "private-invoices");
        shopClient.assertSubscribed("private-invoices");
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), graceEnds).toMillis() + 200));
        assertThat(nodeB().api(app).post("/apps/shop/events", event()).status()).as("old secret after the grace").isEqualTo(401);
        assertThat(nodeB().api(renewed).post("/apps/shop/events", event()).status()).isEqualTo(200);
        shopClient.subscribeSigned(app, "private-late");
        shopClient.assertSubscriptionError("private-late", 401);

        // disable: B closes the client with 4003 and refuses API calls
        ApiClient.Result disabled = admin.patch("/admin/v1/apps/shop", "{\"enabled\":false}");
        assertThat(disabled.status()).as(disabled.body().toString()).isEqualTo(200);
        assertThat(disabled.body().path("enabled").asBoolean()).isFalse();
        assertThat(disabled.body().path("max_connections").asInt()).as("other fields kept").isEqualTo(10);
        assertThat(shopClient.closeCode(PROPAGATION)).isEqualTo(4003);
        assertThat(nodeB().api(renewed).post("/apps/shop/events", event()).status()).isEqualTo(403);

        // enabled again, then deleted: 4001 and 404
        assertThat(admin.patch("/admin/v1/apps/shop", "{\"enabled\":true}").status()).isEqualTo(200);
        RecordingClient again = connectWithin(nodeB(), key);
        ApiClient.Result deleted = admin.delete("/admin/v1/apps/shop");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(again.closeCode(PROPAGATION)).isEqualTo(4001);
        assertThat(nodeB().api(renewed).post("/apps/shop/events", event()).status()).isEqualTo(404);
        assertThat(admin.get("/admin/v1/apps/shop").status()).isEqualTo(404);

        assertThat(bystander.isClosed()).as("a client of another app is untouched").isFalse();
        bystander.close();
    }

    @Test
    void aLoweredMaxConnectionsRefusesNewConnectionsOnly() {
        AdminClient admin = new AdminClient(nodeA().httpUrl(), TOKEN);
        ApiClient.Result created = admin.post("/admin/v1/apps", "{\"id\":\"capped\",\"key\":\"capped-key\"}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        RecordingClient first = connectWithin(nodeB(), "capped-key");
        assertThat(admin.patch("/admin/v1/apps/capped", "{\"max_connections\":1}").status()).isEqualTo(200);
        Eventually.check(PROPAGATION, () -> {
            try (RecordingClient second = RecordingClient.connect(nodeB().webSocketUrl("capped-key"))) {
                assertThat(second.socketId()).as("refused").isNull();
                assertThat(second.closeCode(PROPAGATION)).isEqualTo(4004);
            }
        });
        assertThat(first.isClosed()).as("the connection already there stays").isFalse();
        first.close();
        assertThat(admin.delete("/admin/v1/apps/capped").status()).isEqualTo(200);
    }

    /** A client of {@code key} on {@code node}, trying until the node knows the key (within {@link #PROPAGATION}). */
    static RecordingClient connectWithin(TestServer node, String key) {
        RecordingClient[] connected = new RecordingClient[1];
        Eventually.check(PROPAGATION, () -> {
            RecordingClient attempt = RecordingClient.connect(node.webSocketUrl(key));
            if (attempt.socketId() == null) {
                attempt.close();
            }
            assertThat(attempt.socketId()).as("connected with key " + key).isNotNull();
            connected[0] = attempt;
        });
        return connected[0];
    }

    private static String event() {
        return "{\"name\":\"order\",\"channel\":\"orders\",\"data\":\"{}\"}";
    }

}
