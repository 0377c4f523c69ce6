package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.protocol.PusherEvents;
import io.herald.testkit.ApiClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.RedisSentinelProcesses;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on a Redis behind Sentinel (a master, a replica, three sentinels) ride out a failover:
 * the master is killed, the sentinels promote the replica, and within {@link #RECOVERY} clients on the
 * two nodes hear each other again and presence is whole, including changes made while there was no
 * master.
 */
class RedisSentinelFailoverTest {

    /** From the master's death to events crossing nodes again: the bound the README states. */
    private static final Duration RECOVERY = Duration.ofSeconds(15);
    private static final Duration PROBE_EVERY = Duration.ofMillis(200);
    private static final String ROOM = "presence-failover";

    @Test
    void clientsOnTwoNodesHearEachOtherAgainAndPresenceRecoversAfterTheMasterDies() {
        try (RedisSentinelProcesses redis = RedisSentinelProcesses.start();
             TestServer a = ClusterNodes.node(redis.url(), o -> { });
             TestServer b = ClusterNodes.node(redis.url(), o -> { });
             RecordingClient ann = a.connect();
             RecordingClient dan = a.connect();
             RecordingClient bob = b.connect();
             RecordingClient carol = b.connect()) {
            join(ann, "ann");
            join(dan, "dan");
            join(bob, "bob");
            Eventually.check(RECOVERY, () -> assertThat(members(a)).containsExactlyInAnyOrder("ann", "dan", "bob"));
            ann.drain();
            bob.drain();

            long killed = System.nanoTime();
            int oldMaster = redis.killMaster();
            // While there is no master: one member leaves on a, another joins on b.
            dan.unsubscribe(ROOM);
            join(carol, "carol");

            Recovery recovery = probeUntilBothDirectionsDeliver(ann, bob, killed);
            assertThat(recovery.aToB()).as("a→b recovery").isLessThanOrEqualTo(RECOVERY);
            assertThat(recovery.bToA()).as("b→a recovery").isLessThanOrEqualTo(RECOVERY);
            assertThat(redis.masterPort()).as("the sentinels' master").isNotEqualTo(oldMaster);

            // Both nodes report the members as they are now, from the new master.
            Eventually.check(RECOVERY, () -> {
                for (TestServer node : List.of(a, b)) {
                    assertThat(members(node)).containsExactlyInAnyOrder("ann", "bob", "carol");
                    assertThat(userCount(node)).isEqualTo(3);
                }
            });
            Duration presence = Duration.ofNanos(System.nanoTime() - killed);
            System.out.printf("Sentinel failover: events cross nodes again %d ms (a→b) and %d ms (b→a), presence"
                    + " is whole %d ms after the master was killed%n", recovery.aToB().toMillis(),
                    recovery.bToA().toMillis(), presence.toMillis());
            assertThat(presence).as("presence recovery").isLessThanOrEqualTo(RECOVERY);
            // What changed during the outage reached the other node's clients too, once.
            assertThat(memberEvents(recovery.seenByAnn(), ann)).containsExactlyInAnyOrder("-dan", "+carol");
            assertThat(memberEvents(recovery.seenByBob(), bob)).containsExactlyInAnyOrder("+carol", "-dan");

            // And member events flow as before.
            carol.close();
            assertThat(ann.awaitEvent(PusherEvents.MEMBER_REMOVED).json().get("user_id").asText()).isEqualTo("carol");
            try (RecordingClient erin = a.connect()) {
                join(erin, "erin");
                assertThat(bob.awaitEvent(PusherEvents.MEMBER_ADDED).json().get("user_id").asText()).isEqualTo("erin");
            }
        }
    }

    /** How long after the kill each direction delivered a client event, and what the clients saw meanwhile. */
    private record Recovery(Duration aToB, Duration bToA, List<ReceivedEvent> seenByAnn, List<ReceivedEvent> seenByBob) {
    }

    /**
     * Every {@link #PROBE_EVERY}, ann (on a) and bob (on b) each send a client event; events sent while
     * the nodes cannot reach a master are lost, so the first one the other side receives marks recovery.
     * Gives up at twice {@link #RECOVERY}, so a slow recovery is measured rather than cut short.
     */
    private static Recovery probeUntilBothDirectionsDeliver(RecordingClient ann, RecordingClient bob, long killed) {
        long giveUp = killed + RECOVERY.multipliedBy(2).toNanos();
        Duration aToB = null;
        Duration bToA = null;
        List<ReceivedEvent> seenByAnn = new ArrayList<>();
        List<ReceivedEvent> seenByBob = new ArrayList<>();
        for (int probe = 0; (aToB == null || bToA == null) && System.nanoTime() < giveUp; probe++) {
            ann.send("client-probe", ROOM, JsonNodeFactory.instance.objectNode().put("n", probe));
            bob.send("client-probe", ROOM, JsonNodeFactory.instance.objectNode().put("n", probe));
            pause(PROBE_EVERY);
            Duration since = Duration.ofNanos(System.nanoTime() - killed);
            if (received(bob, seenByBob) && aToB == null) {
                aToB = since;
            }
            if (received(ann, seenByAnn) && bToA == null) {
                bToA = since;
            }
        }
        assertThat(aToB).as("a→b delivery within %s; bob saw %s", RECOVERY.multipliedBy(2), seenByBob).isNotNull();
        assertThat(bToA).as("b→a delivery within %s; ann saw %s", RECOVERY.multipliedBy(2), seenByAnn).isNotNull();
        return new Recovery(aToB, bToA, seenByAnn, seenByBob);
    }

    /** Moves what {@code client} received into {@code seen}; true if a probe was among it. */
    private static boolean received(RecordingClient client, List<ReceivedEvent> seen) {
        List<ReceivedEvent> events = client.drain();
        seen.addAll(events);
        return events.stream().anyMatch(e -> e.event().equals("client-probe"));
    }

    /** Member events as {@code +id} / {@code -id}: those seen while probing, then any that come within a second. */
    private static List<String> memberEvents(List<ReceivedEvent> seen, RecordingClient client) {
        pause(Duration.ofSeconds(1));
        List<ReceivedEvent> all = new ArrayList<>(seen);
        all.addAll(client.drain());
        List<String> changes = new ArrayList<>();
        for (ReceivedEvent event : all) {
            if (event.event().equals(PusherEvents.MEMBER_ADDED) || event.event().equals(PusherEvents.MEMBER_REMOVED)) {
                changes.add((event.event().equals(PusherEvents.MEMBER_ADDED) ? "+" : "-")
                        + event.json().get("user_id").asText());
            }
        }
        return changes;
    }

    private static void join(RecordingClient client, String userId) {
        client.subscribePresence(TestServer.APP, ROOM, userId, "{\"name\":\"" + userId + "\"}");
        client.assertSubscribed(ROOM);
    }

    private static List<String> members(TestServer node) {
        List<String> ids = new ArrayList<>();
        ok(node.api().get("/apps/app-id/channels/" + ROOM + "/users", Map.of())).get("users")
                .forEach(u -> ids.add(u.get("id").asText()));
        return ids;
    }

    private static int userCount(TestServer node) {
        return ok(node.api().get("/apps/app-id/channels/" + ROOM, Map.of("info", "user_count"))).get("user_count").asInt();
    }

    private static JsonNode ok(ApiClient.Result result) {
        assertThat(result.status()).as("status of %s", result.body()).isEqualTo(200);
        return result.body();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
