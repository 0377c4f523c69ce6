package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code herald apps rotate-secret APP_ID}: a new secret; the old one works for the grace. */
@Command(name = "rotate-secret",
        mixinStandardHelpOptions = true,
        description = "Give an app a new secret, shown only now. The old one keeps working for the grace"
                + " (the node's secret-rotation-grace unless --grace is given), then only the new one does.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald apps rotate-secret shop", "  herald apps rotate-secret shop --grace 0   # the old secret stops at once", "",
                "Prints {\"success\":true,\"app\":{…,\"secret\":\"…\",\"previous_secret_expires\":\"2026-…Z\"},\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class AppsRotateSecretCommand extends AppsAdminCommand {

    @Parameters(index = "0", paramLabel = "APP_ID", description = "The app whose secret to rotate")
    String id;

    @Option(names = "--grace", paramLabel = "DURATION", description = "How long the old secret keeps working, e.g. 10m, 1h, 0")
    String grace;

    AppsRotateSecretCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.put("id", id).putNull("app");
    }

    @Override
    protected void perform(AdminApi api, ObjectNode result) {
        ObjectNode body = Json.object();
        if (grace != null) {
            body.put("grace", grace);
        }
        result.set("app", api.send("POST", appPath(id) + "/rotate-secret", body));
    }

    @Override
    protected String text(ObjectNode result) {
        var app = result.path("app");
        return "new secret of app " + id + ": " + app.path("secret").asText() + " (shown only now)"
                + (app.hasNonNull("previous_secret_expires") ? "; the old one works until " + app.path("previous_secret_expires").asText() : "");
    }
}
