package io.herald.server.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The apps of the configuration file: the default source. Read-only through the admin API (edit the
 * file and send SIGHUP); {@link #replace} takes the file's apps again.
 */
public final class ConfigAppSource implements AppSource {

    private volatile List<App> apps;
    private volatile long version;

    public ConfigAppSource(List<App> apps) {
        this.apps = List.copyOf(apps);
    }

    /**
     * The apps of the configuration file as read again; nodes pick them up at their next check. An
     * app whose secret changed keeps accepting the old one for {@code grace}, as after a rotation.
     *
     * @throws IllegalArgumentException when two apps share an id or a key
     */
    public synchronized void replace(List<App> reloaded, Duration grace, Instant now) {
        new StaticAppStore(reloaded); // refuses duplicate ids or keys
        List<App> result = new ArrayList<>();
        for (App app : reloaded) {
            App before = apps.stream().filter(a -> a.id().equals(app.id())).findFirst().orElse(null);
            if (before != null && !before.secret().equals(app.secret()) && !grace.isZero()) {
                result.add(withPrevious(app, before.secret(), now.plus(grace)));
            } else if (before != null && before.secret().equals(app.secret()) && before.previousSecret() != null) {
                result.add(withPrevious(app, before.previousSecret(), before.previousSecretExpires())); // grace goes on
            } else {
                result.add(app);
            }
        }
        this.apps = List.copyOf(result);
        version++;
    }

    private static App withPrevious(App app, String previous, Instant until) {
        return app.toBuilder().previousSecret(previous, until).build();
    }

    @Override
    public String description() {
        return "the configuration file";
    }

    @Override
    public List<App> load() {
        return apps;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public void create(App app) {
        throw readOnly();
    }

    @Override
    public void update(App app) {
        throw readOnly();
    }

    @Override
    public boolean delete(String id) {
        throw readOnly();
    }

    private static AppSourceException readOnly() {
        return AppSourceException.conflict("Apps come from the configuration file (apps-store.type: config): "
                + "edit it and send SIGHUP, or use a database store to change apps through the admin API");
    }

    @Override
    public void close() {
    }
}
