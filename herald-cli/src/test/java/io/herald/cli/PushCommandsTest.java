package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import io.herald.cli.Cli.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald push} where no server is needed: tokens signed locally, settings from flags, the env
 * file and the environment, and every input refused before anything is sent (exit 2), or a server
 * that is not there (exit 1).
 */
class PushCommandsTest {

    @TempDir
    Path dir;

    static Cli instance() {
        return Cli.withoutEnvironment().env("PUSHER_BEAMS_INSTANCE_ID", "instance-id")
                .env("PUSHER_BEAMS_SECRET_KEY", "instance-secret");
    }

    @Test
    void tokenPrintsAJwtSignedWithTheSecretKeyForTheUser() {
        Instant before = Instant.now();

        JsonNode json = instance().workingDirectory(dir).run("push", "token", "user-42").assertSuccess();

        DecodedJWT jwt = JWT.require(Algorithm.HMAC256("instance-secret"))
                .withIssuer("https://instance-id.pushnotifications.pusher.com").withSubject("user-42").build()
                .verify(json.path("token").asText());
        assertThat(json.path("user_id").asText()).isEqualTo("user-42");
        assertThat(Instant.parse(json.path("expires_at").asText())).isEqualTo(jwt.getExpiresAtAsInstant())
                .isBetween(before.plus(Duration.ofHours(24)).minusSeconds(1), Instant.now().plus(Duration.ofHours(24)));
    }

    @Test
    void tokenAsTextIsTheTokenAlone() {
        Result result = instance().workingDirectory(dir).run("push", "token", "u", "--output", "text");

        assertThat(result.exitCode()).isZero();
        assertThat(JWT.decode(result.out().strip()).getSubject()).isEqualTo("u");
    }

    @Test
    void flagsBeatTheEnvFileWhichBeatsTheEnvironment() throws IOException {
        Files.writeString(dir.resolve(".env"), "PUSHER_BEAMS_INSTANCE_ID=from-file\nPUSHER_BEAMS_SECRET_KEY='file-secret'\n");

        JsonNode fromFile = instance().workingDirectory(dir).run("push", "token", "u").assertSuccess();
        JsonNode fromFlag = instance().workingDirectory(dir).run("push", "token", "u", "--secret-key", "flag-secret").assertSuccess();

        JWT.require(Algorithm.HMAC256("file-secret")).withIssuer("https://from-file.pushnotifications.pusher.com").build()
                .verify(fromFile.path("token").asText());
        JWT.require(Algorithm.HMAC256("flag-secret")).build().verify(fromFlag.path("token").asText());
    }

    @Test
    void theInstanceIdAndSecretKeyAreNeverGuessed() {
        Cli.withoutEnvironment().workingDirectory(dir).run("push", "token", "u")
                .assertFailure(2, "no instance id configured: pass --instance-id, or set PUSHER_BEAMS_INSTANCE_ID");
        Cli.withoutEnvironment().workingDirectory(dir).env("PUSHER_BEAMS_INSTANCE_ID", "i").run("push", "delete-user", "u")
                .assertFailure(2, "no secret key configured: pass --secret-key, or set PUSHER_BEAMS_SECRET_KEY");
    }

    @Test
    void aUserIdOver164BytesIsRefused() {
        instance().workingDirectory(dir).run("push", "token", "é".repeat(83))
                .assertFailure(2, "at most 164 bytes of UTF-8, was 166");
        instance().workingDirectory(dir).run("push", "delete-user", "x".repeat(165))
                .assertFailure(2, "was 165");
    }

    @Test
    void publishInputIsCheckedBeforeAnythingIsSent() {
        Cli cli = instance().workingDirectory(dir).env("PUSHER_BEAMS_BASE_URL", "http://127.0.0.1:" + closedPort());

        cli.run("push", "publish", "--title", "t").assertFailure(2, "no target: pass --interest NAME or --user ID");
        cli.run("push", "publish", "-i", "a", "-u", "b", "--title", "t").assertFailure(2, "interests or to users, not both");
        cli.run("push", "publish", "-i", "a").assertFailure(2, "nothing to publish");
        cli.run("push", "publish", "-i", "a b", "--title", "t").assertFailure(2, "interest 'a b' has a character outside");
        cli.run("push", "publish", "-i", "a", "--title", "t", "--data", "{x").assertFailure(2, "--data is not valid JSON");
        cli.run("push", "publish", "-i", "a", "--title", "t", "--icon", "icon.png").assertFailure(2, "icon must be an absolute http(s) URL");
        cli.run("push", "publish", "-i", "a", "--title", "t", "--ttl", "29d").assertFailure(2, "time_to_live must be 0 to 2419200 seconds, was 2505600");
        List<String> args = new ArrayList<>(List.of("push", "publish", "--title", "t"));
        for (int i = 0; i <= 100; i++) {
            args.add("-i");
            args.add("i" + i);
        }
        JsonNode json = cli.run(args.toArray(String[]::new)).assertFailure(2, "at most 100 interests, got 101");
        assertThat(json.path("interests").size()).isEqualTo(101);
        assertThat(json.get("publish_id").isNull()).isTrue();
    }

    @Test
    void aServerThatIsDownIsANetworkErrorWithExit1() {
        int port = closedPort();

        JsonNode json = instance().workingDirectory(dir).run("push", "publish", "-i", "orders", "--title", "t",
                "--base-url", "http://127.0.0.1:" + port).assertFailure(1, "network error: cannot connect to http://127.0.0.1:" + port);

        assertThat(json.path("interests").toString()).isEqualTo("[\"orders\"]");
    }

    @Test
    void aMalformedBaseUrlIsAConfigurationError() {
        instance().workingDirectory(dir).run("push", "status", "pubid-1", "--base-url", "ftp://x")
                .assertFailure(2, "configuration: baseUrl must give a base URL");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
