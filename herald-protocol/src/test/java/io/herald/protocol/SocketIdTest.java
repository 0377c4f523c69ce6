package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SocketIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "0.0", "123.456", "1234.1234", "12345678901234567890.12345678901234567890"})
    void acceptsDigitsDotDigits(String socketId) {
        assertThat(SocketId.isValid(socketId)).isTrue();
    }

    /** The malformed ids the official server libraries refuse to sign (pusher-http-java, pusher-http-node). */
    @ParameterizedTest
    @ValueSource(strings = {"123", "123.", ".456", "a.b", "1.1:", ":1.1", "1.1\n", ":\n1.1", "1.1\n:", "1.2.3",
            "-1.2", " 1.2", "1.2 ", "1,2", "١.١", "123456789012345678901.1"})
    void rejectsAnythingElse(String socketId) {
        assertThat(SocketId.isValid(socketId)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAMissingId(String socketId) {
        assertThat(SocketId.isValid(socketId)).isFalse();
    }
}
