package io.herald.server.message;

import static io.herald.protocol.PropertyGenerators.anyString;
import static io.herald.protocol.PropertyGenerators.mapsOf;
import static io.herald.protocol.PropertyGenerators.wellFormedString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.ProtocolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The client-message parser on generated input (QuickTheories): any text either parses or is refused with
 * {@link ProtocolException#invalidMessage} and a message for the client, never another exception; what a
 * well-formed message carries comes back unchanged.
 */
class ClientMessageProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("channel", "auth", "channel_data", "user_data");

    @Test
    void anyTextParsesOrIsRefusedWithAMessage() {
        qt().withExamples(1500).forAll(anyString()).checkAssert(ClientMessageProperties::readEverything);
    }

    @Test
    void jsonLikeTokenSoupParsesOrIsRefusedWithAMessage() {
        qt().withExamples(4500).forAll(tokenSoup()).checkAssert(ClientMessageProperties::readEverything);
    }

    @Test
    void aWellFormedMessageComesBackUnchanged() {
        qt().withExamples(1500).forAll(wellFormed(), wellFormed(), dataFields(), booleans().all())
                .checkAssert(ClientMessageProperties::assertComesBackUnchanged);
    }

    private static void assertComesBackUnchanged(String event, String channel, Map<String, String> fields,
                                                 boolean asString) {
        ObjectNode data = JSON.createObjectNode();
        fields.forEach(data::put);
        ObjectNode message = JSON.createObjectNode().put("event", event).put("channel", channel);
        if (asString) {
            message.put("data", data.toString()); // as some clients send it
        } else {
            message.set("data", data);
        }

        ClientMessage parsed = ClientMessage.parse(message.toString());

        assertThat(parsed.event()).isEqualTo(event);
        assertThat(parsed.channel()).isEqualTo(channel);
        for (String field : FIELDS) {
            assertThat(parsed.dataText(field)).isEqualTo(fields.get(field));
        }
    }

    @Test
    void anUnpairedSurrogateInADataFieldIsRefused() {
        ClientMessage message = ClientMessage.parse(
                "{\"event\":\"pusher:subscribe\",\"data\":{\"channel_data\":\"{\\\"user_id\\\":\\\"a\\ud800\\\"}\"}}");
        assertThatThrownBy(() -> message.dataText("channel_data"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("channel_data");
        assertThat(ClientMessage.parse("{\"event\":\"e\",\"data\":{\"channel\":\"\\ud83d\\ude00\"}}").dataText("channel"))
                .isEqualTo("😀");
    }

    /** Parses {@code text} and reads every field a handler would; only a refusal with a message may escape. */
    private static void readEverything(String text) {
        try {
            ClientMessage message = ClientMessage.parse(text);
            assertThat(message.event()).isNotEmpty();
            message.data();
            for (String field : FIELDS) {
                message.dataText(field);
            }
        } catch (ProtocolException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(refused.code()).as("no code: the connection stays").isNull();
            assertThat(refused.closesConnection()).isFalse();
        }
    }

    /** Fragments of Pusher messages and JSON in any order: mostly broken, sometimes a real message. */
    private static Gen<String> tokenSoup() {
        Gen<String> tokens = Generate.pick(List.of("{", "}", "[", "]", ":", ",", "\"event\"", "\"data\"", "\"channel\"",
                "\"pusher:subscribe\"", "\"pusher:ping\"", "\"client-x\"", "\"auth\"", "\"channel_data\"", "\"user_data\"",
                "\"\\ud800\"", "\"\\u0000\"", "\"\\\"{}\\\"\"", "null", "true", "1e999999", "-0", "12345678901234567890",
                "\"", "\\", " ", "\u00e9", "\"presence-x\"", "{\"event\":\"pusher:subscribe\",\"data\":"));
        return lists().of(tokens).ofSizeBetween(0, 40).map(list -> String.join("", list));
    }

    /** Strings Jackson can write and read back: any text without unpaired surrogates. */
    private static Gen<String> wellFormed() {
        return wellFormedString(1, 60);
    }

    private static Gen<Map<String, String>> dataFields() {
        return mapsOf(Generate.pick(FIELDS), wellFormed(), FIELDS.size());
    }
}
