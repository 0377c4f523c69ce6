package io.herald.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientMessageTest {

    @Test
    void readsEventChannelAndObjectData() {
        ClientMessage m = ClientMessage.parse("{\"event\":\"client-x\",\"channel\":\"private-a\",\"data\":{\"k\":\"v\"}}");

        assertThat(m.event()).isEqualTo("client-x");
        assertThat(m.channel()).isEqualTo("private-a");
        assertThat(m.dataObject().get("k").asText()).isEqualTo("v");
    }

    @Test
    void decodesDataSentAsAJsonString() {
        ClientMessage m = ClientMessage.parse(
                "{\"event\":\"pusher:subscribe\",\"data\":\"{\\\"channel\\\":\\\"private-a\\\",\\\"auth\\\":\\\"k:s\\\"}\"}");

        assertThat(m.channel()).isNull();
        assertThat(m.dataText("channel")).isEqualTo("private-a");
        assertThat(m.dataText("auth")).isEqualTo("k:s");
    }

    @Test
    void decodesStringDataOnceForAllItsFields() {
        ClientMessage m = ClientMessage.parse("{\"event\":\"pusher:subscribe\",\"data\":\"{\\\"channel\\\":\\\"a\\\"}\"}");

        assertThat(m.dataObject()).isSameAs(m.dataObject());
        assertThat(m.data().isTextual()).as("the data as sent stays a string").isTrue();
    }

    @Test
    void keepsStringDataAsSentForRelaying() {
        ClientMessage m = ClientMessage.parse("{\"event\":\"client-x\",\"channel\":\"private-a\",\"data\":\"hello\"}");

        assertThat(m.data().isTextual()).isTrue();
        assertThat(m.data().asText()).isEqualTo("hello");
    }

    /** pusher-java-client sends {@code pusher:ping} with no data at all. */
    @Test
    void acceptsAMessageWithoutData() {
        ClientMessage m = ClientMessage.parse("{\"event\":\"pusher:ping\"}");

        assertThat(m.event()).isEqualTo("pusher:ping");
        assertThat(m.data().isMissingNode()).isTrue();
        assertThat(m.channel()).isNull();
    }

    @Test
    void aNullChannelIsNoChannel() {
        assertThat(ClientMessage.parse("{\"event\":\"e\",\"channel\":null}").channel()).isNull();
    }

    @Test
    void missingOrNullDataFieldsReadAsNull() {
        ClientMessage m = ClientMessage.parse("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"a\",\"auth\":null}}");

        assertThat(m.dataText("auth")).isNull();
        assertThat(m.dataText("channel_data")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"event\":}", "{\"event\":\"a\",\"data\":{\"channel\":\"x\"}", "[1,2"})
    void refusesInvalidJsonSayingWhatIsWrongWithoutParserInternals(String text) {
        assertThatThrownBy(() -> ClientMessage.parse(text))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("Invalid JSON: the message ")
                .hasMessageNotContainingAny("Source", "REDACTED", "StreamReadFeature", "marker", "\n");
    }

    @Test
    void anUnclosedObjectIsSaidToEndTooSoonAndABadCharacterIsLocated() {
        assertThatThrownBy(() -> ClientMessage.parse("{\"event\":\"a\""))
                .hasMessage("Invalid JSON: the message ends before the JSON is complete (an object, array or string is not closed)");
        assertThatThrownBy(() -> ClientMessage.parse("{\"event\":x}"))
                .hasMessage("Invalid JSON: the message is not valid JSON at character 10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"event\"", "42", "null", ""})
    void refusesAnythingButAnObject(String text) {
        assertThatThrownBy(() -> ClientMessage.parse(text))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("Message must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"event\":\"\"}", "{\"event\":5}", "{\"event\":null}", "{\"event\":{}}"})
    void refusesAMessageWithoutEventName(String text) {
        assertThatThrownBy(() -> ClientMessage.parse(text))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("Message has no event name");
    }

    @Test
    void refusesAChannelThatIsNotAString() {
        assertThatThrownBy(() -> ClientMessage.parse("{\"event\":\"e\",\"channel\":5}"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("channel must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"event\":\"e\"}", "{\"event\":\"e\",\"data\":5}", "{\"event\":\"e\",\"data\":[1]}",
            "{\"event\":\"e\",\"data\":\"[1]\"}", "{\"event\":\"e\",\"data\":\"\\\"text\\\"\"}"})
    void dataObjectRefusesDataThatIsNoObject(String text) {
        ClientMessage m = ClientMessage.parse(text);

        assertThatThrownBy(m::dataObject)
                .isInstanceOf(ProtocolException.class)
                .hasMessage("data must be a JSON object");
    }

    @Test
    void dataObjectRefusesAStringThatIsNotJson() {
        ClientMessage m = ClientMessage.parse("{\"event\":\"e\",\"data\":\"{oops\"}");

        assertThatThrownBy(m::dataObject)
                .isInstanceOf(ProtocolException.class)
                .hasMessage("data is not a JSON object");
    }

    @Test
    void dataTextRefusesANonStringField() {
        ClientMessage m = ClientMessage.parse("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":7}}");

        assertThatThrownBy(() -> m.dataText("channel"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("channel must be a string");
    }
}
