package io.herald.push;

import static io.herald.push.DeviceApiTest.assertBeamsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The publish API's refusals, each a Beams error with the status the SDKs expect. */
@Timeout(120)
class PublishApiTest {

    private static final String PUBLISH = "/publish_api/v1/instances/instance-id/publishes";

    @TempDir
    Path dataDir;
    TestServer server;
    PushHttp http;

    @BeforeEach
    void start() {
        server = PushServers.start(PushServers.settings(dataDir));
        http = new PushHttp(server.httpUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PushHttp.Answer publish(String path, String body) {
        return http.send("POST", path, body, "Authorization", "Bearer instance-secret");
    }

    @Test
    void theOlderPathIsAnAliasOfInterests() {
        PushHttp.Answer answer = publish(PUBLISH, "{\"interests\":[\"a\"],\"web\":{\"notification\":{\"title\":\"x\"}}}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().size()).isEqualTo(1);
        assertThat(answer.body().get("publishId").asText()).startsWith("pubid-");
    }

    @Test
    void credentialsAndInstanceAreChecked() {
        String body = "{\"interests\":[\"a\"],\"web\":{}}";
        assertBeamsError(http.send("POST", PUBLISH + "/interests", body), 401);
        assertBeamsError(http.send("POST", PUBLISH + "/interests", body, "Authorization", "Bearer wrong"), 401);
        assertBeamsError(http.send("POST", PUBLISH + "/interests", body, "Authorization", "Basic aW5zdGFuY2Utc2VjcmV0"), 401);
        assertBeamsError(http.send("POST", "/publish_api/v1/instances/nope/publishes/interests", body,
                "Authorization", "Bearer instance-secret"), 404);
        assertBeamsError(http.send("GET", PUBLISH + "/interests", null, "Authorization", "Bearer instance-secret"), 405);
    }

    @Test
    void malformedAndInvalidBodiesAreRefused() {
        assertBeamsError(publish(PUBLISH + "/interests", "{"), 400);
        assertBeamsError(publish(PUBLISH + "/interests", "[]"), 400);
        assertBeamsError(publish(PUBLISH + "/interests", "{\"web\":{}}"), 422);
        assertBeamsError(publish(PUBLISH + "/interests", "{\"interests\":[],\"web\":{}}"), 422);
        assertBeamsError(publish(PUBLISH + "/interests", "{\"interests\":[\"bad name\"],\"web\":{}}"), 422);
        assertBeamsError(publish(PUBLISH + "/interests", "{\"interests\":[1],\"web\":{}}"), 422);
        assertBeamsError(publish(PUBLISH + "/interests", "{\"interests\":[\"a\"]}"), 422);
        assertBeamsError(publish(PUBLISH + "/interests", "{\"interests\":[\"a\"],\"web\":\"x\"}"), 422);
        assertBeamsError(publish(PUBLISH + "/interests", "{\"interests\":[\"a\"],\"web\":{\"time_to_live\":-1}}"), 422);
        assertBeamsError(publish(PUBLISH + "/interests",
                "{\"interests\":[\"a\"],\"web\":{\"notification\":{\"title\":5}}}"), 422);
        assertBeamsError(publish(PUBLISH + "/interests",
                "{\"interests\":[\"a\"],\"web\":{\"notification\":{\"deep_link\":\"javascript:x\"}}}"), 422);
        assertBeamsError(publish(PUBLISH + "/users", "{\"users\":[\"\"],\"web\":{}}"), 422);
        assertBeamsError(publish(PUBLISH + "/users", "{\"users\":[\"" + "é".repeat(83) + "\"],\"web\":{}}"), 422);
    }

    @Test
    void limitsAreBeamsLimits() {
        StringBuilder interests = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            interests.append(i == 0 ? "" : ",").append("\"i").append(i).append('"');
        }
        assertBeamsError(publish(PUBLISH + "/interests", "{\"interests\":[" + interests + "],\"web\":{}}"), 422);
        String big = "x".repeat(10 * 1024);
        assertBeamsError(publish(PUBLISH + "/interests",
                "{\"interests\":[\"a\"],\"web\":{\"data\":{\"big\":\"" + big + "\"}}}"), 413);
        assertBeamsError(publish(PUBLISH + "/interests",
                "{\"interests\":[\"a\"],\"web\":{\"data\":{\"big\":\"" + "x".repeat(5000) + "\"}}}"), 422);
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            users.append(i == 0 ? "" : ",").append("\"u").append(i).append('"');
        }
        assertBeamsError(publish(PUBLISH + "/users", "{\"users\":[" + users + "],\"web\":{}}"), 422);
        assertThat(publish(PUBLISH + "/users", "{\"users\":[\"" + "é".repeat(82) + "\"],\"web\":{}}").status())
                .isEqualTo(200);
    }
}
