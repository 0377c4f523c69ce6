package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.server.app.App;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Refused connections: {@code pusher:error} with the code, then a close frame with the same code. */
class CloseCodesTest {

    private static final String KEY = TestServer.APP.key();

    @Test
    void unknownAppKeyIsRefusedWith4001() {
        try (TestServer server = TestServer.start()) {
            assertRefused(server.webSocketUrl("no-such-key"), ErrorCode.APP_NOT_FOUND);
        }
    }

    @Test
    void longUnknownAppKeyStillGetsAValidCloseFrameWith4001() {
        // A close frame's reason must fit in 123 bytes, however long the key in the message is.
        try (TestServer server = TestServer.start()) {
            assertRefused(server.webSocketUrl("k".repeat(300)), ErrorCode.APP_NOT_FOUND);
        }
    }

    @Test
    void disabledAppIsRefusedWith4003() {
        App disabled = App.builder("off-id", "off-key", "off-secret").enabled(false).build();
        try (TestServer server = TestServer.start(b -> b.apps(List.of(TestServer.APP, disabled)))) {
            assertRefused(server.webSocketUrl(disabled.key()), ErrorCode.APP_DISABLED);
        }
    }

    @Test
    void connectionOverTheAppQuotaIsRefusedWith4004AndTheFirstKeepsWorking() {
        App capped = App.builder("capped-id", "capped-key", "capped-secret").maxConnections(1).build();
        try (TestServer server = TestServer.start(b -> b.apps(List.of(capped)))) {
            try (RecordingClient first = server.connect(capped)) {
                assertThat(first.socketId()).isNotNull();
                assertRefused(server.webSocketUrl(capped.key()), ErrorCode.OVER_CONNECTION_QUOTA);
                Wire.assertOpen(first);
            }
            Wire.awaitConnectionCount(server, 0, Duration.ofSeconds(5));
            try (RecordingClient next = server.connect(capped)) {
                assertThat(next.socketId()).as("admitted once the first left").isNotNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/foo?protocol=7", "/app/?protocol=7", "/app?protocol=7", "/app/" + "app-key/extra?protocol=7"})
    void upgradeAtAWrongPathIsRefusedWith4005(String pathAndQuery) {
        try (TestServer server = TestServer.start()) {
            assertRefused(Wire.url(server, pathAndQuery), ErrorCode.PATH_NOT_FOUND);
        }
    }

    @Test
    void longWrongPathStillGetsAValidCloseFrameWith4005() {
        try (TestServer server = TestServer.start()) {
            assertRefused(Wire.url(server, "/" + "p".repeat(300) + "?protocol=7"), ErrorCode.PATH_NOT_FOUND);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "7.0", "-"})
    void nonNumericProtocolIsRefusedWith4006(String protocol) {
        try (TestServer server = TestServer.start()) {
            assertRefused(Wire.url(server, "/app/" + KEY + "?protocol=" + protocol), ErrorCode.INVALID_VERSION_FORMAT);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 0})
    void protocolOutsideFiveToSevenIsRefusedWith4007(int protocol) {
        try (TestServer server = TestServer.start()) {
            assertRefused(Wire.url(server, "/app/" + KEY + "?protocol=" + protocol), ErrorCode.UNSUPPORTED_PROTOCOL_VERSION);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 6, 7})
    void protocolsFiveToSevenAreAccepted(int protocol) {
        try (TestServer server = TestServer.start();
             RecordingClient client = RecordingClient.connect(Wire.url(server, "/app/" + KEY + "?protocol=" + protocol))) {
            assertThat(client.socketId()).matches("\\d+\\.\\d+");
            Wire.assertOpen(client);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?client=js&version=8.4.0", "?protocol="})
    void missingProtocolIsRefusedWith4008(String query) {
        try (TestServer server = TestServer.start()) {
            assertRefused(Wire.url(server, "/app/" + KEY + query), ErrorCode.NO_PROTOCOL_VERSION);
        }
    }

    private static void assertRefused(String url, ErrorCode code) {
        try (RecordingClient client = RecordingClient.connect(url)) {
            assertThat(client.socketId()).as("no connection_established").isNull();
            assertThat(client.assertError(code.code())).isNotBlank();
            client.assertClosed(code.code());
        }
    }
}
