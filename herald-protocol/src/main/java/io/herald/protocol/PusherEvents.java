package io.herald.protocol;

/** Names of the protocol's own events. */
public final class PusherEvents {

    public static final String CONNECTION_ESTABLISHED = "pusher:connection_established";
    public static final String ERROR = "pusher:error";
    public static final String PING = "pusher:ping";
    public static final String PONG = "pusher:pong";
    public static final String SUBSCRIBE = "pusher:subscribe";
    public static final String UNSUBSCRIBE = "pusher:unsubscribe";
    public static final String SUBSCRIPTION_ERROR = "pusher:subscription_error";
    public static final String SIGNIN = "pusher:signin";
    public static final String SIGNIN_SUCCESS = "pusher:signin_success";
    public static final String CACHE_MISS = "pusher:cache_miss";
    public static final String SUBSCRIPTION_SUCCEEDED = "pusher_internal:subscription_succeeded";
    public static final String MEMBER_ADDED = "pusher_internal:member_added";
    public static final String MEMBER_REMOVED = "pusher_internal:member_removed";
    public static final String SUBSCRIPTION_COUNT = "pusher_internal:subscription_count";
    public static final String WATCHLIST_EVENTS = "pusher_internal:watchlist_events";

    /** Client events are named {@code client-…}. */
    public static final String CLIENT_EVENT_PREFIX = "client-";

    private PusherEvents() {
    }

    public static boolean isClientEvent(String event) {
        return event != null && event.startsWith(CLIENT_EVENT_PREFIX);
    }
}
