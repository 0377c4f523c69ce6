package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.ApiClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.function.Consumer;

/** Builds clients against a test server, with short reconnect delays, and publishes through the API. */
final class Clients {

    private Clients() {
    }

    static ClientOptions.Builder options(TestServer server) {
        return options(server.port());
    }

    static ClientOptions.Builder options(int port) {
        return ClientOptions.builder(TestServer.APP.key())
                .host("127.0.0.1")
                .port(port)
                .reconnectInitialDelay(Duration.ofMillis(100))
                .reconnectMaxDelay(Duration.ofMillis(500));
    }

    /** A client connected to {@code server} whose every callback {@code recorder} records. */
    static HeraldClient connected(TestServer server, ClientRecorder recorder) {
        return connected(server, recorder, b -> { });
    }

    static HeraldClient connected(TestServer server, ClientRecorder recorder, Consumer<ClientOptions.Builder> customizer) {
        ClientOptions.Builder builder = options(server);
        customizer.accept(builder);
        HeraldClient client = new HeraldClient(builder.build());
        client.addConnectionListener(recorder).bindGlobal(recorder);
        client.connect();
        recorder.awaitState(ConnectionState.CONNECTED);
        return client;
    }

    /** Subscribes with {@code recorder} as the channel's listener, and waits for the confirmation. */
    static Channel subscribed(HeraldClient client, ClientRecorder recorder, String channelName) {
        Channel channel = client.subscribe(channelName, recorder);
        if (channel instanceof PresenceChannel presence) {
            presence.addPresenceListener(recorder);
        }
        recorder.awaitSubscribed(channelName);
        return channel;
    }

    /** Publishes an event through the signed HTTP API and checks it was accepted. */
    static void publish(TestServer server, String channel, String event, String data) {
        String body = "{\"name\":\"" + event + "\",\"channel\":\"" + channel + "\",\"data\":" + quote(data) + "}";
        ApiClient.Result result = server.api().post("/apps/" + TestServer.APP.id() + "/events", body);
        assertThat(result.status()).as(result.body().toString()).isEqualTo(200);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
