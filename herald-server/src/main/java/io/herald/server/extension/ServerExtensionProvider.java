package io.herald.server.extension;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.app.AppSource;
import io.herald.server.config.ConfigException;
import io.herald.server.config.ServerOptions;
import io.herald.server.config.Setting;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link ServerExtension} that lives in another module, found with
 * {@link java.util.ServiceLoader} so the server never depends on it. Implementations are listed in
 * {@code META-INF/services/io.herald.server.extension.ServerExtensionProvider}.
 *
 * <p>An extension owns one top-level block of the configuration, named {@link #name()}: the server
 * keeps that block as it is read and hands it to {@link #validate} and {@link #start}.
 */
public interface ServerExtensionProvider {

    /** The top-level configuration block it owns, such as {@code push}. */
    String name();

    /** Settings of its block that environment variables and flags may set; each has {@link #name()} as parent. */
    List<Setting> settings();

    /**
     * Checks its block when the configuration is loaded, so a mistake stops the server before it starts.
     *
     * @param settings the block, an empty object when the configuration has none
     * @throws ConfigException naming the field
     */
    void validate(JsonNode settings);

    /**
     * The source of apps its block asks for (a database), or empty to leave the apps to the
     * configuration file, the default. Called before {@link #start}; the node closes the source.
     *
     * @throws RuntimeException with a clear message when the source can't be opened (database down)
     */
    default Optional<AppSource> appSource(ServerOptions options, JsonNode settings) {
        return Optional.empty();
    }

    /** Starts the extension for a node about to listen; may block while it opens its resources. */
    ServerExtension start(ServerOptions options, JsonNode settings);
}
