package io.herald.server.cluster;

import java.util.ServiceLoader;

/** Builds the adapter the {@code adapter} setting names: {@code local}, or one an {@link AdapterFactory} provides. */
public final class Adapters {

    private Adapters() {
    }

    public static Adapter create(ClusterNode node) {
        String name = node.options().adapter();
        if (name.equals("local")) {
            return new LocalAdapter(node);
        }
        for (AdapterFactory factory : ServiceLoader.load(AdapterFactory.class)) {
            if (factory.name().equals(name)) {
                return factory.create(node);
            }
        }
        throw new IllegalArgumentException("adapter: no adapter named \"" + name
                + "\" on the classpath (the redis adapter is in herald-redis, part of herald.jar)");
    }
}
