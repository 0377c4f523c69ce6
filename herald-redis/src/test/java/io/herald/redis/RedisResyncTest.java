package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A node re-synchronises its whole state with Redis (after Redis lost it, or forgot the node) while
 * its subscribers keep coming and going: a join or leave made meanwhile must be neither lost nor
 * counted twice, since nothing repairs the cluster's view until the next re-synchronisation.
 */
class RedisResyncTest {

    private static final int CLIENTS = 4;
    /** Clients on 100 channels each that stay put: a re-synchronisation's snapshot takes a while to read. */
    private static final int BYSTANDERS = 40;
    private static final Duration CHURN = Duration.ofSeconds(3);

    @Test
    void subscribersComingAndGoingDuringResynchronisationsAreCountedOnce() throws Exception {
        // node-timeout 300 ms: a heartbeat every 100 ms, each re-synchronising once Redis forgot the node
        try (ClusterNodes.TwoNodes cluster = ClusterNodes.TwoNodes.start(o -> o.adapterSetting("node-timeout", "300ms"));
             RedisClient redisClient = RedisClient.create(cluster.redis().url());
             StatefulRedisConnection<String, String> redis = redisClient.connect()) {
            TestServer a = cluster.a();
            List<RecordingClient> clients = new ArrayList<>();
            ExecutorService churners = Executors.newFixedThreadPool(CLIENTS);
            try {
                for (int i = 0; i < BYSTANDERS; i++) {
                    RecordingClient bystander = a.connect();
                    clients.add(bystander);
                    for (int c = 0; c < 100; c++) {
                        bystander.subscribe("still-" + i + "-" + c);
                    }
                }
                List<RecordingClient> churning = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    churning.add(a.connect());
                }
                clients.addAll(churning);
                AtomicBoolean churn = new AtomicBoolean(true);
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    RecordingClient client = churning.get(i);
                    String channel = "churn-" + i;
                    work.add(churners.submit(() -> {
                        while (churn.get()) {
                            client.subscribe(channel);
                            client.unsubscribe(channel);
                            pause(1);
                        }
                        client.subscribe(channel); // the state to end in: one subscriber each
                    }));
                }
                long until = System.nanoTime() + CHURN.toNanos();
                while (System.nanoTime() < until) {
                    redis.sync().del("{test}:nodes"); // every node unknown: each re-synchronises at its next beat
                    pause(30);
                }
                // the key was the nodes' registry: both registered again, re-synchronising as they did
                Eventually.check(Duration.ofSeconds(2), () -> assertThat(redis.sync().zcard("{test}:nodes")).isEqualTo(2));
                pause(400); // the last re-synchronisations run while the churn goes on
                churn.set(false);
                for (Future<?> f : work) {
                    f.get(10, TimeUnit.SECONDS);
                }
                for (int i = 0; i < CLIENTS; i++) {
                    String channel = "churn-" + i;
                    Eventually.check(Duration.ofSeconds(5), () -> assertThat(subscriptionCount(cluster.b(), channel))
                            .as(channel).isEqualTo(1));
                }
            } finally {
                clients.forEach(RecordingClient::close);
                churners.shutdownNow();
            }
        }
    }

    private static int subscriptionCount(TestServer node, String channel) {
        return node.api().get("/apps/app-id/channels/" + channel, Map.of("info", "subscription_count"))
                .body().path("subscription_count").asInt();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
