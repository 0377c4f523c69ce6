package io.herald.tests.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.server.HeraldServer;
import io.herald.server.config.ServerOptions;
import io.herald.server.tls.ServerTls;
import io.herald.server.tls.TlsException;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestCa;
import io.herald.testkit.TestServer;
import io.herald.tests.compat.NodeRun;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Herald serving wss:// and https:// with a certificate from a CA made for the test: the official
 * clients (pusher-js, the pusher Node SDK, pusher-http-java) connect, subscribe and publish over it;
 * a renewed certificate reaches new connections while open ones stay; files that can't be used stop
 * the start with the file named.
 */
class TlsTest {

    private static final Path SCRIPT_DIR = Path.of("src", "test", "js");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path dir;
    private TestCa ca;
    private TestCa.Issued first;
    private Path certFile;
    private Path keyFile;
    private TestServer server;

    @BeforeEach
    void start() {
        ca = TestCa.create();
        first = ca.issue();
        certFile = dir.resolve("server.crt");
        keyFile = dir.resolve("server.key");
        first.writeTo(certFile, keyFile);
        server = TestServer.start(b -> b.tls(certFile, keyFile).plainPort(0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pusherJsSubscribesOverWssAndTheNodeSdkPublishesOverHttps() throws Exception {
        JsonNode result = runPusherJs();

        assertThat(result.get("received").get("text").asText()).isEqualTo("over TLS");
        assertThat(new BigInteger(result.get("serial").asText(), 16)).isEqualTo(first.serial());
    }

    @Test
    void pusherHttpJavaPublishesOverHttpsToAWssSubscriber() {
        try (RecordingClient subscriber = RecordingClient.connect(wssUrl(), ca.clientContext())) {
            subscriber.subscribe("tls-news");
            subscriber.assertSubscribed("tls-news");
            Pusher pusher = new Pusher(TestServer.APP.id(), TestServer.APP.key(), TestServer.APP.secret());
            pusher.setHost("127.0.0.1:" + server.port());
            pusher.setEncrypted(true);
            // The library's builder has its own connection manager, which is where the trusted CAs go.
            pusher.configureHttpClient(Pusher.defaultHttpClientBuilder().setConnectionManager(
                    new PoolingHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory>create()
                            .register("https", new SSLConnectionSocketFactory(ca.clientContext())).build())));

            Result triggered = pusher.trigger("tls-news", "headline", Map.of("text", "over TLS"));

            assertThat(triggered.getStatus()).as(triggered.getMessage()).isEqualTo(Result.Status.SUCCESS);
            assertThat(subscriber.awaitEvent("headline").data().asText()).contains("over TLS");
        }
    }

    @Test
    void aRenewedCertificateReachesNewConnectionsWhileOpenOnesStay() throws Exception {
        try (RecordingClient stays = RecordingClient.connect(wssUrl(), ca.clientContext())) {
            stays.subscribe("tls-news");
            stays.assertSubscribed("tls-news");

            // A renewal that isn't whole yet (the new certificate beside the old key) is refused; the old one stays.
            TestCa.Issued renewed = ca.issue();
            TestCa.replace(certFile, TestCa.pem("CERTIFICATE", renewed.certificate().getEncoded()));
            assertThat(server.server().reloadTls()).isFalse();
            assertThat(certificateOfANewConnection().getSerialNumber()).isEqualTo(first.serial());

            // Whole: picked up by the periodic check, no signal, no restart.
            renewed.writeTo(certFile, keyFile);
            Eventually.check(ServerTls.CHECK_INTERVAL.multipliedBy(3), () ->
                    assertThat(certificateOfANewConnection().getSerialNumber()).isEqualTo(renewed.serial()));

            JsonNode pusherJs = runPusherJs();
            assertThat(new BigInteger(pusherJs.get("serial").asText(), 16)).isEqualTo(renewed.serial());
            assertThat(stays.awaitEvent("headline").data().asText())
                    .as("the connection opened with the old certificate still gets events").contains("over TLS");
        }
    }

    @Test
    void thePlainPortServesWsAndHttpBesideTheTlsPort() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.server().plainPort() + "/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        try (RecordingClient plain = RecordingClient.connect("ws://127.0.0.1:" + server.server().plainPort()
                + "/app/" + TestServer.APP.key() + "?protocol=7")) {
            assertThat(plain.socketId()).isNotNull();
        }
    }

    @Test
    void filesThatCantBeUsedStopTheStartNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.crt");
        assertStartFails(missing, keyFile).hasMessageStartingWith("tls-cert " + missing + " can't be read");

        Path notACertificate = dir.resolve("key-as-cert.pem");
        Files.copy(keyFile, notACertificate);
        assertStartFails(notACertificate, keyFile).hasMessageStartingWith("tls-cert " + notACertificate + " is not a PEM");

        Path othersKey = dir.resolve("other.key");
        Files.writeString(othersKey, TestCa.pem("PRIVATE KEY", TestCa.ecKeys().getPrivate().getEncoded()));
        assertStartFails(certFile, othersKey).hasMessage("tls-key " + othersKey
                + " is not the private key of the certificate in tls-cert " + certFile + " (CN=localhost)");

        Path oldFormat = dir.resolve("rsa.key");
        Files.writeString(oldFormat, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertStartFails(certFile, oldFormat).hasMessageStartingWith("tls-key " + oldFormat + " holds no unencrypted PKCS#8")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertStartFails(Path cert, Path key) {
        return assertThatThrownBy(() -> HeraldServer.start(ServerOptions.builder().host("127.0.0.1").port(0)
                .tls(cert, key).build()).close()).isInstanceOf(TlsException.class);
    }

    private JsonNode runPusherJs() throws IOException, InterruptedException {
        Path caFile = dir.resolve("ca.pem");
        ca.writeCertificate(caFile);
        NodeRun run = NodeRun.run(SCRIPT_DIR, SCRIPT_TIMEOUT, Map.of("NODE_EXTRA_CA_CERTS", caFile.toString()),
                "pusher-tls.mjs", "--port", String.valueOf(server.port()));
        assertThat(run.finished()).as("pusher-tls.mjs finished; output:%n%s", run.output()).isTrue();
        List<JsonNode> lines = run.jsonLines();
        assertThat(run.exitCode()).as("pusher-tls.mjs output:%n%s", run.output()).isZero();
        return lines.get(0);
    }

    private X509Certificate certificateOfANewConnection() {
        try (SSLSocket socket = (SSLSocket) ca.clientContext().getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        } catch (IOException e) {
            throw new AssertionError("TLS handshake with the server failed", e);
        }
    }

    private String wssUrl() {
        return "wss://127.0.0.1:" + server.port() + "/app/" + TestServer.APP.key() + "?protocol=7&client=java&version=1";
    }
}
