package io.herald.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.protocol.ChannelType;
import io.herald.server.message.Frames;
import io.herald.server.message.OutboundEvent;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChannelRegistryTest {

    private static final int NO_LIMIT = 100;

    private final ChannelRegistry registry = new ChannelRegistry();
    private final RecordingSubscriber a = new RecordingSubscriber("1.1");
    private final RecordingSubscriber b = new RecordingSubscriber("1.2");
    private final RecordingSubscriber c = new RecordingSubscriber("1.3");

    @Test
    void theFirstSubscriberOccupiesTheChannel() {
        JoinResult first = registry.join("news", a, null, NO_LIMIT);
        JoinResult second = registry.join("news", b, null, NO_LIMIT);

        assertThat(first.occupied()).isTrue();
        assertThat(second.occupied()).isFalse();
        assertThat(first.isRefused()).isFalse();
        assertThat(first.channel()).isSameAs(second.channel()).isSameAs(registry.find("news"));
        assertThat(registry.find("news").subscriptionCount()).isEqualTo(2);
        assertThat(registry.find("news").type()).isEqualTo(ChannelType.PUBLIC);
    }

    @Test
    void joiningTwiceCountsOnce() {
        registry.join("news", a, null, NO_LIMIT);
        JoinResult again = registry.join("news", a, null, NO_LIMIT);

        assertThat(again.occupied()).isFalse();
        assertThat(again.memberAdded()).isFalse();
        assertThat(registry.find("news").subscriptionCount()).isEqualTo(1);
    }

    @Test
    void theLastSubscriberLeavingVacatesAndRemovesTheChannel() {
        registry.join("news", a, null, NO_LIMIT);
        registry.join("news", b, null, NO_LIMIT);

        LeaveResult first = registry.leave("news", a, null);
        LeaveResult last = registry.leave("news", b, null);

        assertThat(first).isEqualTo(new LeaveResult(true, false, null, a));
        assertThat(last).isEqualTo(new LeaveResult(true, true, null, b));
        assertThat(registry.find("news")).isNull();
        assertThat(registry.channels()).isEmpty();
    }

    @Test
    void leavingWithoutBeingSubscribedChangesNothing() {
        registry.join("news", a, null, NO_LIMIT);

        assertThat(registry.leave("news", b, null).left()).isFalse();
        assertThat(registry.leave("other", a, null).left()).isFalse();
        assertThat(registry.find("news").subscriptionCount()).isEqualTo(1);
        assertThat(registry.find("other")).isNull();
    }

    @Test
    void aUserIsAddedOnItsFirstConnectionAndRemovedWithItsLast() {
        PresenceMember alice = member("alice");

        JoinResult firstTab = registry.join("presence-room", a, alice, NO_LIMIT);
        JoinResult secondTab = registry.join("presence-room", b, alice, NO_LIMIT);
        LeaveResult closeFirst = registry.leave("presence-room", a, "alice");
        int membersWithOneTabLeft = registry.find("presence-room").memberCount();
        LeaveResult closeSecond = registry.leave("presence-room", b, "alice");

        assertThat(firstTab.memberAdded()).isTrue();
        assertThat(secondTab.memberAdded()).isFalse();
        assertThat(closeFirst.memberRemoved()).isFalse();
        assertThat(membersWithOneTabLeft).isEqualTo(1);
        assertThat(closeSecond.memberRemoved()).isTrue();
        assertThat(closeSecond.vacated()).isTrue();
    }

    @Test
    void membersAreListedOncePerUserInJoinOrder() {
        registry.join("presence-room", a, member("bob"), NO_LIMIT);
        registry.join("presence-room", b, member("alice"), NO_LIMIT);
        registry.join("presence-room", c, member("bob"), NO_LIMIT);

        Channel channel = registry.find("presence-room");
        assertThat(channel.type()).isEqualTo(ChannelType.PRESENCE);
        assertThat(channel.memberCount()).isEqualTo(2);
        assertThat(channel.subscriptionCount()).isEqualTo(3);
        assertThat(channel.members()).extracting(PresenceMember::userId).containsExactly("bob", "alice");
        assertThat(channel.members().get(1).userInfo().get("name").asText()).isEqualTo("alice's name");
    }

    @Test
    void aFullPresenceChannelRefusesNewUsersButNotNewTabsOfMembers() {
        registry.join("presence-room", a, member("alice"), 1);

        JoinResult stranger = registry.join("presence-room", b, member("bob"), 1);
        JoinResult aliceAgain = registry.join("presence-room", c, member("alice"), 1);

        assertThat(stranger.isRefused()).isTrue();
        assertThat(stranger.refusal()).contains("1 members");
        assertThat(stranger.channel()).isNull();
        assertThat(aliceAgain.isRefused()).isFalse();
        assertThat(registry.find("presence-room").subscriptionCount()).isEqualTo(2);
        assertThat(registry.find("presence-room").members()).extracting(PresenceMember::userId).containsExactly("alice");
    }

    @Test
    void broadcastReachesEverySubscriberButTheExcludedOneAndReleasesTheFrame() {
        registry.join("news", a, null, NO_LIMIT);
        registry.join("news", b, null, NO_LIMIT);
        registry.join("news", c, null, NO_LIMIT);
        ByteBuf frame = Frames.wire(OutboundEvent.server("news", "e", "x", null));

        registry.find("news").broadcast(frame, b.socketId());

        String expected = "{\"event\":\"e\",\"channel\":\"news\",\"data\":\"x\"}";
        assertThat(a.received()).containsExactly(expected);
        assertThat(b.received()).isEmpty();
        assertThat(c.received()).containsExactly(expected);
        assertThat(frame.refCnt()).as("every reference handed out was released").isZero();
    }

    @Test
    void appsHaveSeparateRegistries() {
        ChannelRegistries registries = new ChannelRegistries();
        registries.forApp("one").join("news", a, null, NO_LIMIT);

        assertThat(registries.forApp("one")).isSameAs(registries.forApp("one"));
        assertThat(registries.forApp("one").find("news")).isNotNull();
        assertThat(registries.forApp("two").find("news")).isNull();
    }

    /** One user on many connections joining and leaving at once: exactly one added per removed, nothing left. */
    @Test
    void concurrentJoinsAndLeavesKeepPresenceCountsExact() throws Exception {
        int threads = 4;
        int rounds = 2_000;
        AtomicInteger added = new AtomicInteger();
        AtomicInteger removed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                RecordingSubscriber tab = new RecordingSubscriber("9." + t);
                done.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < rounds; i++) {
                        if (registry.join("presence-room", tab, member("alice"), NO_LIMIT).memberAdded()) {
                            added.incrementAndGet();
                        }
                        if (registry.leave("presence-room", tab, "alice").memberRemoved()) {
                            removed.incrementAndGet();
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(added.get()).isPositive().isEqualTo(removed.get());
        assertThat(registry.find("presence-room")).isNull();
    }

    private static PresenceMember member(String userId) {
        return new PresenceMember(userId, JsonNodeFactory.instance.objectNode().put("name", userId + "'s name"));
    }
}
