package io.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.RedisServerProcess;
import io.herald.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * --subscribe-to / --publish-to against two in-process nodes joined by the redis adapter: every
 * delivery crosses Redis. --port points at a closed port, so a run that ignored the options fails.
 */
class CrossNodeTest {

    private static final String NOWHERE = "1";

    private static RedisServerProcess redis;
    private static TestServer nodeA;
    private static TestServer nodeB;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.start();
        nodeA = node();
        nodeB = node();
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
        redis.close();
    }

    private static TestServer node() {
        return TestServer.start(b -> b.adapter("redis").adapterSetting("redis-url", redis.url()).adapterSetting("redis-key-prefix", "bench:"));
    }

    @Test
    void fanoutWithSubscribersOnOneNodeAndPublishingThroughAnotherDeliversEverything() throws Exception {
        JsonNode json = run("fanout", "--subscribers", "6", "--events", "5",
                "--subscribe-to", address(nodeB), "--publish-to", address(nodeA));

        assertThat(json.at("/parameters/subscribe_to").asText()).isEqualTo(address(nodeB));
        assertThat(json.at("/parameters/publish_to").asText()).isEqualTo(address(nodeA));
        assertThat(json.at("/results/deliveries.received").asLong()).isEqualTo(30);
        assertThat(json.at("/results/deliveries.lost").asLong()).isZero();
    }

    @Test
    void channelsSpreadSubscribersRoundRobinOverTheNodes() throws Exception {
        JsonNode json = run("channels", "--subscribers", "8", "--channels", "2", "--events", "4",
                "--subscribe-to", address(nodeA) + "," + address(nodeB), "--publish-to", address(nodeB));

        assertThat(json.at("/parameters/subscribe_to").asText()).isEqualTo(address(nodeA) + "," + address(nodeB));
        assertThat(json.at("/results/connections.subscribed").asLong()).isEqualTo(8);
        assertThat(json.at("/results/deliveries.received").asLong()).isEqualTo(16);
        assertThat(json.at("/results/deliveries.lost").asLong()).isZero();
    }

    @Test
    void refusesANodeWithoutAPort() {
        int exit = new CommandLine(new BenchCommand()).execute("fanout", "--port", NOWHERE, "--quiet",
                "--subscribe-to", "127.0.0.1", "--out", dir.resolve("bad.json").toString());

        assertThat(exit).isEqualTo(2);
    }

    /** Runs a scenario in-process with --port pointing nowhere; returns its JSON result after a clean exit. */
    private JsonNode run(String... args) throws Exception {
        Path out = dir.resolve("result.json");
        String[] common = {"--port", NOWHERE, "--in-process", "--quiet", "--drain", "2", "--out", out.toString()};
        String[] all = new String[1 + common.length + args.length - 1];
        all[0] = args[0];
        System.arraycopy(common, 0, all, 1, common.length);
        System.arraycopy(args, 1, all, 1 + common.length, args.length - 1);

        int exit = new CommandLine(new BenchCommand()).execute(all);

        assertThat(exit).as("exit code").isZero();
        return Worker.JSON.readTree(Files.readString(out));
    }

    private static String address(TestServer node) {
        return "127.0.0.1:" + node.port();
    }
}
