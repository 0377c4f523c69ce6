package io.herald.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/**
 * An app's settings as {@code herald apps create} and {@code update} take them: a JSON definition
 * with the admin API's fields, and flags for the common ones, which win over it.
 */
final class AppDefinitionOptions {

    private final CliContext context;

    @Option(names = "--definition", paramLabel = "JSON|@FILE",
            description = "Settings as JSON (max_connections, client_events, limits, webhooks, allowed_origins, …), or @FILE (@- for stdin)")
    String definition;

    @Option(names = "--max-connections", paramLabel = "N", description = "Most simultaneous connections, 0 for no limit")
    Integer maxConnections;

    @Option(names = "--client-events", paramLabel = "true|false", arity = "1", description = "Whether clients may send client- events")
    Boolean clientEvents;

    @Option(names = "--enabled", paramLabel = "true|false", arity = "1", description = "Enable or disable the app")
    Boolean enabled;

    AppDefinitionOptions(CliContext context) {
        this.context = context;
    }

    /** The request body: the definition with the flags over it. */
    ObjectNode body() {
        ObjectNode body = Json.object();
        if (definition != null) {
            JsonNode parsed = Json.parse(Payload.json(definition, "--definition", context), "--definition");
            if (!parsed.isObject()) {
                throw new CliException("--definition must be a JSON object");
            }
            body.setAll((ObjectNode) parsed);
        }
        if (maxConnections != null) {
            body.put("max_connections", maxConnections);
        }
        if (clientEvents != null) {
            body.put("client_events", clientEvents);
        }
        if (enabled != null) {
            body.put("enabled", enabled);
        }
        return body;
    }
}
