package io.herald.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.herald.sdk.HeraldAuthenticationException;
import io.herald.sdk.HeraldRest;
import io.herald.sdk.SdkTestSupport;
import io.herald.sdk.TriggerResult;
import io.herald.testkit.TestServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HttpTransportTest {

    @Test
    void requestsGoThroughTheConfiguredProxy() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            // A forward proxy receives the absolute URI of the target.
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getScheme() + "://"
                    + exchange.getRequestURI().getHost() + ":" + exchange.getRequestURI().getPort()
                    + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"event_id\":\"via-proxy\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        proxy.start();
        try {
            HeraldRest client = HeraldRest.create(SdkTestSupport.options(6001)
                    .host("herald.invalid")
                    .proxy("http://127.0.0.1:" + proxy.getAddress().getPort())
                    .build());
            TriggerResult result = client.trigger("news", "e", "x");
            assertThat(result.eventId()).isEqualTo("via-proxy");
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("POST http://herald.invalid:6001/apps/app-id/events");
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void useTlsSendsToAnHttpsUrl() {
        assertThat(SdkTestSupport.options(443).useTls(true).build().baseUri().toString()).isEqualTo("https://127.0.0.1:443");
    }

    @Test
    void debugLoggingNamesTheRequestButNeverTheSecretOrSignature() {
        Logger logger = (Logger) LoggerFactory.getLogger(JsonHttp.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level previous = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try (TestServer server = TestServer.start()) {
            HeraldRest client = SdkTestSupport.client(server);
            client.trigger("news", "e", "x");
            try {
                HeraldRest.create(SdkTestSupport.options(server.port()).secret("wrong-secret").build()).trigger("news", "e", "x");
            } catch (HeraldAuthenticationException expected) {
                // logged like any other answer
            }
            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).anyMatch(line -> line.startsWith("POST /apps/app-id/events -> 200"));
            assertThat(lines).anyMatch(line -> line.startsWith("POST /apps/app-id/events -> 401"));
            assertThat(String.join("\n", lines)).doesNotContain("app-secret").doesNotContain("wrong-secret")
                    .doesNotContain("auth_signature").doesNotContain(SdkTestSupport.MASTER_KEY_BASE64);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }
    }
}
