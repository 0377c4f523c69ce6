package io.herald.cli;

import io.herald.sdk.HeraldClient;
import io.herald.sdk.HeraldOptions;
import java.net.URI;
import picocli.CommandLine.Mixin;

/** A {@link JsonCommand} of the Channels HTTP API, through the server SDK's {@link HeraldClient}. */
abstract class ApiCommand extends JsonCommand<HeraldClient> {

    @Mixin
    ConnectionOptions connection;

    protected ApiCommand(CliContext context) {
        super(context);
    }

    /** The SDK options this command needs. */
    protected HeraldOptions options() {
        return connection.options();
    }

    @Override
    protected final HeraldClient connect() {
        return HeraldClient.create(options());
    }

    @Override
    protected final URI server(HeraldClient client) {
        return client.options().baseUri();
    }
}
