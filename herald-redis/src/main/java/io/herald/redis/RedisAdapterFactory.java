package io.herald.redis;

import io.herald.server.cluster.Adapter;
import io.herald.server.cluster.AdapterFactory;
import io.herald.server.cluster.ClusterNode;

/** Provides {@code adapter: redis} to the server through {@link java.util.ServiceLoader}. */
public final class RedisAdapterFactory implements AdapterFactory {

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Adapter create(ClusterNode node) {
        return new RedisAdapter(node);
    }
}
