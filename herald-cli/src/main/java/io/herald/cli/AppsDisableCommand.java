package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code herald apps disable APP_ID}: closes its connections (4003) and refuses its API calls. */
@Command(name = "disable",
        mixinStandardHelpOptions = true,
        description = "Disable an app: its connections are closed (4003) and its API calls refused, on every node."
                + " Enable it again with: herald apps update APP_ID --enabled true",
        footerHeading = "%nExamples:%n",
        footer = {"  herald apps disable shop", "", "Prints {\"success\":true,\"app\":{…,\"enabled\":false,…},\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class AppsDisableCommand extends AppsAdminCommand {

    @Parameters(index = "0", paramLabel = "APP_ID", description = "The app to disable")
    String id;

    AppsDisableCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.put("id", id).putNull("app");
    }

    @Override
    protected void perform(AdminApi api, ObjectNode result) {
        result.set("app", api.send("PATCH", appPath(id), Json.object().put("enabled", false)));
    }

    @Override
    protected String text(ObjectNode result) {
        return "disabled app " + id;
    }
}
