package io.herald.tests.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.config.ServerOptions;
import io.herald.testkit.AdminClient;
import io.herald.testkit.ConsoleClient;
import io.herald.testkit.TestServer;
import org.junit.jupiter.api.Test;

/** With {@code admin-port} the admin API and the console are served there only: the main port no longer answers them. */
class AdminPortTest {

    private static final String TOKEN = "admin-token-for-tests-0123";

    @Test
    void theAdminApiMovesToItsOwnPort() {
        try (TestServer server = TestServer.start(b -> b.adminToken(TOKEN).adminPort(0))) {
            int adminPort = server.server().adminPort();
            assertThat(adminPort).isNotIn(ServerOptions.ADMIN_ON_MAIN_PORT, server.port());
            AdminClient onAdminPort = new AdminClient("http://127.0.0.1:" + adminPort, TOKEN);
            AdminClient onMainPort = new AdminClient(server.httpUrl(), TOKEN);

            assertThat(onAdminPort.get("/admin/v1/apps").status()).isEqualTo(200);
            assertThat(onAdminPort.get("/admin/v1/apps").body().path("apps").get(0).path("id").asText())
                    .isEqualTo(TestServer.APP.id());
            assertThat(new AdminClient("http://127.0.0.1:" + adminPort, TOKEN + "x").get("/admin/v1/apps").status())
                    .isEqualTo(401);
            assertThat(onMainPort.get("/admin/v1/apps").status()).isEqualTo(404);
            assertThat(onAdminPort.get("/health").status()).as("nothing else on the admin port").isEqualTo(404);
            assertThat(server.api().post("/apps/" + TestServer.APP.id() + "/events",
                    "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"{}\"}").status()).as("the main port serves on").isEqualTo(200);
        }
    }

    @Test
    void theConsoleMovesWithIt() {
        try (TestServer server = TestServer.start(b -> b.adminToken(TOKEN).adminPort(0))) {
            String adminUrl = "http://127.0.0.1:" + server.server().adminPort();
            var page = new AdminClient(adminUrl, TOKEN).get("/console");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().asText()).contains("<html");
            assertThat(new AdminClient(server.httpUrl(), TOKEN).get("/console").status()).isEqualTo(404);

            try (ConsoleClient console = ConsoleClient.watch(adminUrl, TOKEN, TestServer.APP.id())) {
                server.api().post("/apps/" + TestServer.APP.id() + "/events",
                        "{\"name\":\"seen\",\"channel\":\"on-admin-port\",\"data\":\"{}\"}");
                assertThat(console.await(e -> e.path("type").asText().equals("api_event")).path("channel").asText())
                        .isEqualTo("on-admin-port");
            }
        }
    }
}
