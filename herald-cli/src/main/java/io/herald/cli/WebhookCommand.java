package io.herald.cli;

import picocli.CommandLine.Command;

/** {@code herald webhook}: tools for the webhooks Herald sends. */
@Command(name = "webhook",
        mixinStandardHelpOptions = true,
        description = "Webhook tools.",
        subcommands = WebhookVerifyCommand.class,
        footerHeading = "%nExamples:%n",
        footer = "  herald webhook verify --key app-key --signature 3a7c… < body.json")
final class WebhookCommand {
}
