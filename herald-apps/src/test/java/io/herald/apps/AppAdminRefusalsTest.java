package io.herald.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.store.TestPostgres;
import io.herald.testkit.AdminClient;
import io.herald.testkit.ApiClient;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad app definitions are refused with the field named; an unreachable database is a clear error. */
class AppAdminRefusalsTest {

    private static final String TOKEN = AppLifecycleContract.TOKEN;
    private static Path dataDir;
    private static TestServer server;
    private static AdminClient admin;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("herald-apps-");
        ObjectNode store = JsonNodeFactory.instance.objectNode().put("type", "embedded").put("data-dir", dataDir.toString());
        server = TestServer.start(o -> o.adminToken(TOKEN).extension("apps-store", store));
        admin = new AdminClient(server.httpUrl(), TOKEN);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void badDefinitionsAreRefusedWithTheFieldNamed() {
        refused(admin.post("/admin/v1/apps", "{\"id\":\"" + TestServer.APP.id() + "\"}"), 409, "id");
        refused(admin.post("/admin/v1/apps", "{\"id\":\"fresh\",\"key\":\"" + TestServer.APP.key() + "\"}"), 409, "key");
        refused(admin.post("/admin/v1/apps", "{\"id\":\"fresh\",\"secret\":\"\"}"), 422, "secret");
        refused(admin.post("/admin/v1/apps", "{\"id\":\"fresh\",\"max_connections\":-1}"), 422, "max_connections");
        refused(admin.post("/admin/v1/apps", "{\"id\":\"fresh\",\"limits\":{\"max_channels\":0}}"), 422, "limits.max_channels");
        refused(admin.post("/admin/v1/apps", "{\"id\":\"fresh\",\"webhooks\":[{\"url\":\"ftp://x\",\"events\":[\"channel_occupied\"]}]}"),
                422, "webhooks[0].url");
        refused(admin.post("/admin/v1/apps", "{\"id\":\"fresh\",\"colour\":\"red\"}"), 422, "colour");
        refused(admin.post("/admin/v1/apps", "{\"id\":\"has/slash\"}"), 422, "id");
        refused(admin.post("/admin/v1/apps", "{\"id\":"), 400, "JSON");
        refused(admin.post("/admin/v1/apps", "[1]"), 400, "JSON object");
        refused(admin.patch("/admin/v1/apps/" + TestServer.APP.id(), "{\"secret\":\"mine\"}"), 422, "rotate-secret");
        refused(admin.patch("/admin/v1/apps/" + TestServer.APP.id(), "{\"client_events\":\"sometimes\"}"), 422, "client_events");
        refused(admin.patch("/admin/v1/apps/nobody", "{\"enabled\":false}"), 404, "nobody");
        refused(admin.post("/admin/v1/apps/" + TestServer.APP.id() + "/rotate-secret", "{\"grace\":\"soon\"}"), 422, "grace");
        refused(admin.delete("/admin/v1/apps/nobody"), 404, "nobody");

        assertThat(admin.get("/admin/v1/apps").body().path("apps")).hasSize(1);
        assertThat(admin.get("/admin/v1/apps/" + TestServer.APP.id()).body().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void aDuplicateKeyOnUpdateIsAConflict() {
        assertThat(admin.post("/admin/v1/apps", "{\"id\":\"other\",\"key\":\"other-key\"}").status()).isEqualTo(201);
        refused(admin.patch("/admin/v1/apps/other", "{\"key\":\"" + TestServer.APP.key() + "\"}"), 409, "key");
        assertThat(admin.delete("/admin/v1/apps/other").status()).isEqualTo(200);
    }

    @Test
    void withAppsFromTheConfigurationChangesAre409() {
        try (TestServer fromFile = TestServer.start(o -> o.adminToken(TOKEN))) {
            AdminClient fileAdmin = new AdminClient(fromFile.httpUrl(), TOKEN);
            refused(fileAdmin.post("/admin/v1/apps", "{\"id\":\"fresh\"}"), 409, "configuration file");
            refused(fileAdmin.patch("/admin/v1/apps/" + TestServer.APP.id(), "{\"enabled\":false}"), 409, "configuration file");
            refused(fileAdmin.post("/admin/v1/apps/" + TestServer.APP.id() + "/rotate-secret", ""), 409, "configuration file");
            assertThat(fileAdmin.get("/admin/v1/apps").status()).isEqualTo(200);
        }
    }

    @Test
    void aDatabaseDownAtStartStopsTheNodeWithAClearError() {
        ObjectNode store = JsonNodeFactory.instance.objectNode().put("type", "postgresql")
                .put("url", "jdbc:postgresql://127.0.0.1:1/nothing?user=postgres").put("connection-timeout", "1s");
        assertThatThrownBy(() -> TestServer.start(o -> o.extension("apps-store", store)))
                .hasMessageContaining("apps-store: cannot open the PostgreSQL app store at jdbc:postgresql://127.0.0.1:1/nothing");
    }

    @Test
    void whileTheDatabaseIsDownCachedAppsServeAndChangesAre503() {
        TestPostgres postgres = TestPostgres.create();
        ObjectNode store = JsonNodeFactory.instance.objectNode().put("type", "postgresql").put("url", postgres.url())
                .put("connection-timeout", "1s");
        try (TestServer node = TestServer.start(o -> o.adminToken(TOKEN).extension("apps-store", store))) {
            AdminClient nodeAdmin = new AdminClient(node.httpUrl(), TOKEN);
            assertThat(nodeAdmin.post("/admin/v1/apps", "{\"id\":\"kept\",\"key\":\"kept-key\"}").status()).isEqualTo(201);
            postgres.close(); // drops the database, closing the node's connections

            refused(nodeAdmin.post("/admin/v1/apps", "{\"id\":\"late\"}"), 503, "unreachable");
            try (RecordingClient client = RecordingClient.connect(node.webSocketUrl("kept-key"))) {
                assertThat(client.socketId()).as("a cached app still connects").isNotNull();
            }
            assertThat(node.api().post("/apps/" + TestServer.APP.id() + "/events",
                    "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"{}\"}").status()).isEqualTo(200);
            assertThat(nodeAdmin.get("/admin/v1/apps").body().path("apps")).hasSize(2);
        }
    }

    private static void refused(ApiClient.Result answer, int status, String naming) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.body().path("error").asText()).contains(naming);
    }
}
