package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code herald apps delete APP_ID}: removes the app; its connections are closed (4001). */
@Command(name = "delete",
        mixinStandardHelpOptions = true,
        description = "Delete an app: its connections are closed (4001) and its key and id stop working, on every node.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald apps delete shop", "", "Prints {\"success\":true,\"id\":\"shop\",\"deleted\":true,\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class AppsDeleteCommand extends AppsAdminCommand {

    @Parameters(index = "0", paramLabel = "APP_ID", description = "The app to delete")
    String id;

    AppsDeleteCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.put("id", id).put("deleted", false);
    }

    @Override
    protected void perform(AdminApi api, ObjectNode result) {
        result.put("deleted", api.send("DELETE", appPath(id), null).path("deleted").asBoolean());
    }

    @Override
    protected String text(ObjectNode result) {
        return "deleted app " + id;
    }
}
