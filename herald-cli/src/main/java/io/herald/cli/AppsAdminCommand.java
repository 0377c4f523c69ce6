package io.herald.cli;

import java.net.URI;
import picocli.CommandLine.Mixin;

/** A {@link JsonCommand} of the admin API's app endpoints. */
abstract class AppsAdminCommand extends JsonCommand<AdminApi> {

    @Mixin
    AdminConnectionOptions connection;

    protected AppsAdminCommand(CliContext context) {
        super(context);
    }

    @Override
    protected final AdminApi connect() {
        return connection.client();
    }

    @Override
    protected final URI server(AdminApi api) {
        return api.base();
    }

    /** {@code /admin/v1/apps/ID}, the id kept to one path segment. */
    static String appPath(String id) {
        if (id == null || id.isBlank() || id.contains("/") || id.contains("?") || id.contains("#")) {
            throw new CliException("APP_ID must be an app id, was \"" + id + "\"");
        }
        return "/admin/v1/apps/" + id;
    }
}
