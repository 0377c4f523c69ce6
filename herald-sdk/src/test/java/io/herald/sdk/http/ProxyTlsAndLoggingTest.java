package io.herald.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.herald.sdk.HeraldAuthenticationException;
import io.herald.sdk.HeraldHttpException;
import io.herald.sdk.HeraldNetworkException;
import io.herald.sdk.HeraldRest;
import io.herald.sdk.HeraldRestOptions;
import io.herald.sdk.SdkTestSupport;
import io.herald.sdk.push.HeraldPush;
import io.herald.sdk.push.HeraldPushOptions;
import io.herald.sdk.push.PublishRequest;
import io.herald.sdk.push.WebNotification;
import io.herald.testkit.AuthenticatingProxy;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.SelfSignedTls;
import io.herald.testkit.TestServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Transport settings end to end: an authenticating proxy, a private CA's TLS, failures logged at WARN. */
class ProxyTlsAndLoggingTest {

    @Test
    void proxyCredentialsAreSentAsProxyAuthorization() throws Exception {
        try (TestServer server = TestServer.start();
             RecordingClient subscriber = server.connect();
             AuthenticatingProxy proxy = AuthenticatingProxy.start("herald", "p@ss:w0rd")) {
            subscriber.subscribe("news");
            subscriber.assertSubscribed("news");
            HeraldRest viaProxy = HeraldRest.create(SdkTestSupport.options(server.port()).proxy(proxy.urlWithCredentials()).build());

            viaProxy.trigger("news", "via-proxy", "{\"n\":1}");

            assertThat(proxy.nextRequest()).startsWith("200 POST http://127.0.0.1:" + server.port() + "/apps/app-id/events?");
            assertThat(subscriber.awaitEvent("via-proxy").json().get("n").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aProxyThatWantsCredentialsRefusesARequestWithout() throws Exception {
        try (TestServer server = TestServer.start(); AuthenticatingProxy proxy = AuthenticatingProxy.start("herald", "secret")) {
            HeraldRest noCredentials = HeraldRest.create(SdkTestSupport.options(server.port()).proxy(proxy.url()).build());
            HeraldRest wrongPassword = HeraldRest.create(SdkTestSupport.options(server.port())
                    .proxy("http://herald:guess@127.0.0.1:" + proxy.port()).build());

            assertThatThrownBy(() -> noCredentials.trigger("news", "e", "x"))
                    .isInstanceOf(HeraldHttpException.class).extracting(e -> ((HeraldHttpException) e).status()).isEqualTo(407);
            assertThat(proxy.nextRequest()).startsWith("407 POST");
            assertThatThrownBy(() -> wrongPassword.trigger("news", "e", "x")).isInstanceOf(HeraldHttpException.class);
            assertThat(proxy.nextRequest()).startsWith("407 POST");
        }
    }

    @Test
    void toStringNeverPrintsTheProxyPassword() {
        HeraldRestOptions options = SdkTestSupport.options(6001).proxy("http://herald:pr0xy-pa55@proxy.local:3128").build();
        assertThat(options.toString()).contains("proxy=http://herald:***@proxy.local:3128").doesNotContain("pr0xy-pa55");
        assertThat(options.proxy().getUserInfo()).isEqualTo("herald:pr0xy-pa55");
        assertThatThrownBy(() -> SdkTestSupport.options(6001).proxy("http://herald:pr0xy-pa55@proxy.local").build())
                .hasMessageContaining("proxy must look like").hasMessageNotContaining("pr0xy-pa55");
    }

    @Test
    void aCustomSslContextTrustsAPrivateCertificateForBothClients() throws Exception {
        SelfSignedTls tls = new SelfSignedTls();
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls.jdkServerContext()));
        https.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"event_id\":\"over-tls\",\"publishId\":\"pubid-over-tls\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        https.start();
        try {
            HeraldRestOptions.Builder options = SdkTestSupport.options(https.getAddress().getPort()).useTls(true);
            HeraldRest trusting = HeraldRest.create(options.sslContext(tls.clientContext()).build());
            HeraldRest defaultTrust = HeraldRest.create(options.sslContext(null).build());

            assertThat(trusting.trigger("news", "e", "x").eventId()).isEqualTo("over-tls");
            assertThatThrownBy(() -> defaultTrust.trigger("news", "e", "x")).isInstanceOf(HeraldNetworkException.class);

            HeraldPushOptions.Builder push = HeraldPushOptions.builder().instanceId("i").secretKey("s")
                    .baseUrl("https://127.0.0.1:" + https.getAddress().getPort());
            PublishRequest request = PublishRequest.web(WebNotification.of("Shipped", "Order 42"));
            assertThat(HeraldPush.create(push.sslContext(tls.clientContext()).build()).publishToInterests(List.of("orders"), request))
                    .isEqualTo("pubid-over-tls");
            assertThatThrownBy(() -> HeraldPush.create(push.sslContext(null).build()).publishToInterests(List.of("orders"), request))
                    .isInstanceOf(HeraldNetworkException.class);
        } finally {
            https.stop(0);
        }
    }

    @Test
    void failedRequestsAreLoggedAtWarnAndSuccessfulOnesAtDebug() {
        List<ILoggingEvent> events = logged(() -> {
            try (TestServer server = TestServer.start()) {
                SdkTestSupport.client(server).trigger("news", "e", "x");
                assertThatThrownBy(() -> HeraldRest.create(SdkTestSupport.options(server.port()).secret("wrong-secret").build())
                        .trigger("news", "e", "x")).isInstanceOf(HeraldAuthenticationException.class);
            }
            assertThatThrownBy(() -> SdkTestSupport.unreachableClient().trigger("news", "e", "x"))
                    .isInstanceOf(HeraldNetworkException.class);
        });
        assertThat(events).anyMatch(e -> e.getLevel() == Level.DEBUG && e.getFormattedMessage().startsWith("POST /apps/app-id/events -> 200"));
        assertThat(events).anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().startsWith("POST /apps/app-id/events -> 401"));
        assertThat(events).anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().startsWith("POST /apps/app-id/events failed after"));
        assertThat(events).noneMatch(e -> e.getFormattedMessage().contains("wrong-secret") || e.getFormattedMessage().contains("auth_signature"));
    }

    /** What {@link JsonHttp} logs, DEBUG and up, while {@code action} runs. */
    private static List<ILoggingEvent> logged(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(JsonHttp.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level previous = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            action.run();
            return List.copyOf(appender.list);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }
    }
}
