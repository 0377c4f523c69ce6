package io.herald.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.protocol.Limits;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Parsing one trigger or batch item: what is accepted, and the message of each refusal. */
class TriggerEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 16-byte payloads, 2 channels per trigger, 24-character channel and 8-character event names. */
    private static final Limits LIMITS = new Limits(16, 2, 3, 5, 64, 16, 24, 8, 10, 100, 1000);

    @Test
    void aTriggerNamesOneChannelOrSeveral() {
        TriggerEvent one = TriggerEvent.parseTrigger(json("{'name':'e','data':'d','channel':'news'}"), LIMITS);
        assertThat(one.channels()).containsExactly("news");
        assertThat(one.data()).isEqualTo("d");
        assertThat(one.socketId()).isNull();
        assertThat(one.info().isEmpty()).isTrue();

        TriggerEvent many = TriggerEvent.parseTrigger(json(
                "{'name':'e','data':'{\\\"a\\\":1}','channels':['a','b'],'socket_id':'123.456','info':'subscription_count'}"),
                LIMITS);
        assertThat(many.channels()).containsExactly("a", "b");
        assertThat(many.data()).isEqualTo("{\"a\":1}");
        assertThat(many.socketId()).isEqualTo("123.456");
        assertThat(many.info().isEmpty()).isFalse();
    }

    @Test
    void theChannelsAreCheckedBeforeAnythingIsPublished() {
        assertThat(badTrigger("{'name':'e','data':'d'}")).isEqualTo("channels (or channel) is required");
        assertThat(badTrigger("{'name':'e','data':'d','channel':'a','channels':['b']}"))
                .isEqualTo("give either channels or channel, not both");
        assertThat(badTrigger("{'name':'e','data':'d','channels':'a'}")).isEqualTo("channels must be an array of channel names");
        assertThat(badTrigger("{'name':'e','data':'d','channels':[1]}")).isEqualTo("channels must be an array of channel names");
        assertThat(badTrigger("{'name':'e','data':'d','channels':[]}")).isEqualTo("channels must name at least one channel");
        assertThat(badTrigger("{'name':'e','data':'d','channels':['a','b','c']}"))
                .isEqualTo("at most 2 channels per event, got 3");
        assertThat(badTrigger("{'name':'e','data':'d','channels':['a','private-encrypted-x']}"))
                .isEqualTo("an event to an encrypted channel must name that channel alone");
        assertThat(badTrigger("{'name':'e','data':'d','channel':'far-too-long-channel-name'}"))
                .isEqualTo("channel name is longer than 24 characters");
        assertThat(badTrigger("{'name':'e','data':'d','channel':'bad channel'}")).contains("bad channel");
    }

    @Test
    void theNameDataAndSocketIdAreChecked() {
        assertThat(badTrigger("[]")).isEqualTo("request body must be a JSON object");
        assertThat(badTrigger("{'data':'d','channel':'a'}")).isEqualTo("name is required");
        assertThat(badTrigger("{'name':'','data':'d','channel':'a'}")).isEqualTo("name must be 1 to 8 characters");
        assertThat(badTrigger("{'name':'ninechars','data':'d','channel':'a'}")).isEqualTo("name must be 1 to 8 characters");
        assertThat(badTrigger("{'name':'pusher:x','data':'d','channel':'a'}"))
                .isEqualTo("event names starting with pusher: are reserved");
        assertThat(badTrigger("{'name':'e','channel':'a'}")).isEqualTo("data is required");
        assertThat(badTrigger("{'name':'e','data':{'a':1},'channel':'a'}")).isEqualTo("data must be a string");
        assertThat(badTrigger("{'name':'e','data':'d','channel':'a','socket_id':'nope'}"))
                .isEqualTo("socket_id 'nope' is not a valid socket id");
    }

    @Test
    void dataOverTheLimitIs413CountedInUtf8Bytes() {
        TriggerEvent fits = TriggerEvent.parseTrigger(json("{'name':'e','data':'" + "é".repeat(8) + "','channel':'a'}"), LIMITS);
        assertThat(fits.data()).hasSize(8);
        ApiException tooLarge = refusal(() -> TriggerEvent.parseTrigger(
                json("{'name':'e','data':'" + "é".repeat(9) + "','channel':'a'}"), LIMITS));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.getMessage()).isEqualTo("data is 18 bytes; the limit is 16");
    }

    @Test
    void aBatchItemsRefusalNamesItsIndexAndKeepsItsStatus() {
        assertThat(TriggerEvent.parseBatchItem(json("{'name':'e','data':'d','channel':'a'}"), 0, LIMITS).channels())
                .containsExactly("a");
        ApiException missing = refusal(() -> TriggerEvent.parseBatchItem(json("{'name':'e','data':'d'}"), 2, LIMITS));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.getMessage()).isEqualTo("batch[2]: channel is required");
        ApiException reserved = refusal(() -> TriggerEvent.parseBatchItem(
                json("{'name':'pusher:x','data':'d','channel':'a'}"), 1, LIMITS));
        assertThat(reserved.getMessage()).isEqualTo("batch[1]: event names starting with pusher: are reserved");
        ApiException tooLarge = refusal(() -> TriggerEvent.parseBatchItem(
                json("{'name':'e','data':'" + "x".repeat(17) + "','channel':'a'}"), 0, LIMITS));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.getMessage()).isEqualTo("batch[0]: data is 17 bytes; the limit is 16");
        assertThat(refusal(() -> TriggerEvent.parseBatchItem(json("'text'"), 4, LIMITS)).getMessage())
                .isEqualTo("batch[4] must be a JSON object");
    }

    private static String badTrigger(String body) {
        ApiException refused = refusal(() -> TriggerEvent.parseTrigger(json(body), LIMITS));
        assertThat(refused.status()).as(body).isEqualTo(400);
        return refused.getMessage();
    }

    private static ApiException refusal(Supplier<TriggerEvent> parse) {
        ApiException refused = catchThrowableOfType(parse::get, ApiException.class);
        assertThat(refused).isNotNull();
        return refused;
    }

    /** JSON written with single quotes, for readability. */
    private static JsonNode json(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }
}
