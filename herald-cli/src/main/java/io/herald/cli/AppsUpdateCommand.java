package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herald apps update APP_ID}: changes the given settings, leaves the others. */
@Command(name = "update",
        mixinStandardHelpOptions = true,
        description = "Change some of an app's settings; the others stay. The secret is changed with rotate-secret.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald apps update shop --max-connections 500",
                "  herald apps update shop --definition '{\"allowed_origins\":[\"https://shop.example\"]}'",
                "",
                "Prints {\"success\":true,\"app\":{…},\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class AppsUpdateCommand extends AppsAdminCommand {

    @Parameters(index = "0", paramLabel = "APP_ID", description = "The app to change")
    String id;

    @Option(names = "--key", paramLabel = "KEY", description = "A new public key (clients connecting with the old one are refused)")
    String key;

    @Mixin
    AppDefinitionOptions definition;

    AppsUpdateCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.put("id", id).putNull("app");
    }

    @Override
    protected void perform(AdminApi api, ObjectNode result) {
        ObjectNode body = definition.body();
        if (key != null) {
            body.put("key", key);
        }
        if (body.isEmpty()) {
            throw new CliException("nothing to change: pass --definition or a setting flag (see --help)");
        }
        result.set("app", api.send("PATCH", appPath(id), body));
    }

    @Override
    protected String text(ObjectNode result) {
        return "updated app " + id;
    }
}
