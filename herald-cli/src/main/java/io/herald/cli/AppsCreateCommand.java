package io.herald.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code herald apps create}: a new app; the key and secret are generated unless given. */
@Command(name = "create",
        mixinStandardHelpOptions = true,
        description = "Create an app. The id, key and secret are generated unless given; the secret is shown only now.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald apps create --id shop --max-connections 1000",
                "  herald apps create --definition @shop.json",
                "",
                "Prints {\"success\":true,\"app\":{\"id\":\"shop\",\"key\":\"…\",\"secret\":\"…\",…},\"error\":null}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.LIST_OK, ExitCodes.LIST_FAILED, ExitCodes.LIST_USAGE})
final class AppsCreateCommand extends AppsAdminCommand {

    @Option(names = "--id", paramLabel = "ID", description = "The app id (API paths /apps/ID); generated when omitted")
    String id;

    @Option(names = "--key", paramLabel = "KEY", description = "The public key clients connect with; generated when omitted")
    String key;

    @Option(names = "--secret", paramLabel = "SECRET", description = "The secret; generated when omitted (recommended)")
    String secret;

    @Mixin
    AppDefinitionOptions definition;

    AppsCreateCommand(CliContext context) {
        super(context);
    }

    @Override
    protected void describe(ObjectNode result) {
        result.putNull("app");
    }

    @Override
    protected void perform(AdminApi api, ObjectNode result) {
        ObjectNode body = definition.body();
        if (id != null) {
            body.put("id", id);
        }
        if (key != null) {
            body.put("key", key);
        }
        if (secret != null) {
            body.put("secret", secret);
        }
        result.set("app", api.send("POST", "/admin/v1/apps", body));
    }

    @Override
    protected String text(ObjectNode result) {
        var app = result.path("app");
        return "created app " + app.path("id").asText() + ": key " + app.path("key").asText() + ", secret "
                + app.path("secret").asText() + " (shown only now)";
    }
}
