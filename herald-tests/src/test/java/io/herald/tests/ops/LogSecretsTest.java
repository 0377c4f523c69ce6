package io.herald.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.protocol.ChannelAuth;
import io.herald.sdk.HeraldAuthenticationException;
import io.herald.sdk.push.BeamsToken;
import io.herald.sdk.push.HeraldPush;
import io.herald.sdk.push.HeraldPushOptions;
import io.herald.server.app.App;
import io.herald.testkit.AdminClient;
import io.herald.testkit.ApiClient;
import io.herald.testkit.BeamsWebDevice;
import io.herald.testkit.ConsoleClient;
import io.herald.testkit.PushTestServer;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.ServerProcess;
import io.herald.tests.support.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code herald server} process logging everything at TRACE in {@code log-format: json}, through a
 * session full of secrets (right and wrong channel signatures, sign-ins, signed and badly signed API
 * calls, signed webhooks with a failure and a retry, the admin token on the admin API and the console
 * feed, Beams tokens and the push instance's secret key, right and wrong): every line is a JSON object
 * of the documented shape, and no secret, token or signature appears anywhere in the output.
 */
class LogSecretsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTANCE = "log-instance";

    @Test
    void jsonLinesWithoutSecrets(@TempDir Path dir) throws Exception {
        App app = App.of("log-app", "log-key", "secret-" + randomHex(16));
        String adminToken = "admin-" + randomHex(16);
        String instanceSecret = "instance-" + randomHex(16);
        List<String> secrets = new ArrayList<>(List.of(app.secret(), adminToken, instanceSecret));
        String log;
        try (WebhookReceiver receiver = WebhookReceiver.start(app)) {
            Path config = dir.resolve("herald.yml");
            Files.writeString(config, """
                    log-format: json
                    admin-token: %s
                    webhook-batch-window: 20ms
                    webhook-retry-backoff: 50ms
                    apps:
                      - id: %s
                        key: %s
                        secret: %s
                        webhooks:
                          - url: %s
                            events: [channel_occupied, member_added, client_event]
                    push:
                      endpoint-hosts: "http://127.0.0.1"
                      instances:
                        - id: %s
                          secret: %s
                    """.formatted(adminToken, app.id(), app.key(), app.secret(), receiver.url(), INSTANCE, instanceSecret));
            receiver.refuseNext(1); // a failed webhook request, then its retry
            String logback = Path.of("target/test-classes/logback-everything.xml").toAbsolutePath().toString();
            try (ServerProcess server = ServerProcess.start(
                    List.of("env", "JAVA_TOOL_OPTIONS=-Dlogback.configurationFile=" + logback), config)) {
                session(server, app, secrets);
                operatorSession(server, app, adminToken, secrets);
                pushSession(server, instanceSecret, secrets);
                receiver.nextEvent();
                receiver.nextEvent();
                receiver.nextEvent();
                receiver.deliveries().forEach(d -> secrets.add(d.signature()));
                log = server.log();
            }
        }
        assertThat(log).contains("Refused a subscription", "Refused an API request");
        for (String secret : secrets) {
            assertThat(log).as("the log mentions a secret or signature").doesNotContain(secret);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("Picked up JAVA_TOOL_OPTIONS")) {
                continue; // the JVM's own notice of the launcher's variable, before logging starts
            }
            JsonNode json = JSON.readTree(line);
            assertThat(json.fieldNames()).toIterable().contains("timestamp", "level", "logger", "thread", "message");
            assertThat(json.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
            lines.add(json);
        }
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.get("message").asText()).startsWith("Refused a subscription");
            assertThat(line.get("app_id").asText()).isEqualTo(app.id());
            assertThat(line.get("socket_id").asText()).matches("\\d+\\.\\d+");
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.get("message").asText()).startsWith("Refused an API request with 401");
            assertThat(line.get("app_id").asText()).isEqualTo(app.id());
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.get("message").asText()).startsWith("Herald is running"));
    }

    /** Everything that carries a secret, right or wrong; each signature goes into {@code secrets}. */
    private static void session(ServerProcess server, App app, List<String> secrets) {
        try (RecordingClient alice = RecordingClient.connect(server.webSocketUrl(app.key()));
             RecordingClient bob = RecordingClient.connect(server.webSocketUrl(app.key()))) {
            String wrong = randomHex(32);
            secrets.add(wrong);
            alice.subscribe("private-room", ChannelAuth.authString(app.key(), wrong), null);
            alice.assertSubscriptionError("private-room", 401);
            secrets.add(ChannelAuth.channelSignature(app.secret(), alice.socketId(), "private-room", null));
            alice.subscribeSigned(app, "private-room");
            alice.assertSubscribed("private-room");
            String channelData = "{\"user_id\":\"u1\",\"user_info\":{}}";
            secrets.add(ChannelAuth.channelSignature(app.secret(), bob.socketId(), "presence-room", channelData));
            bob.subscribePresence(app, "presence-room", "u1", "{}");
            bob.assertSubscribed("presence-room");
            String userData = "{\"id\":\"u1\"}";
            secrets.add(ChannelAuth.userSignature(app.secret(), bob.socketId(), userData));
            bob.signIn(app, userData);
            bob.awaitEvent("pusher:signin_success");
            alice.send("client-typing", "private-room", JsonNodeFactory.instance.objectNode().put("x", 1));

            ApiClient api = ApiClient.of(server.httpUrl(), app);
            String body = "{\"name\":\"news\",\"channel\":\"private-room\",\"data\":\"{}\"}";
            String path = "/apps/" + app.id() + "/events";
            Map<String, String> signed = api.signedQuery("POST", path, Map.of(), body, System.currentTimeMillis() / 1000);
            secrets.add(signed.get("auth_signature"));
            assertThat(api.sendRaw("POST", path + "?" + ApiClient.encode(signed), body).status()).isEqualTo(200);
            Map<String, String> forged = new HashMap<>(signed);
            String wrongApi = randomHex(32);
            secrets.add(wrongApi);
            forged.put("auth_signature", wrongApi);
            assertThat(api.sendRaw("POST", path + "?" + ApiClient.encode(forged), body).status()).isEqualTo(401);
            alice.awaitEvent("news");
        }
    }

    /** The admin token, right and wrong, on the admin API and the console feed's login. */
    private static void operatorSession(ServerProcess server, App app, String adminToken, List<String> secrets) {
        String wrong = "admin-" + randomHex(16);
        secrets.add(wrong);
        assertThat(new AdminClient(server.httpUrl(), adminToken).get("/admin/v1/apps").status()).isEqualTo(200);
        assertThat(new AdminClient(server.httpUrl(), wrong).get("/admin/v1/apps").status()).isEqualTo(401);
        try (ConsoleClient console = ConsoleClient.watch(server.httpUrl(), adminToken, app.id());
             ConsoleClient refused = ConsoleClient.connect(server.httpUrl(),
                     "{\"token\":\"" + wrong + "\",\"app\":\"" + app.id() + "\"}")) {
            assertThat(refused.closeCode(RecordingClient.TIMEOUT)).isEqualTo(4401);
        }
    }

    /**
     * The instance's secret key on publishes and Beams tokens on a device's sign-in, each right and
     * wrong; a token's signature (its last part) counts as a secret of its own.
     */
    private static void pushSession(ServerProcess server, String instanceSecret, List<String> secrets) {
        String wrongSecret = "instance-" + randomHex(16);
        secrets.add(wrongSecret);
        HeraldPush push = push(server, instanceSecret);
        HeraldPush impostor = push(server, wrongSecret);
        BeamsWebDevice device = BeamsWebDevice.register(server.httpUrl(), INSTANCE, PushTestServer.unreachableEndpoint());
        BeamsToken token = push.generateToken("u1");
        BeamsToken forged = impostor.generateToken("u1");
        for (BeamsToken t : List.of(token, forged)) {
            secrets.add(t.token());
            secrets.add(t.token().substring(t.token().lastIndexOf('.') + 1));
        }
        assertThat(device.signIn(token.token()).status()).isEqualTo(200);
        assertThat(device.signIn(forged.token()).status()).isEqualTo(401);
        Map<String, ?> web = Map.of("web", Map.of("notification", Map.of("title", "Hello")));
        assertThat(push.publishToInterests(List.of("hello"), web)).startsWith("pubid-");
        assertThatThrownBy(() -> impostor.publishToInterests(List.of("hello"), web))
                .isInstanceOf(HeraldAuthenticationException.class);
    }

    private static HeraldPush push(ServerProcess server, String secretKey) {
        return HeraldPush.create(HeraldPushOptions.builder().instanceId(INSTANCE).secretKey(secretKey)
                .baseUrl(server.httpUrl()).build());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
