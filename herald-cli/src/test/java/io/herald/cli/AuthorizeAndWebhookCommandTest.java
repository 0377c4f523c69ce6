package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.protocol.Crypto;
import io.herald.sdk.HeraldRest;
import io.herald.sdk.HeraldRestOptions;
import io.herald.sdk.auth.PresenceData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code herald authorize} signs exactly as the SDK does; {@code herald webhook verify} judges bodies. */
class AuthorizeAndWebhookCommandTest {

    private static final String KEY = "app-key";
    private static final String SECRET = "app-secret";
    private static final HeraldRest SDK = HeraldRest.create(HeraldRestOptions.builder()
            .appId("1").key(KEY).secret(SECRET).host("127.0.0.1").build());
    private static final String BODY = "{\"time_ms\":1700000000000,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"orders\"}]}";

    private static Cli cli() {
        return Cli.withoutEnvironment().env("PUSHER_KEY", KEY).env("PUSHER_SECRET", SECRET);
    }

    @Test
    void authorizePrintsWhatTheSdkReturnsForAPrivateChannel() {
        Cli.Result result = cli().run("authorize", "1234.5678", "private-orders");

        assertThat(result.out().strip()).isEqualTo(SDK.authorizeChannel("1234.5678", "private-orders"));
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void authorizePrintsWhatTheSdkReturnsForAPresenceChannel() {
        Cli.Result result = cli().run("authorize", "1234.5678", "presence-lobby",
                "--user-data", "{\"user_id\":\"42\",\"user_info\":{\"name\":\"Ada\"}}");

        assertThat(result.out().strip()).isEqualTo(
                SDK.authorizeChannel("1234.5678", "presence-lobby", PresenceData.of("42", Map.of("name", "Ada"))));
    }

    @Test
    void authorizeRefusesAMalformedSocketIdWithExit2() {
        cli().run("authorize", "nonsense", "private-orders").assertFailure(2, "nonsense");
    }

    @Test
    void authorizeOfAPresenceChannelWithoutUserDataIsExit2() {
        cli().run("authorize", "1.2", "presence-lobby").assertFailure(2, "--user-data");
    }

    @Test
    void webhookVerifyAcceptsAValidSignatureAndPrintsTheEvents() {
        Cli.Result result = cli().stdin(BODY).run("webhook", "verify", "--key", KEY, "--signature", Crypto.hmacSha256Hex(SECRET, BODY));

        JsonNode json = result.assertSuccess();
        assertThat(json.path("verdict").asText()).isEqualTo("VALID");
        assertThat(json.path("events").get(0).path("channel").asText()).isEqualTo("orders");
    }

    @Test
    void webhookVerifyRefusesABadSignatureWithExit1() {
        Cli.Result result = cli().stdin(BODY).run("webhook", "verify", "--key", KEY, "--signature", Crypto.hmacSha256Hex("other", BODY));

        assertThat(result.assertFailure(1, "bad signature").path("verdict").asText()).isEqualTo("BAD_SIGNATURE");
    }

    @Test
    void webhookVerifyRefusesAnUnknownKeyWithExit1() {
        Cli.Result result = cli().stdin(BODY).run("webhook", "verify", "--key", "someone-else", "--signature", Crypto.hmacSha256Hex(SECRET, BODY));

        assertThat(result.assertFailure(1, "unknown key").path("verdict").asText()).isEqualTo("UNKNOWN_KEY");
    }
}
