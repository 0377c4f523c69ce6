package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.server.session.ConnectionInfo;
import io.herald.server.session.ConnectionPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node's answer to a connection list request stays small enough for Redis pub/sub. */
class ConnectionListRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPageThatFitsIsSentWhole() throws Exception {
        ConnectionPage page = page(3, 2);

        JsonNode answer = JSON.readTree(ConnectionListRequests.answer("req-1", page));

        assertThat(answer.path("r").asText()).isEqualTo("req-1");
        assertThat(JSON.treeToValue(answer.path("p"), ConnectionPage.class)).isEqualTo(page);
    }

    @Test
    void aThousandConnectionsWithAHundredLongChannelsEachAreCutToTheLimitKeepingTheTotal() throws Exception {
        ConnectionPage page = page(1000, 100); // about 17 MB whole

        String answer = ConnectionListRequests.answer("req-2", page);

        assertThat(answer.length()).isLessThanOrEqualTo(ConnectionListRequests.MAX_ANSWER_CHARS);
        ConnectionPage sent = JSON.treeToValue(JSON.readTree(answer).path("p"), ConnectionPage.class);
        assertThat(sent.total()).isEqualTo(1000);
        assertThat(sent.connections()).isNotEmpty().hasSizeLessThan(1000);
        assertThat(sent.connections().get(0)).isEqualTo(page.connections().get(0));
    }

    private static ConnectionPage page(int connections, int channelsEach) {
        List<ConnectionInfo> rows = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            List<String> channels = new ArrayList<>();
            for (int c = 0; c < channelsEach; c++) {
                channels.add("private-" + "x".repeat(150) + "-" + i + "-" + c);
            }
            rows.add(new ConnectionInfo(i + ".1", "https://app.example", "10.0.0.1", "user-" + i, channels));
        }
        return new ConnectionPage(connections, rows);
    }
}
