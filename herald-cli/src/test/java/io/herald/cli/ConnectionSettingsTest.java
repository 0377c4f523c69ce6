package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.sdk.HeraldRestOptions;
import io.herald.testkit.AuthenticatingProxy;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The connection settings of issue 14 as the commands read them: proxy, keep-alive, TLS default, empty variables. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionSettingsTest {

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void proxyFlagSendsItsCredentials() throws Exception {
        try (AuthenticatingProxy proxy = AuthenticatingProxy.start("herald", "pa55:word");
             RecordingClient subscriber = server.connect()) {
            subscriber.subscribe("proxied");
            subscriber.assertSubscribed("proxied");

            Cli.forServer(server).run("trigger", "-c", "proxied", "-e", "e", "-m", "x", "--proxy", proxy.urlWithCredentials())
                    .assertSuccess();
            Cli.forServer(server).env("PUSHER_PROXY", proxy.url()).run("trigger", "-c", "proxied", "-e", "e", "-m", "x")
                    .assertFailure(1, "HTTP 407");

            assertThat(proxy.nextRequest()).startsWith("200 POST http://127.0.0.1:" + server.port() + "/apps/");
            assertThat(proxy.nextRequest()).startsWith("407 POST");
            subscriber.awaitEvent("e");
        }
    }

    @Test
    void aMalformedProxyIsAUsageErrorThatHidesTheCredentials() {
        Cli.Result result = Cli.forServer(server).run("trigger", "-c", "a", "-e", "e", "-m", "x", "--proxy", "http://u:hidden@proxy");
        result.assertFailure(2, "--proxy must look like http://[USER:PASSWORD@]HOST:PORT");
        assertThat(result.out()).doesNotContain("hidden");
    }

    @Test
    void keepAliveCanBeTurnedOff() {
        Cli.forServer(server).run("trigger", "-c", "a", "-e", "e", "-m", "x", "--no-keep-alive").assertSuccess();
        Cli.forServer(server).run("trigger", "-c", "a", "-e", "e", "-m", "x", "--keep-alive").assertSuccess();
    }

    @Test
    void anEmptyPusherUrlLeavesTheLocalDefaultsAlone() {
        Cli.forServer(server).env("PUSHER_URL", "").run("trigger", "-c", "a", "-e", "e", "-m", "x").assertSuccess();
    }

    @Test
    void aNamedHostOnAnotherPortThan443SpeaksPlainHttpUnlessAsked() {
        Cli.forServer(server).env("PUSHER_HOST", "127.0.0.1").run("trigger", "-c", "a", "-e", "e", "-m", "x").assertSuccess();
        Cli.forServer(server).env("PUSHER_HOST", "127.0.0.1").env("PUSHER_ENCRYPTED", "true")
                .run("trigger", "-c", "a", "-e", "e", "-m", "x", "--timeout", "3s")
                .assertFailure(1, "https://127.0.0.1:" + server.port());
    }

    @Test
    void subscribeGoesToTheClustersWebSocketHost() {
        HeraldRestOptions.Builder app = HeraldRestOptions.builder().appId("1").key("k").secret("s");
        assertThat(SubscribeCommand.realtimeHost(app.cluster("eu").build())).isEqualTo("ws-eu.pusher.com");
        assertThat(SubscribeCommand.realtimeHost(app.cluster("eu").build().toBuilder().build())).isEqualTo("ws-eu.pusher.com");
        assertThat(SubscribeCommand.realtimeHost(app.host("herald.local").build())).isEqualTo("herald.local");
    }
}
