package io.herald.cli;

import picocli.CommandLine.Command;

/** {@code herald push}: publish push notifications and manage Beams users, on Herald or hosted Beams. */
@Command(name = "push",
        mixinStandardHelpOptions = true,
        description = "Push notifications through the Beams APIs (Herald's, or hosted Pusher Beams with --hosted).",
        subcommands = {PushPublishCommand.class, PushTokenCommand.class, PushDeleteUserCommand.class, PushStatusCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  herald push publish -i orders --title Shipped --body 'Order 42 is on its way'",
                "  herald push publish -u 42 --title Hi --deep-link https://shop.example/o/42",
                "  herald push token 42",
                "  herald push status pubid-…",
                "  herald push delete-user 42",
                "",
                "Settings: flags, then --env-file (or ./.env), then PUSHER_BEAMS_INSTANCE_ID,",
                "PUSHER_BEAMS_SECRET_KEY, PUSHER_BEAMS_BASE_URL, PUSHER_BEAMS_TIMEOUT. Without a",
                "base URL (or --hosted) the commands talk to a local Herald at " + PushConnectionOptions.LOCAL_BASE_URL + "."})
final class PushCommand {
}
