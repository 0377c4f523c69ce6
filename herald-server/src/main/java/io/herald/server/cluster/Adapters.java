package io.herald.server.cluster;

import io.herald.server.config.ConfigException;
import io.herald.server.config.Setting;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@link AdapterFactory}s: {@code local}, then those on the classpath, looked up once. Builds the
 * adapter the {@code adapter} setting names.
 */
public final class Adapters {

    private static final List<AdapterFactory> FACTORIES = Stream.concat(Stream.of(new LocalAdapterFactory()),
            ServiceLoader.load(AdapterFactory.class).stream().map(ServiceLoader.Provider::get)).toList();

    private Adapters() {
    }

    public static List<AdapterFactory> factories() {
        return FACTORIES;
    }

    /**
     * The factory {@code adapter} names.
     *
     * @throws ConfigException naming {@code adapter} and the adapters there are, when none has that name
     */
    public static AdapterFactory named(String name) {
        return FACTORIES.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() ->
                ConfigException.field("adapter", "must be " + FACTORIES.stream().map(AdapterFactory::name)
                        .collect(Collectors.joining(" or ")) + ", was \"" + name + "\""));
    }

    /** The settings every factory declares. */
    public static List<Setting> settings() {
        return FACTORIES.stream().flatMap(f -> f.settings().stream()).toList();
    }

    /** Checks the options' adapter settings again (they may not come from a configuration file) and builds the adapter. */
    public static Adapter create(ClusterNode node) {
        AdapterFactory factory = named(node.options().adapter());
        factory.validate(node.options().adapterSettings(), true);
        return factory.create(node);
    }
}
