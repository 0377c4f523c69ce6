package io.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void aReceivedFrameGivesBackSequenceAndPublishTime() {
        String data = Payload.encode(42, 123456789012L, 100);
        String frame = "{\"event\":\"bench-event\",\"channel\":\"c\",\"data\":\"" + data + "\"}";
        ByteBuf read = bytes("junk|\"hb" + frame + "{\"data\":\"hb|7|"); // the frame among others in one read

        int at = Payload.find(read, 8, frame.length());
        Payload.Reader reader = new Payload.Reader();

        assertThat(data).hasSize(100);
        assertThat(reader.read(read, at, 8 + frame.length())).isTrue();
        assertThat(reader.seq()).isEqualTo(42);
        assertThat(reader.nanos()).isEqualTo(123456789012L);
    }

    @Test
    void negativeClockValuesSurvive() {
        ByteBuf frame = bytes("{\"data\":\"" + Payload.encode(0, -5L, 10) + "\"}");
        Payload.Reader reader = new Payload.Reader();

        assertThat(reader.read(frame, Payload.find(frame, 0, frame.readableBytes()), frame.readableBytes())).isTrue();
        assertThat(reader.nanos()).isEqualTo(-5L);
    }

    @Test
    void theReaderStopsAtTheFrameAndRefusesAPayloadWithoutItsNumbers() {
        Payload.Reader reader = new Payload.Reader();
        ByteBuf cut = bytes("hb|12|345678|xx");

        assertThat(reader.read(cut, 3, 9)).as("the time cut short by the frame's end").isTrue();
        assertThat(reader.seq()).isEqualTo(12);
        assertThat(reader.nanos()).isEqualTo(345);
        assertThat(reader.read(bytes("hb|7|-|"), 3, 7)).isFalse();
        assertThat(reader.read(bytes("hb||1|"), 3, 6)).isFalse();
        assertThat(reader.read(bytes("hb|1-2|3|"), 3, 9)).isFalse();
        assertThat(reader.read(bytes("hb|7"), 3, 4)).as("no time at all").isFalse();
    }

    @Test
    void otherFramesCarryNoPayload() {
        ByteBuf pong = bytes("{\"event\":\"pusher:pong\",\"data\":\"{}\"}");
        String frame = "{\"event\":\"a|b\",\"data\":\"hb";
        ByteBuf markJustPastTheFrame = bytes(frame + "|1|2\"}");

        assertThat(Payload.find(pong, 0, pong.readableBytes())).isNegative();
        assertThat(Payload.find(markJustPastTheFrame, 0, frame.length())).isNegative();
    }

    @Test
    void wireScansEventNameAndSocketId() {
        String established = "{\"event\":\"pusher:connection_established\","
                + "\"data\":\"{\\\"socket_id\\\":\\\"1234.5678\\\",\\\"activity_timeout\\\":120}\"}";

        assertThat(Wire.event(established)).isEqualTo("pusher:connection_established");
        assertThat(Wire.socketId(established)).isEqualTo("1234.5678");
        assertThat(Wire.event("{}")).isEmpty();
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }
}
