package io.herald.cli;

import io.herald.sdk.HeraldRest;
import io.herald.sdk.HeraldRestOptions;
import java.net.URI;
import picocli.CommandLine.Mixin;

/** A {@link JsonCommand} of the Channels HTTP API, through the server SDK's {@link HeraldRest}. */
abstract class ApiCommand extends JsonCommand<HeraldRest> {

    @Mixin
    ConnectionOptions connection;

    protected ApiCommand(CliContext context) {
        super(context);
    }

    /** The SDK options this command needs. */
    protected HeraldRestOptions options() {
        return connection.options();
    }

    @Override
    protected final HeraldRest connect() {
        return HeraldRest.create(options());
    }

    @Override
    protected final URI server(HeraldRest client) {
        return client.options().baseUri();
    }
}
