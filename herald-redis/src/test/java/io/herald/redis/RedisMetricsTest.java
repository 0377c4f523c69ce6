package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.Eventually;
import io.herald.testkit.TestRedis;
import io.herald.testkit.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Redis adapter's counters on {@code /metrics}: commands answered, and reconnections after an outage. */
class RedisMetricsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void countsRoundTripsAndReconnects() {
        try (TestRedis redis = ClusterNodes.RedisKind.SINGLE.start();
             TestServer node = ClusterNodes.node(redis, o -> o.metricsPort(0).adapterSetting("node-timeout", "2s"))) {
            int port = node.server().metricsPort();
            assertThat(counter(port, "herald_redis_round_trips_total")).isPositive(); // the first heartbeat
            assertThat(counter(port, "herald_redis_reconnects_total")).isZero();
            System.gc(); // Micrometer reads through weak references: counters must survive a collection


            redis.kill();
            redis.restart();
            Eventually.check(Duration.ofSeconds(15), () ->
                    assertThat(counter(port, "herald_redis_reconnects_total")).isPositive());
            double before = counter(port, "herald_redis_round_trips_total");
            Eventually.check(Duration.ofSeconds(5), () ->
                    assertThat(counter(port, "herald_redis_round_trips_total")).isGreaterThan(before));
        }
    }

    private static double counter(int port, String name) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(text);
            if (!m.find()) {
                throw new AssertionError("no " + name + " in /metrics");
            }
            return Double.parseDouble(m.group(2));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
