package io.herald.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Records everything a client tells its listeners, in queues the test thread waits on. Waits time out
 * after {@link #TIMEOUT} and fail listing what did arrive.
 */
final class ClientRecorder implements ConnectionListener, EventListener, ChannelListener, PresenceListener,
        UserListener, WatchlistListener {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The channel name of user and watchlist notices. */
    static final String USER = "(user)";

    /**
     * A channel, presence, user or watchlist notice: {@code kind} is subscribed, error, decrypt, added,
     * removed, signedIn (detail: user id), signinError (status: code), online or offline (detail: ids).
     */
    record Notice(String kind, String channel, String detail, int status) {
    }

    private final BlockingQueue<ConnectionStateChange> states = new LinkedBlockingQueue<>();
    private final BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Notice> notices = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

    @Override
    public void onStateChange(ConnectionStateChange change) {
        states.add(change);
    }

    @Override
    public void onError(int code, String message) {
        errors.add(code + " " + message);
    }

    @Override
    public void onEvent(PusherEvent event) {
        events.add(event);
    }

    @Override
    public void onSubscribed(Channel channel) {
        notices.add(new Notice("subscribed", channel.name(), "", 0));
    }

    @Override
    public void onSubscriptionError(Channel channel, int status, String message) {
        notices.add(new Notice("error", channel.name(), message, status));
    }

    @Override
    public void onDecryptionFailure(Channel channel, String event, String reason) {
        notices.add(new Notice("decrypt", channel.name(), event + ": " + reason, 0));
    }

    @Override
    public void onMemberAdded(PresenceChannel channel, Member member) {
        notices.add(new Notice("added", channel.name(), member.id(), 0));
    }

    @Override
    public void onMemberRemoved(PresenceChannel channel, Member member) {
        notices.add(new Notice("removed", channel.name(), member.id(), 0));
    }

    @Override
    public void onSignedIn(String userId, String userData) {
        notices.add(new Notice("signedIn", USER, userId, 0));
    }

    @Override
    public void onSigninError(int code, String message) {
        notices.add(new Notice("signinError", USER, message, code));
    }

    @Override
    public void onOnline(List<String> userIds) {
        notices.add(new Notice("online", USER, String.join(",", userIds), 0));
    }

    @Override
    public void onOffline(List<String> userIds) {
        notices.add(new Notice("offline", USER, String.join(",", userIds), 0));
    }

    ConnectionStateChange awaitState(ConnectionState state) {
        return await(states, change -> change.current() == state, "state " + state);
    }

    /** The next event with this name (earlier others are dropped). */
    PusherEvent awaitEvent(String name) {
        return await(events, event -> name.equals(event.event()), "event " + name);
    }

    PusherEvent awaitEvent(String name, String channel) {
        return await(events, event -> name.equals(event.event()) && channel.equals(event.channel()),
                "event " + name + " on " + channel);
    }

    Notice awaitNotice(String kind, String channel) {
        return await(notices, notice -> notice.kind().equals(kind) && notice.channel().equals(channel),
                kind + " on " + channel);
    }

    /** The next user or watchlist notice of this kind. */
    Notice awaitUserNotice(String kind) {
        return awaitNotice(kind, USER);
    }

    void awaitSubscribed(String channel) {
        awaitNotice("subscribed", channel);
    }

    String awaitError() {
        return await(errors, error -> true, "a pusher:error");
    }

    /** Waits {@code quiet} and fails if an event with this name arrived meanwhile. */
    void assertNoEvent(String name, Duration quiet) {
        List<PusherEvent> seen = drainFor(events, quiet);
        assertThat(seen).as("events named %s", name).noneMatch(event -> name.equals(event.event()));
    }

    /** Waits {@code quiet} and returns every state change seen meanwhile. */
    List<ConnectionStateChange> statesDuring(Duration quiet) {
        return drainFor(states, quiet);
    }

    private static <T> List<T> drainFor(BlockingQueue<T> queue, Duration quiet) {
        List<T> seen = new ArrayList<>();
        long deadline = System.nanoTime() + quiet.toNanos();
        try {
            for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                T item = queue.poll(left, TimeUnit.NANOSECONDS);
                if (item != null) {
                    seen.add(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return seen;
    }

    private static <T> T await(BlockingQueue<T> queue, Predicate<T> wanted, String what) {
        List<T> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                T item = queue.poll(left, TimeUnit.NANOSECONDS);
                if (item != null && wanted.test(item)) {
                    return item;
                }
                if (item != null) {
                    skipped.add(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + what + " within " + TIMEOUT + "; got " + skipped);
    }
}
