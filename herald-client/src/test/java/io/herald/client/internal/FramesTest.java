package io.herald.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.client.PusherEvent;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void keepsServerDataAsTheStringItWasSentAs() {
        assertThat(Frames.parse("{\"event\":\"e\",\"channel\":\"c\",\"data\":\"{\\\"a\\\":1}\"}"))
                .isEqualTo(new PusherEvent("e", "c", "{\"a\":1}", null));
    }

    @Test
    void keepsClientEventObjectsAsTheirJsonTextWithTheSender() {
        assertThat(Frames.parse("{\"event\":\"client-x\",\"channel\":\"presence-c\",\"data\":{\"a\":1},\"user_id\":\"7\"}"))
                .isEqualTo(new PusherEvent("client-x", "presence-c", "{\"a\":1}", "7"));
    }

    @Test
    void acceptsPingsWithoutData() {
        assertThat(Frames.parse("{\"event\":\"pusher:ping\"}")).isEqualTo(new PusherEvent("pusher:ping", null, null, null));
    }

    @Test
    void rejectsWhatIsNotAnEvent() {
        assertThat(Frames.parse("not json")).isNull();
        assertThat(Frames.parse("")).isNull();
        assertThat(Frames.parse("[1]")).isNull();
        assertThat(Frames.parse("{\"event\":5}")).isNull();
    }

    @Test
    void readsDataStringsAsJsonOrAnEmptyObject() {
        assertThat(Frames.json("{\"socket_id\":\"1.2\"}").get("socket_id").asText()).isEqualTo("1.2");
        assertThat(Frames.json(null).isObject()).isTrue();
        assertThat(Frames.json("{broken").isObject()).isTrue();
    }
}
