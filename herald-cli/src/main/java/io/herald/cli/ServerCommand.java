package io.herald.cli;

import io.herald.server.HeraldServer;
import io.herald.server.app.AppSourceException;
import io.herald.server.config.ConfigException;
import io.herald.server.config.ConfigLoader;
import io.herald.server.config.ServerOptions;
import io.herald.server.config.Setting;
import io.herald.server.tls.TlsException;
import io.herald.store.StoreException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import sun.misc.Signal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herald server}: loads the configuration (file, then {@code HERALD_*} variables, then flags)
 * and runs a node until SIGTERM or Ctrl-C, then shuts down gracefully. The flags are generated from
 * {@link Setting#all()}, so the file, the environment and the command line always know the same names.
 */
@Command(name = "server",
        mixinStandardHelpOptions = true,
        description = "Run a Herald server node.",
        footerHeading = "%nExamples:%n",
        footer = {"  herald server                       # port 6001, app app-id / app-key / app-secret",
                "  herald server --config herald.yml --port 7001",
                "  HERALD_APP_SECRET=s3cret herald server",
                "",
                "Every flag is also an environment variable: --app-max-connections is HERALD_APP_MAX_CONNECTIONS,",
                "--activity-timeout is HERALD_ACTIVITY_TIMEOUT. Flags beat variables, variables beat the file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "1:failed while running", "2:invalid configuration"})
final class ServerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServerCommand.class);

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file")
    Path config;

    @Spec
    CommandSpec spec;

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ServerCommand());
        for (Setting setting : Setting.all()) {
            cli.getCommandSpec().addOption(OptionSpec.builder(setting.flagName())
                    .paramLabel("VALUE")
                    .description(setting.description())
                    .type(String.class)
                    .build());
        }
        return cli;
    }

    @Override
    public Integer call() {
        ServerOptions options;
        try {
            options = ConfigLoader.load(config, System.getenv(), flags());
        } catch (ConfigException e) {
            System.err.println("herald: configuration error: " + e.getMessage());
            return 2;
        }
        LogFormat.apply(options.logFormat());
        HeraldServer server;
        try {
            server = HeraldServer.start(options);
        } catch (StoreException | AppSourceException e) { // a store (push notifications, apps) can't be opened
            System.err.println("herald: cannot start: " + e.getMessage());
            return 1;
        } catch (TlsException e) { // tls-cert or tls-key can't be used: a configuration error
            System.err.println("herald: configuration error: " + e.getMessage());
            return 2;
        } catch (Exception e) { // Netty rethrows the bind failure (address in use, no permission) unchecked
            System.err.println("herald: cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "herald-shutdown"));
        // kill -HUP: read a renewed certificate now instead of within the next few seconds, and the
        // configuration file's apps again (when apps come from it)
        Signal.handle(new Signal("HUP"), signal -> {
            server.reloadTls();
            reloadApps(server);
        });
        // JSON logs stay JSON all the way: the banner becomes log lines too.
        Consumer<String> banner = options.logFormat().equals("json") ? LoggerFactory.getLogger(ServerCommand.class)::info
                : System.out::println;
        banner.accept("Herald is running on port " + server.port() + (options.tls() ? " (TLS)" : "")
                + (server.plainPort() == ServerOptions.NO_PLAIN_PORT ? "" : ", plain HTTP on port " + server.plainPort())
                + " (apps: " + server.apps().all().stream().map(a -> a.id() + "/" + a.key()).toList() + "). Ctrl-C stops it.");
        server.extensionSummary().forEach(banner);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The apps of the configuration as it reads now; a file that no longer reads changes nothing. */
    private void reloadApps(HeraldServer server) {
        try {
            ServerOptions reread = ConfigLoader.load(config, System.getenv(), flags());
            if (server.reloadApps(reread.apps())) {
                log.info("SIGHUP: apps reloaded from the configuration ({} app(s))", reread.apps().size());
            }
        } catch (ConfigException | IllegalArgumentException e) {
            log.warn("SIGHUP: the configuration does not read, apps unchanged: {}", e.getMessage());
        }
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        for (Setting setting : Setting.all()) {
            String value = spec.findOption(setting.flagName()).getValue();
            if (value != null) {
                flags.put(setting.name(), value);
            }
        }
        return flags;
    }
}
