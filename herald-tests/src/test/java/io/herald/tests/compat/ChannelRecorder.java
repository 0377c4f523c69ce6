package io.herald.tests.compat;

import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PrivateEncryptedChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records what pusher-java-client reports for one channel of any type. The library calls it on its
 * own event thread, so callbacks only queue; waits happen on the test thread with a timeout and
 * fail with whatever errors the library reported instead.
 */
final class ChannelRecorder implements PresenceChannelEventListener, PrivateEncryptedChannelEventListener {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Set<User>> usersInformation = new LinkedBlockingQueue<>();
    private final BlockingQueue<User> usersSubscribed = new LinkedBlockingQueue<>();
    private final BlockingQueue<User> usersUnsubscribed = new LinkedBlockingQueue<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void onSubscriptionSucceeded(String channelName) {
        subscribed.countDown();
    }

    @Override
    public void onEvent(PusherEvent event) {
        events.add(event);
    }

    @Override
    public void onError(String message, Exception e) {
        errors.add("error: " + message + (e == null ? "" : " (" + e + ")"));
    }

    @Override
    public void onAuthenticationFailure(String message, Exception e) {
        errors.add("authorization failed: " + message + (e == null ? "" : " (" + e + ")"));
    }

    @Override
    public void onDecryptionFailure(String event, String reason) {
        errors.add("decryption of " + event + " failed: " + reason);
    }

    @Override
    public void onUsersInformationReceived(String channelName, Set<User> users) {
        usersInformation.add(Set.copyOf(users));
    }

    @Override
    public void userSubscribed(String channelName, User user) {
        usersSubscribed.add(user);
    }

    @Override
    public void userUnsubscribed(String channelName, User user) {
        usersUnsubscribed.add(user);
    }

    void awaitSubscribed() {
        try {
            if (!subscribed.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("not subscribed within " + TIMEOUT.toMillis() + " ms; errors " + errors);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    PusherEvent nextEvent() {
        return poll(events, "event");
    }

    Set<User> awaitUsersInformation() {
        return poll(usersInformation, "onUsersInformationReceived");
    }

    User awaitUserSubscribed() {
        return poll(usersSubscribed, "userSubscribed");
    }

    User awaitUserUnsubscribed() {
        return poll(usersUnsubscribed, "userUnsubscribed");
    }

    /** What the library reported as failures so far. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    private <T> T poll(BlockingQueue<T> queue, String what) {
        try {
            T next = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new AssertionError("no " + what + " within " + TIMEOUT.toMillis() + " ms; errors " + errors);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
