package io.herald.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.config.ConfigException;
import io.herald.server.config.Setting;
import java.util.List;

/**
 * Builds a cluster {@link Adapter} and owns its settings. {@code local} is built in; others live in
 * another module (herald-redis), found with {@link java.util.ServiceLoader} so the server never depends
 * on them. Implementations are listed in {@code META-INF/services/io.herald.server.cluster.AdapterFactory}.
 *
 * <p>An adapter's settings sit at the top level of the configuration, beside {@code adapter}
 * ({@code redis-url}); the server knows only their names, from {@link #settings()}, and keeps the
 * fields as read for {@link #validate} and {@link #create}.
 */
public interface AdapterFactory {

    /** The name the {@code adapter} setting selects this factory by, such as {@code redis}. */
    String name();

    /**
     * Its settings, which environment variables and flags may set too. Each is top-level (parent
     * {@code ""}); several adapters may declare the same one.
     */
    List<Setting> settings();

    /**
     * Checks its settings when the configuration is loaded, so a mistake stops the server before it starts.
     *
     * @param settings its fields as given, an empty object when none are
     * @param selected whether {@code adapter} names it: settings it cannot do without are required only then
     * @throws ConfigException naming the field
     */
    void validate(JsonNode settings, boolean selected);

    /**
     * A new adapter for this node, configured by {@link io.herald.server.config.ServerOptions#adapterSettings()};
     * it may connect in the background but must not block for long.
     */
    Adapter create(ClusterNode node);
}
