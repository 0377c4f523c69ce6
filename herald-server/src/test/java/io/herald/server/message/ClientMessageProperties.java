package io.herald.server.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The client-message parser on generated input (jqwik): any text either parses or is refused with
 * {@link InvalidMessageException} and a message for the client, never another exception; what a
 * well-formed message carries comes back unchanged.
 */
class ClientMessageProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("channel", "auth", "channel_data", "user_data");

    @Property
    void anyTextParsesOrIsRefusedWithAMessage(@ForAll String text) {
        readEverything(text);
    }

    @Property(tries = 3000)
    void jsonLikeTokenSoupParsesOrIsRefusedWithAMessage(@ForAll("tokenSoup") String text) {
        readEverything(text);
    }

    @Property
    void aWellFormedMessageComesBackUnchanged(@ForAll("wellFormed") String event, @ForAll("wellFormed") String channel,
                                              @ForAll("dataFields") Map<String, String> fields, @ForAll boolean asString) {
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

    @Example
    void anUnpairedSurrogateInADataFieldIsRefused() {
        ClientMessage message = ClientMessage.parse(
                "{\"event\":\"pusher:subscribe\",\"data\":{\"channel_data\":\"{\\\"user_id\\\":\\\"a\\ud800\\\"}\"}}");
        assertThatThrownBy(() -> message.dataText("channel_data"))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("channel_data");
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
        } catch (InvalidMessageException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /** Fragments of Pusher messages and JSON in any order: mostly broken, sometimes a real message. */
    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"event\"", "\"data\"", "\"channel\"",
                "\"pusher:subscribe\"", "\"pusher:ping\"", "\"client-x\"", "\"auth\"", "\"channel_data\"", "\"user_data\"",
                "\"\\ud800\"", "\"\\u0000\"", "\"\\\"{}\\\"\"", "null", "true", "1e999999", "-0", "12345678901234567890",
                "\"", "\\", " ", "\u00e9", "\"presence-x\"", "{\"event\":\"pusher:subscribe\",\"data\":");
        return tokens.list().ofMaxSize(40).map(list -> String.join("", list));
    }

    /** Strings Jackson can write and read back: any text without unpaired surrogates. */
    @Provide
    Arbitrary<String> wellFormed() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(60)
                .filter(s -> s.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE));
    }

    @Provide
    Arbitrary<Map<String, String>> dataFields() {
        return Arbitraries.maps(Arbitraries.of(FIELDS), wellFormed()).ofMaxSize(FIELDS.size());
    }
}
