package io.herald.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.ErrorCode;
import io.herald.protocol.ProtocolException;
import io.herald.server.app.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Connection#reject}: the one place a protocol error becomes {@code pusher:error} and maybe a close. */
class ConnectionTest {

    private final RecordingSocket client = new RecordingSocket("1.1", App.of("app-1", "key-1", "secret-1"));

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, mode = EnumSource.Mode.MATCH_ALL, names = "^(?!CLIENT_EVENT|WATCHLIST).*")
    void aCodeBelow4300IsReportedThenClosesTheConnectionWithTheSameCode(ErrorCode code) {
        client.connection().reject(new ProtocolException(code, "because"));

        assertThat(client.assertError(code.code())).isEqualTo("because");
        assertThat(client.assertClosed(code.code())).isEqualTo("because");
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"CLIENT_EVENT_REJECTED", "WATCHLIST_OVER_LIMIT"})
    void aCodeFrom4300OnIsReportedAndTheConnectionStays(ErrorCode code) {
        client.connection().reject(new ProtocolException(code, "because"));

        client.assertError(code.code());
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void anInvalidMessageIsReportedWithoutCodeAndTheConnectionStays() {
        client.connection().reject(ProtocolException.invalidMessage("what was wrong"));

        assertThat(client.assertError(null)).isEqualTo("what was wrong");
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aReportOnlyErrorKeepsItsClosingCodeAndTheConnection() {
        client.connection().reject(ProtocolException.reportOnly(ErrorCode.UNAUTHORIZED, "not on this channel"));

        client.assertError(ErrorCode.UNAUTHORIZED.code());
        client.assertNothingMore();
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aMessageTooLongForACloseFrameGoesWholeInPusherErrorAndTheCloseCarriesTheCodesOwn() {
        String message = "é".repeat(62); // 124 UTF-8 bytes, one over what a close frame's reason may hold

        client.connection().reject(new ProtocolException(ErrorCode.OVER_CAPACITY, message));

        assertThat(client.assertError(ErrorCode.OVER_CAPACITY.code())).isEqualTo(message);
        assertThat(client.assertClosed(ErrorCode.OVER_CAPACITY.code())).isEqualTo(ErrorCode.OVER_CAPACITY.defaultMessage());
    }

    @Test
    void onlyTheFirstCloseIsSent() {
        client.connection().reject(ProtocolException.of(ErrorCode.PONG_NOT_RECEIVED));
        client.connection().reject(ProtocolException.of(ErrorCode.OVER_CAPACITY));

        client.assertError(ErrorCode.PONG_NOT_RECEIVED.code());
        client.assertClosed(ErrorCode.PONG_NOT_RECEIVED.code());
    }
}
