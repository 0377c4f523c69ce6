package io.herald.tests.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API's door over real HTTP: the token lets in, anything else is 401, and secrets never show. */
class AdminAccessHttpTest {

    private static final String TOKEN = "admin-token-for-tests-0123";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static TestServer withoutToken;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.adminToken(TOKEN));
        withoutToken = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        withoutToken.close();
    }

    @Test
    void theTokenListsTheAppsWithoutTheirSecrets() throws Exception {
        HttpResponse<String> answer = send(server, "GET", "/admin/v1/apps", "Bearer " + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode app = JSON.readTree(answer.body()).path("apps").get(0);
        assertThat(app.path("id").asText()).isEqualTo(TestServer.APP.id());
        assertThat(app.path("key").asText()).isEqualTo(TestServer.APP.key());
        assertThat(answer.body()).doesNotContain(TestServer.APP.secret()).doesNotContain("secret");
    }

    @Test
    void noTokenOrAWrongOneIs401WhateverThePath() throws Exception {
        for (String path : new String[] {"/admin/v1/apps", "/admin/v1/nothing-here"}) {
            assertThat(send(server, "GET", path, null).statusCode()).isEqualTo(401);
            assertThat(send(server, "GET", path, "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
            assertThat(send(server, "GET", path, TOKEN).statusCode()).as("no Bearer scheme").isEqualTo(401);
        }
    }

    @Test
    void anUnknownPathIs404AndAnotherMethod405() throws Exception {
        assertThat(send(server, "GET", "/admin/v1/nothing-here", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        assertThat(send(server, "GET", "/admin/v1/apps/no-such-app", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send(server, "PUT", "/admin/v1/apps", "Bearer " + TOKEN);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("\"error\"");
    }

    @Test
    void withoutAConfiguredTokenTheAdminApiIsNotThere() throws Exception {
        assertThat(send(withoutToken, "GET", "/admin/v1/apps", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> send(TestServer target, String method, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.httpUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
