package io.herald.sdk;

import static io.herald.sdk.SdkTestSupport.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.herald.protocol.Crypto;
import io.herald.protocol.RequestSigning;
import io.herald.testkit.ApiClient;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * sendToUser and terminateUserConnections against Herald, and the exact requests they make against a
 * small signature-checking HTTP server.
 */
class UsersTest {

    @Test
    void sendToUserTriggersOnTheServerToUserChannel() {
        try (TestServer server = TestServer.start()) {
            HeraldRest herald = client(server);
            TriggerResult result = herald.sendToUser("42", "welcome", Map.of("hello", "you"));
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.eventId()).isNotBlank();
            assertThat(herald.sendToUserAsync("42", "welcome", "again").join().eventId()).isNotBlank();
            assertThatThrownBy(() -> herald.sendToUser(" ", "welcome", "x")).isInstanceOf(HeraldValidationException.class);
        }
    }

    @Test
    void sendToUserNamesTheServerToUserChannelInTheRequest() throws IOException {
        try (SigningCheckServer fake = new SigningCheckServer()) {
            HeraldRest herald = HeraldRest.create(SdkTestSupport.options(fake.port()).build());
            herald.sendToUser("42", "welcome", "x");
            Captured request = fake.next();
            assertThat(request.path()).isEqualTo("/apps/app-id/events");
            assertThat(request.body()).contains("\"channels\":[\"#server-to-user-42\"]").contains("\"name\":\"welcome\"");
        }
    }

    @Test
    void terminateUserConnectionsPostsASignedRequestToTheUsersPath() throws IOException {
        try (SigningCheckServer fake = new SigningCheckServer()) {
            HeraldRest herald = HeraldRest.create(SdkTestSupport.options(fake.port()).build());
            ApiResponse response = herald.terminateUserConnections("user-7");
            assertThat(response.status()).isEqualTo(200);
            Captured request = fake.next();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/apps/app-id/users/user-7/terminate_connections");
            assertThat(request.signatureValid()).as("signature checked with herald-protocol").isTrue();

            assertThat(herald.terminateUserConnectionsAsync("user-8").join().status()).isEqualTo(200);
            assertThat(fake.next().path()).isEqualTo("/apps/app-id/users/user-8/terminate_connections");
        }
    }

    @Test
    void terminateUserConnectionsIsAcceptedByHerald() {
        try (TestServer server = TestServer.start()) {
            assertThat(client(server).terminateUserConnections("42").status()).isEqualTo(200);
        }
    }

    /** A request as the fake server saw it, and whether its signature held. */
    record Captured(String method, String path, String body, boolean signatureValid) {
    }

    /** Records requests and checks their signature the way Herald does: herald-protocol over the raw path. */
    static final class SigningCheckServer implements AutoCloseable {

        private final HttpServer http;
        private final BlockingQueue<Captured> requests = new LinkedBlockingQueue<>();

        SigningCheckServer() throws IOException {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/", this::handle);
            http.start();
        }

        int port() {
            return http.getAddress().getPort();
        }

        Captured next() {
            try {
                Captured request = requests.poll(5, TimeUnit.SECONDS);
                assertThat(request).as("a request within 5 s").isNotNull();
                return request;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> query = ApiClient.decode(exchange.getRequestURI().getRawQuery());
            String path = exchange.getRequestURI().getRawPath();
            String expected = RequestSigning.signature(TestServer.APP.secret(), exchange.getRequestMethod(), path, query);
            boolean valid = Crypto.constantTimeEquals(expected, query.get(RequestSigning.AUTH_SIGNATURE))
                    && TestServer.APP.key().equals(query.get(RequestSigning.AUTH_KEY))
                    && (body.length == 0 || Crypto.md5Hex(body).equals(query.get(RequestSigning.BODY_MD5)));
            requests.add(new Captured(exchange.getRequestMethod(), path, new String(body, StandardCharsets.UTF_8), valid));
            byte[] answer = (valid ? "{}" : "{\"error\":\"bad signature\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(valid ? 200 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
