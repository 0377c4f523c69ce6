package io.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.PusherEvents;
import io.herald.testkit.ReceivedEvent;
import io.herald.testkit.RecordingClient;
import io.herald.testkit.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The presence guarantee on the Redis path: a subscriber learns of every other member exactly once,
 * either in its {@code subscription_succeeded} list or by a {@code member_added} that follows it, never
 * both and never neither (nor by a {@code member_added} before the list, which a client's list would
 * overwrite). Each round, joiners on both nodes race each other: a list read from Redis and the
 * announcements that each node relays when Redis confirmed a change must never overlap or leave a gap.
 */
class RedisPresenceGuaranteeTest {

    private static final int ROUNDS = 40;
    private static final int CLIENTS_PER_NODE = 3;
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** How long a subscriber that knows everyone is watched for a duplicate announcement. */
    private static final Duration QUIET = Duration.ofMillis(250);

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void concurrentJoinersLearnOfEachOtherExactlyOnce() {
        try (ClusterNodes.TwoNodes cluster = ClusterNodes.TwoNodes.start(b -> { })) {
            List<RecordingClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS_PER_NODE; i++) {
                    clients.add(cluster.a().connect());
                    clients.add(cluster.b().connect());
                }
                for (int round = 0; round < ROUNDS; round++) {
                    playRound(clients, "presence-race-" + round);
                }
            } finally {
                clients.forEach(RecordingClient::close);
            }
        }
    }

    /** Every client joins {@code channel} at once, each as its own user; then each one's view is checked. */
    private static void playRound(List<RecordingClient> clients, String channel) {
        List<List<ReceivedEvent>> frames = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            frames.add(new ArrayList<>());
        }
        List<Set<String>> others = join(clients, channel);
        settle(clients, frames, channel, others);
        collect(clients, frames, QUIET);
        for (int i = 0; i < clients.size(); i++) {
            checkView(frames.get(i), channel, user(i), others.get(i));
        }
        clients.forEach(c -> c.unsubscribe(channel));
    }

    /** The clients join, alternating between the nodes; returns whom each should know of. */
    private static List<Set<String>> join(List<RecordingClient> clients, String channel) {
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).subscribePresence(TestServer.APP, channel, user(i), "{\"n\":" + i + "}");
        }
        List<Set<String>> others = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Set<String> rest = new HashSet<>();
            for (int j = 0; j < clients.size(); j++) {
                if (j != i) {
                    rest.add(user(j));
                }
            }
            others.add(rest);
        }
        return others;
    }

    /** Collects frames until every joined client knows of the others, or {@link #SETTLE} passed. */
    private static void settle(List<RecordingClient> clients, List<List<ReceivedEvent>> frames, String channel,
                               List<Set<String>> others) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!allKnowAll(frames, channel, others) && System.nanoTime() < deadline) {
            collect(clients, frames, Duration.ofMillis(10));
        }
    }

    private static void checkView(List<ReceivedEvent> frames, String channel, String self, Set<String> others) {
        List<String> listed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> addedTooEarly = new ArrayList<>();
        boolean subscribed = false;
        for (ReceivedEvent frame : onChannel(frames, channel)) {
            if (frame.event().equals(PusherEvents.SUBSCRIPTION_SUCCEEDED)) {
                assertThat(subscribed).as("%s: a second subscription_succeeded on %s", self, channel).isFalse();
                subscribed = true;
                frame.json().get("presence").get("ids").forEach(id -> listed.add(id.asText()));
            } else if (frame.event().equals(PusherEvents.MEMBER_ADDED)) {
                (subscribed ? added : addedTooEarly).add(frame.json().get("user_id").asText());
            }
        }
        String view = self + " on " + channel + ": listed " + listed + ", then member_added " + added
                + ", member_added before the list " + addedTooEarly;
        assertThat(subscribed).as(view).isTrue();
        assertThat(addedTooEarly).as(view).isEmpty();
        assertThat(listed).as(view).contains(self).doesNotHaveDuplicates();
        assertThat(added).as(view).doesNotContain(self).doesNotHaveDuplicates();
        List<String> learned = new ArrayList<>(listed);
        learned.remove(self);
        learned.addAll(added);
        assertThat(learned).as(view).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(others);
    }

    private static boolean allKnowAll(List<List<ReceivedEvent>> frames, String channel, List<Set<String>> others) {
        for (int i = 0; i < frames.size(); i++) {
            if (!knowsAll(frames.get(i), channel, others.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the frames so far name every other member, in the list or announced after it. */
    private static boolean knowsAll(List<ReceivedEvent> frames, String channel, Set<String> others) {
        Set<String> known = new HashSet<>();
        boolean subscribed = false;
        for (ReceivedEvent frame : onChannel(frames, channel)) {
            if (frame.event().equals(PusherEvents.SUBSCRIPTION_SUCCEEDED)) {
                subscribed = true;
                frame.json().get("presence").get("ids").forEach(id -> known.add(id.asText()));
            } else if (subscribed && frame.event().equals(PusherEvents.MEMBER_ADDED)) {
                known.add(frame.json().get("user_id").asText());
            }
        }
        return subscribed && known.containsAll(others);
    }

    private static List<ReceivedEvent> onChannel(List<ReceivedEvent> frames, String channel) {
        return frames.stream().filter(f -> channel.equals(f.channel())).toList();
    }

    private static void collect(List<RecordingClient> clients, List<List<ReceivedEvent>> into, Duration wait) {
        pause(wait);
        for (int i = 0; i < clients.size(); i++) {
            into.get(i).addAll(clients.get(i).drain());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String user(int index) {
        return "user-" + index;
    }
}
