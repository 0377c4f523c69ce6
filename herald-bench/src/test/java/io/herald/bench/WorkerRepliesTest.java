package io.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.testkit.TestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a worker tells its parent while it opens connections against a real server. */
class WorkerRepliesTest {

    @Test
    void reportsItsCountersTheMomentHalfTheConnectionsSettledThenWhenAllDid() throws Exception {
        List<ObjectNode> replies = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.start()) {
            Worker worker = new Worker(replies::add);
            try {
                BenchTarget target = Bench.target(server);
                ObjectNode open = WorkerPool.op("open").put("localAddresses", 1).put("threads", 1);
                open.putArray("targets").addObject().put("host", target.host()).put("port", target.port())
                        .put("appId", target.appId()).put("key", target.key()).put("secret", target.secret());
                open.set("plan", new FleetPlan(0, 9, "bench-", 3, false, 0, 2).toJson());
                worker.handle(open);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (replies.stream().noneMatch(r -> r.path("type").asText().equals("opened"))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            } finally {
                worker.close();
            }
        }
        List<String> types = replies.stream().map(r -> r.path("type").asText())
                .filter(t -> !t.equals("progress")).toList();
        assertThat(types).containsExactly("halfway", "opened");
        ObjectNode halfway = replies.stream().filter(r -> r.path("type").asText().equals("halfway")).findFirst().orElseThrow();
        // 9 connections on one event loop: the reply is written as the fourth settles, before any other can
        assertThat(halfway.path("subscribed").asLong()).isEqualTo(4);
        assertThat(replies.stream().filter(r -> r.path("type").asText().equals("opened")).findFirst().orElseThrow()
                .path("subscribed").asLong()).isEqualTo(9);
    }
}
