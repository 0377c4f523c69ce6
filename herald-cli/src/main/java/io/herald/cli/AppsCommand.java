package io.herald.cli;

import picocli.CommandLine.Command;

/** {@code herald apps}: manage a running node's apps through its admin API. */
@Command(name = "apps",
        mixinStandardHelpOptions = true,
        description = "Manage apps through a node's admin API (apps in a database: apps-store.type embedded or postgresql).",
        subcommands = {AppsListCommand.class, AppsCreateCommand.class, AppsUpdateCommand.class, AppsDisableCommand.class,
                AppsDeleteCommand.class, AppsRotateSecretCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  herald apps list",
                "  herald apps create --id shop --max-connections 1000     # prints the generated key and secret once",
                "  herald apps update shop --definition '{\"limits\":{\"max_channels\":50}}'",
                "  herald apps disable shop",
                "  herald apps rotate-secret shop --grace 10m",
                "  herald apps delete shop",
                "",
                "Settings: --url (" + AdminConnectionOptions.ENV_URL + ", default " + AdminConnectionOptions.LOCAL_URL + ") and",
                "--admin-token (" + AdminConnectionOptions.ENV_TOKEN + "), from flags, then --env-file (or ./.env), then the environment."})
final class AppsCommand {
}
