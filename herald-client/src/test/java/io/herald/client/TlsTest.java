package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.SelfSignedTls;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code wss://} against a TLS server with a self-signed certificate the client is told to trust. */
class TlsTest {

    private static final SelfSignedTls TLS = new SelfSignedTls();

    @Test
    void connectsOverTlsWithTheGivenTrust() throws Exception {
        ClientRecorder recorder = new ClientRecorder();
        try (ScriptedServer server = new ScriptedServer(true, TLS.serverContext());
             HeraldRealtime client = new HeraldRealtime(Clients.options(server.port()).tls(true)
                     .sslContext(TLS.clientContext()).build())) {
            client.addConnectionListener(recorder);
            client.connect();
            recorder.awaitState(ConnectionState.CONNECTED);
            assertThat(client.socketId()).isEqualTo("1.1");
        }
    }

    @Test
    void refusesAServerItDoesNotTrust() throws Exception {
        ClientRecorder recorder = new ClientRecorder();
        try (ScriptedServer server = new ScriptedServer(true, TLS.serverContext());
             HeraldRealtime client = new HeraldRealtime(Clients.options(server.port()).tls(true)
                     .reconnectInitialDelay(Duration.ofSeconds(5)).reconnectMaxDelay(Duration.ofSeconds(5)).build())) {
            client.addConnectionListener(recorder);
            client.connect();
            ConnectionStateChange refused = recorder.awaitState(ConnectionState.RECONNECTING);
            assertThat(refused.closeCode()).isEqualTo(1006);
            assertThat(refused.reason()).containsIgnoringCase("SSL");
            assertThat(server.connections()).isZero();
        }
    }
}
