package io.herald.redis;

/**
 * The names of the Redis keys one Herald cluster uses, all under one hash tag made from the key
 * prefix ({@code herald:} becomes <code>{herald}:</code>). Redis Cluster hashes only the tag, so every
 * key lands in one hash slot: the Lua scripts change many keys atomically, which Redis Cluster allows
 * only within one slot. On a single Redis the tag is just part of the name. A prefix that already
 * holds a tag is used as it is.
 */
final class RedisKeys {

    private final String prefix;

    RedisKeys(String configuredPrefix) {
        this.prefix = tagged(configuredPrefix);
    }

    static String tagged(String prefix) {
        int open = prefix.indexOf('{');
        if (open >= 0 && prefix.indexOf('}', open + 1) > open + 1) {
            return prefix;
        }
        String name = prefix.endsWith(":") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return "{" + (name.isEmpty() ? "herald" : name) + "}" + prefix.substring(name.length());
    }

    /** The tagged prefix; {@link ClusterScripts#SYNC} builds key names from it, within the same slot. */
    String prefix() {
        return prefix;
    }

    /** Sorted set node → last heartbeat. */
    String nodes() {
        return prefix + "nodes";
    }

    /**
     * The presence sequence: a counter raised by every member change, cluster-wide, so that a member
     * list and the announcements can be ordered against each other.
     */
    String presenceSequence() {
        return prefix + "pseq";
    }

    /** Hash node → subscribers of the channel there. */
    String subscriptions(String appId, String channel) {
        return prefix + "subs:" + appId + ":" + channel;
    }

    /** Set of the app's occupied channels. */
    String channels(String appId) {
        return prefix + "chans:" + appId;
    }

    /** Hash user → nodes where the user is a member of the channel. */
    String users(String appId, String channel) {
        return prefix + "users:" + appId + ":" + channel;
    }

    /** Hash user → user_info JSON. */
    String infos(String appId, String channel) {
        return prefix + "info:" + appId + ":" + channel;
    }

    /** Set of {@code app\nchannel} the node has state in, for purging it. */
    String nodeIndex(String nodeId) {
        return prefix + "node:" + nodeId;
    }

    /** Set of the node's members of the channel. */
    String nodeUsers(String nodeId, String appId, String channel) {
        return prefix + "nusers:" + nodeId + ":" + appId + ":" + channel;
    }

    /** A vacancy ({@code userId} null) or member departure waiting out its grace period. */
    String departure(String appId, String channel, String userId) {
        return prefix + "gone:" + appId + ":" + channel + (userId == null ? "" : "\n" + userId);
    }

    /** Hash app → the node's connections, expiring with the node. */
    String connections(String nodeId) {
        return prefix + "conns:" + nodeId;
    }

    /** Hash app → the node's message totals and rates ({@link SharedActivity}), expiring with the node. */
    String messages(String nodeId) {
        return prefix + "msgs:" + nodeId;
    }

    /** Stream of one app endpoint's webhook events waiting to be delivered (consumer group {@code delivery}). */
    String webhooks(String appId, String url) {
        return prefix + "hooks:" + appId + ":" + url;
    }

    /** The node that delivers one endpoint's webhooks, expiring unless that node renews it. */
    String webhookDeliverer(String appId, String url) {
        return prefix + "hooks-by:" + appId + ":" + url;
    }

    /** The last event of a cache channel. */
    String cache(String appId, String channel) {
        return prefix + "cache:" + appId + ":" + channel;
    }
}
