package io.herald.server.user;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's signed-in users (user id → its connections here) and watchers (user id → the
 * connections whose watchlist names it), per app. Cluster-wide decisions (is the user online
 * anywhere?) belong to the {@code Adapter}; this only knows the local side. Thread-safe.
 */
public final class UserRegistry {

    private final ConcurrentHashMap<String, Set<UserConnection>> signedIn = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<UserConnection>> watchers = new ConcurrentHashMap<>();

    /** Records a signed-in connection; true when it is the user's first on this node. */
    public boolean add(String appId, String userId, UserConnection connection) {
        boolean[] first = new boolean[1];
        signedIn.compute(key(appId, userId), (k, set) -> {
            Set<UserConnection> connections = set != null ? set : ConcurrentHashMap.newKeySet();
            first[0] = connections.isEmpty();
            connections.add(connection);
            return connections;
        });
        return first[0];
    }

    /** Forgets a signed-in connection; true when it was the user's last on this node. */
    public boolean remove(String appId, String userId, UserConnection connection) {
        boolean[] last = new boolean[1];
        signedIn.computeIfPresent(key(appId, userId), (k, set) -> {
            last[0] = set.remove(connection) && set.isEmpty();
            return set.isEmpty() ? null : set;
        });
        return last[0];
    }

    /** The user's signed-in connections on this node; a snapshot. */
    public List<UserConnection> connections(String appId, String userId) {
        Set<UserConnection> set = signedIn.get(key(appId, userId));
        return set == null ? List.of() : List.copyOf(set);
    }

    public boolean isSignedInHere(String appId, String userId) {
        return signedIn.containsKey(key(appId, userId));
    }

    /** Makes {@code connection} a watcher of each of {@code userIds}. */
    public void watch(String appId, UserConnection connection, Collection<String> userIds) {
        for (String userId : userIds) {
            watchers.computeIfAbsent(key(appId, userId), k -> ConcurrentHashMap.newKeySet()).add(connection);
        }
    }

    public void unwatch(String appId, UserConnection connection, Collection<String> userIds) {
        for (String userId : userIds) {
            watchers.computeIfPresent(key(appId, userId), (k, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** The connections on this node watching {@code userId}; a snapshot. */
    public List<UserConnection> watchers(String appId, String userId) {
        Set<UserConnection> set = watchers.get(key(appId, userId));
        return set == null ? List.of() : List.copyOf(set);
    }

    private static String key(String appId, String userId) {
        return appId + '\u0000' + userId;
    }
}
