package io.herald.redis;

import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;

/**
 * A Redis Cluster {@code redis-url}: {@code redis-cluster://[[user]:password@]host[:port][,host[:port]…][?options]},
 * or {@code rediss-cluster://} for TLS. The hosts are seed nodes: any one that answers tells the
 * client the whole cluster. The credentials and options apply to every node.
 */
final class ClusterUrl {

    private static final String PLAIN = "redis-cluster://";
    private static final String TLS = "rediss-cluster://";

    private ClusterUrl() {
    }

    static boolean isCluster(String url) {
        return url.startsWith(PLAIN) || url.startsWith(TLS);
    }

    /** One {@link RedisURI} per seed node; a malformed URL fails naming {@code redis-url}. */
    static List<RedisURI> seeds(String url) {
        if (!isCluster(url)) {
            throw bad(url, "is not a redis-cluster:// or rediss-cluster:// URL");
        }
        String scheme = url.startsWith(TLS) ? "rediss://" : "redis://";
        String rest = url.substring(url.indexOf("://") + 3);
        int at = rest.lastIndexOf('@');
        String credentials = rest.substring(0, at + 1);
        String hosts = rest.substring(at + 1);
        int options = hosts.indexOf('?');
        String query = options < 0 ? "" : hosts.substring(options);
        hosts = options < 0 ? hosts : hosts.substring(0, options);
        if (hosts.contains("/")) {
            throw bad(url, "cannot name a database: a Redis Cluster has only database 0");
        }
        List<RedisURI> seeds = new ArrayList<>();
        for (String host : hosts.split(",", -1)) {
            if (host.isBlank()) {
                throw bad(url, "needs host[:port] seed nodes separated by commas");
            }
            RedisURI seed;
            try {
                seed = RedisURI.create(scheme + credentials + host.strip() + query);
            } catch (IllegalArgumentException e) {
                throw bad(url, "has a malformed seed node \"" + host + "\": " + e.getMessage());
            }
            // Lettuce keeps "host:notaport" whole as the host name; only an IPv6 [address] has colons.
            if (seed.getHost().contains(":") && !seed.getHost().startsWith("[")) {
                throw bad(url, "has a seed node whose port is not a number: \"" + host + "\"");
            }
            seeds.add(seed);
        }
        return seeds;
    }

    private static IllegalArgumentException bad(String url, String problem) {
        return new IllegalArgumentException("redis-url " + problem + ", was \"" + redacted(url) + "\"");
    }

    /** {@code url} with its password (between {@code ://[user]:} and {@code @}) as {@code ***}: fit for messages and logs. */
    static String redacted(String url) {
        return url.replaceFirst("^([a-z-]+://[^:@/]*:)[^@/]*@", "$1***@");
    }
}
