package io.herald.tests.api;

import static io.herald.tests.api.ApiAssertions.assertOk;
import static io.herald.tests.api.ApiAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.ApiClient;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /events} and {@code POST /batch_events} refuse bad input with 400 (or 413 for size)
 * and a message naming the problem; each limit is checked just inside and just outside.
 */
class TriggerValidationTest {

    private static final String EVENTS = "/apps/app-id/events";
    private static final String BATCH = "/apps/app-id/batch_events";

    private static TestServer server;
    private static ApiClient api;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        api = server.api();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static ApiClient.Result trigger(ObjectNode body) {
        return api.post(EVENTS, body.toString());
    }

    private static ObjectNode valid() {
        return Bodies.trigger("flash", "{}", "news");
    }

    @Test
    void refusesABodyThatIsNotJson() {
        assertRefused(api.post(EVENTS, "{\"name\": \"flash\", "), 400, "JSON");
        assertRefused(api.post(EVENTS, ""), 400, "JSON");
    }

    @Test
    void refusesAMissingName() {
        ObjectNode body = valid();
        body.remove("name");
        assertRefused(trigger(body), 400, "name");
    }

    @Test
    void refusesMissingData() {
        ObjectNode body = valid();
        body.remove("data");
        assertRefused(trigger(body), 400, "data");
    }

    @Test
    void refusesDataThatIsNotAString() {
        ObjectNode body = valid();
        body.putObject("data").put("a", 1);
        String message = assertRefused(trigger(body), 400, "data");
        assertThat(message).contains("string");
    }

    @Test
    void refusesATriggerWithoutChannels() {
        ObjectNode noChannels = valid();
        noChannels.remove("channels");
        assertRefused(trigger(noChannels), 400, "channel");
        assertRefused(trigger(Bodies.trigger("flash", "{}", List.of())), 400, "channel");
    }

    @Test
    void acceptsAHundredChannelsAndRefusesAHundredAndOne() {
        assertOk(trigger(Bodies.trigger("flash", "{}", channels(100))));
        assertRefused(trigger(Bodies.trigger("flash", "{}", channels(101))), 400, "100");
    }

    @Test
    void refusesAnInvalidChannelName() {
        assertRefused(trigger(Bodies.trigger("flash", "{}", "news", "bad channel!")), 400, "bad channel!");
    }

    @Test
    void refusesAChannelNameLongerThan200Characters() {
        assertOk(trigger(Bodies.trigger("flash", "{}", "c".repeat(200))));
        assertRefused(trigger(Bodies.trigger("flash", "{}", "c".repeat(201))), 400, "200");
    }

    @Test
    void refusesAnEventNameLongerThan200Characters() {
        assertOk(trigger(Bodies.trigger("e".repeat(200), "{}", "news")));
        assertRefused(trigger(Bodies.trigger("e".repeat(201), "{}", "news")), 400, "name");
    }

    @Test
    void refusesAMalformedSocketId() {
        assertOk(trigger(valid().put("socket_id", "123.456")));
        assertRefused(trigger(valid().put("socket_id", "123-456")), 400, "socket_id");
        assertRefused(trigger(valid().put("socket_id", "abc.def")), 400, "socket_id");
    }

    @Test
    void refusesAnUnknownInfoAttribute() {
        assertRefused(trigger(valid().put("info", "subscription_count,popularity")), 400, "popularity");
    }

    @Test
    void refusesAnEncryptedChannelTogetherWithAnother() {
        assertOk(trigger(Bodies.trigger("flash", "{}", "private-encrypted-vault")));
        assertRefused(trigger(Bodies.trigger("flash", "{}", "private-encrypted-vault", "news")), 400, "encrypted");
    }

    @Test
    void acceptsDataOfExactly10KiBAndRefusesOneByteMoreWith413() {
        assertOk(trigger(Bodies.trigger("flash", "x".repeat(10240), "news")));
        assertRefused(trigger(Bodies.trigger("flash", "x".repeat(10241), "news")), 413, "10240");
    }

    @Test
    void countsTheDataLimitInUtf8Bytes() {
        // 5121 characters, 10242 bytes
        assertRefused(trigger(Bodies.trigger("flash", "é".repeat(5121), "news")), 413, "10242");
    }

    @Test
    void acceptsTenEventsPerBatchAndRefusesEleven() {
        assertOk(api.post(BATCH, Bodies.batch(batchItems(10)).toString()));
        assertRefused(api.post(BATCH, Bodies.batch(batchItems(11)).toString()), 400, "10");
    }

    @Test
    void batchItemErrorsNameTheItemsIndex() {
        List<ObjectNode> missingData = batchItems(3);
        missingData.get(2).remove("data");
        assertRefused(api.post(BATCH, Bodies.batch(missingData).toString()), 400, "batch[2]");

        List<ObjectNode> badChannel = batchItems(3);
        badChannel.get(1).put("channel", "bad channel!");
        assertRefused(api.post(BATCH, Bodies.batch(badChannel).toString()), 400, "batch[1]");

        List<ObjectNode> tooLarge = batchItems(2);
        tooLarge.get(1).put("data", "x".repeat(10241));
        assertRefused(api.post(BATCH, Bodies.batch(tooLarge).toString()), 413, "batch[1]");
    }

    @Test
    void refusesABatchThatIsNotAnArray() {
        assertRefused(api.post(BATCH, "{\"batch\":{}}"), 400, "batch");
        assertRefused(api.post(BATCH, "{}"), 400, "batch");
    }

    @Test
    void refusesARequestBodyLargerThanMaxRequestSizeWith413() {
        try (TestServer small = TestServer.start(b -> b.maxRequestSize(2048))) {
            ApiClient smallApi = small.api();
            String fits = Bodies.trigger("flash", "x".repeat(1900), "news").toString();
            String tooBig = Bodies.trigger("flash", "x".repeat(2100), "news").toString();

            assertOk(smallApi.post(EVENTS, fits));
            assertRefused(smallApi.post(EVENTS, tooBig), 413, "2048");
            assertOk(smallApi.post(EVENTS, fits));
        }
    }

    @Test
    void answersExpectContinueForABodyLargerThanMaxRequestSizeWith413() throws IOException {
        try (TestServer small = TestServer.start(b -> b.maxRequestSize(2048))) {
            String tooBig = Bodies.trigger("flash", "x".repeat(2100), "news").toString();
            Map<String, String> query = small.api().signedQuery("POST", EVENTS, Map.of(), tooBig,
                    System.currentTimeMillis() / 1000);
            String head = "POST " + EVENTS + "?" + ApiClient.encode(query) + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + tooBig.length() + "\r\n"
                    + "Expect: 100-continue\r\n\r\n";

            RawHttp.Response response = RawHttp.sendHead(small.port(), head);

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("\"error\"").contains("2048");
        }
    }

    private static List<String> channels(int count) {
        return IntStream.range(0, count).mapToObj(i -> "channel-" + i).toList();
    }

    private static List<ObjectNode> batchItems(int count) {
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Bodies.batchItem("flash", "{\"n\":" + i + "}", "news"));
        }
        return items;
    }
}
