package io.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void aReceivedFrameGivesBackSequenceAndPublishTime() {
        String data = Payload.encode(42, 123456789012L, 100);
        String frame = "{\"event\":\"bench-event\",\"channel\":\"c\",\"data\":\"" + data + "\"}";

        int at = Payload.find(frame);

        assertThat(data).hasSize(100);
        assertThat(Payload.seq(frame, at)).isEqualTo(42);
        assertThat(Payload.nanos(frame, at)).isEqualTo(123456789012L);
    }

    @Test
    void negativeClockValuesSurvive() {
        String frame = "{\"data\":\"" + Payload.encode(0, -5L, 10) + "\"}";

        assertThat(Payload.nanos(frame, Payload.find(frame))).isEqualTo(-5L);
    }

    @Test
    void otherFramesCarryNoPayload() {
        assertThat(Payload.find("{\"event\":\"pusher:pong\",\"data\":\"{}\"}")).isNegative();
    }

    @Test
    void wireScansEventNameAndSocketId() {
        String established = "{\"event\":\"pusher:connection_established\","
                + "\"data\":\"{\\\"socket_id\\\":\\\"1234.5678\\\",\\\"activity_timeout\\\":120}\"}";

        assertThat(Wire.event(established)).isEqualTo("pusher:connection_established");
        assertThat(Wire.socketId(established)).isEqualTo("1234.5678");
        assertThat(Wire.event("{}")).isEmpty();
    }
}
