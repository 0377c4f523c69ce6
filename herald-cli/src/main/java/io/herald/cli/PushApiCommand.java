package io.herald.cli;

import io.herald.sdk.push.HeraldPush;
import java.net.URI;
import picocli.CommandLine.Mixin;

/** A {@link JsonCommand} of the Beams APIs, through the SDK's {@link HeraldPush}. */
abstract class PushApiCommand extends JsonCommand<HeraldPush> {

    @Mixin
    PushConnectionOptions connection;

    protected PushApiCommand(CliContext context) {
        super(context);
    }

    @Override
    protected final HeraldPush connect() {
        return HeraldPush.create(connection.options());
    }

    @Override
    protected final URI server(HeraldPush push) {
        return push.options().baseUrl();
    }
}
