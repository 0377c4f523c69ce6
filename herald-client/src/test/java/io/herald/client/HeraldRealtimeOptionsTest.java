package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.protocol.HeraldVersion;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeraldRealtimeOptionsTest {

    @Test
    void buildsThePusherUrlForPlainAndTlsConnections() {
        assertThat(HeraldRealtimeOptions.builder("k").host("example.com").port(6001).build().webSocketUri())
                .hasToString("ws://example.com:6001/app/k?protocol=7&client=herald-java&version=" + HeraldVersion.current());
        assertThat(HeraldRealtimeOptions.builder("k").host("ws.example.com").port(443).tls(true).build().webSocketUri())
                .hasScheme("wss").hasPort(443).hasPath("/app/k");
    }

    @Test
    void defaultsAreTheDocumentedConstants() {
        HeraldRealtimeOptions options = HeraldRealtimeOptions.builder("k").build();
        assertThat(options.host()).isEqualTo(HeraldRealtimeOptions.DEFAULT_HOST);
        assertThat(options.port()).isEqualTo(HeraldRealtimeOptions.DEFAULT_PORT);
        assertThat(options.tls()).isFalse();
        assertThat(options.activityTimeout()).isEqualTo(HeraldRealtimeOptions.DEFAULT_ACTIVITY_TIMEOUT);
        assertThat(options.reconnectMaxDelay()).isEqualTo(HeraldRealtimeOptions.DEFAULT_RECONNECT_MAX_DELAY);
        assertThat(options.userAuthenticator()).isNull();
        assertThat(options.signinOnConnect()).isFalse();
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> HeraldRealtimeOptions.builder(" ").build()).hasMessageContaining("key");
        assertThatThrownBy(() -> HeraldRealtimeOptions.builder("k").port(0).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> HeraldRealtimeOptions.builder("k").pongTimeout(Duration.ZERO).build())
                .hasMessageContaining("pongTimeout");
        assertThatThrownBy(() -> HeraldRealtimeOptions.builder("k").reconnectInitialDelay(Duration.ofSeconds(5))
                .reconnectMaxDelay(Duration.ofSeconds(1)).build()).hasMessageContaining("reconnectMaxDelay");
    }
}
