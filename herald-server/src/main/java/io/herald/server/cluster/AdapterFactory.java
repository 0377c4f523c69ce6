package io.herald.server.cluster;

/**
 * Builds a cluster {@link Adapter} that lives in another module (herald-redis), found with
 * {@link java.util.ServiceLoader} so the server never depends on it. Implementations are listed in
 * {@code META-INF/services/io.herald.server.cluster.AdapterFactory}.
 */
public interface AdapterFactory {

    /** The name the {@code adapter} setting selects this factory by, such as {@code redis}. */
    String name();

    /** A new adapter for this node; it may connect in the background but must not block for long. */
    Adapter create(ClusterNode node);
}
