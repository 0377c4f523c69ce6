package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolVersionTest {

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingVersionIs4008(String protocol) {
        assertThat(ProtocolVersion.problem(protocol).code()).isEqualTo(ErrorCode.NO_PROTOCOL_VERSION);
        assertThat(ErrorCode.NO_PROTOCOL_VERSION.code()).isEqualTo(4008);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "7.0", " 7", "v7", "99999999999"})
    void aVersionThatIsNotANumberIs4006(String protocol) {
        ProtocolException problem = ProtocolVersion.problem(protocol);
        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID_VERSION_FORMAT);
        assertThat(problem.code().code()).isEqualTo(4006);
        assertThat(problem.getMessage()).contains(protocol);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "8", "0", "-7"})
    void aVersionOutside5To7Is4007(String protocol) {
        ProtocolException problem = ProtocolVersion.problem(protocol);
        assertThat(problem.code()).isEqualTo(ErrorCode.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(problem.code().code()).isEqualTo(4007);
        assertThat(problem.getMessage()).contains(protocol);
    }

    /** pusher-js speaks 7; pusher-java-client 2.4 still connects with 5. */
    @ParameterizedTest
    @ValueSource(strings = {"5", "6", "7"})
    void versions5To7AreServed(String protocol) {
        assertThat(ProtocolVersion.problem(protocol)).isNull();
    }

    @Test
    void closeCodesFor4xxxVersionErrorsEndTheConnection() {
        assertThat(ErrorCode.NO_PROTOCOL_VERSION.closesConnection()).isTrue();
        assertThat(ErrorCode.INVALID_VERSION_FORMAT.closesConnection()).isTrue();
        assertThat(ErrorCode.UNSUPPORTED_PROTOCOL_VERSION.closesConnection()).isTrue();
    }
}
