package io.herald.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code herald apps list}: every app of the node, without secrets. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "List the node's apps (never their secrets).",
        footerHeading = "%nExamples:%n",
        footer = {"  herald apps list --url http://herald.internal:6001 --admin-token $HERALD_ADMIN_TOKEN",
                "",
                "Prints {\"success\":true,\"apps\":[{\"id\":\"…\",\"key\":\"…\",\"enabled\":true,…}],\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class AppsListCommand extends AppsAdminCommand {

    AppsListCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.putNull("apps");
    }

    @Override
    protected void perform(AdminApi api, ObjectNode result) {
        result.set("apps", api.send("GET", "/admin/v1/apps", null).path("apps"));
    }

    @Override
    protected String text(ObjectNode result) {
        List<String> lines = new ArrayList<>();
        for (JsonNode app : result.path("apps")) {
            lines.add(app.path("id").asText() + "  key " + app.path("key").asText()
                    + (app.path("enabled").asBoolean() ? "" : "  (disabled)"));
        }
        return lines.isEmpty() ? "no apps" : String.join(System.lineSeparator(), lines);
    }
}
