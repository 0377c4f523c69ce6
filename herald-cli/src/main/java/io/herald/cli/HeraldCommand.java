package io.herald.cli;

import io.herald.bench.BenchCommand;
import io.herald.protocol.HeraldVersion;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code herald} command: {@code herald server} runs a node; the other subcommands publish
 * events, query channels and listen to them through the server SDK and the realtime client.
 */
@Command(name = "herald",
        mixinStandardHelpOptions = true,
        versionProvider = HeraldCommand.Version.class,
        description = "Self-hosted realtime messaging, wire-compatible with Pusher Channels.",
        subcommands = {CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  herald server                                   # a local server on port 6001",
                "  herald subscribe orders                         # print events as they arrive",
                "  herald trigger -c orders -e created -m 'hello'  # publish one",
                "  herald notify toast -c orders -u 42 -e saved -m Saved -t success  # a UI notification",
                "  herald push publish -i orders --title Shipped  # a web push notification",
                "",
                "Settings: flags, then --env-file (or ./.env), then PUSHER_* variables (PUSHER_APP_ID, PUSHER_KEY,",
                "PUSHER_SECRET, PUSHER_HOST, PUSHER_PORT, PUSHER_USE_TLS, PUSHER_CLUSTER, PUSHER_URL, PUSHER_PROXY, ...).",
                "With no host, cluster or URL set, commands talk to a local Herald at 127.0.0.1:6001 without TLS."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:request failed (HTTP error, network) or runtime failure",
                "2:invalid usage, input or configuration"})
public final class HeraldCommand {

    private static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    /** The subcommands besides {@code server}, in the order {@code herald --help} lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(TriggerCommand.class, NotifyCommand.class, BatchCommand.class,
            ChannelsCommand.class, ChannelCommand.class, UsersCommand.class, SendToUserCommand.class,
            TerminateCommand.class, AuthorizeCommand.class, WebhookCommand.class, SubscribeCommand.class,
            PushCommand.class, AppsCommand.class, BenchCommand.class);

    public static void main(String[] args) {
        // Let a proxy's Basic credentials through to https servers too (the JDK drops them from CONNECT
        // by default); read once, when the HTTP client first loads, so before any command runs.
        if (System.getProperty(TUNNELING_DISABLED_SCHEMES) == null) {
            System.setProperty(TUNNELING_DISABLED_SCHEMES, "");
        }
        int exitCode = commandLine(CliContext.system(), args.length > 0 ? args[0] : null).execute(args);
        wakeHttpSelectors();
        System.exit(exitCode);
    }

    /**
     * At exit the JVM waits up to 300 ms for threads blocked in native code; the JDK 17 HTTP client's
     * selector thread sits in {@code epoll_wait} and can't be closed (HttpClient.close() came in
     * Java 21). Interrupting it brings it back into Java, where exit stops it at once: a one-shot
     * command saves a third of its run time. Only called when the command is done with the client.
     */
    private static void wakeHttpSelectors() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isDaemon() && thread.getName().matches("HttpClient-\\d+-SelectorManager"))
                .forEach(Thread::interrupt);
    }

    /** The command tree, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        return commandLine(CliContext.system());
    }

    /** The command tree reading its environment, stdin and {@code .env} directory from {@code context}. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, null);
    }

    /**
     * The tree with only the subcommand {@code first} names, when it names one: picocli reads every
     * command's annotations up front, and a one-shot command needn't pay for the others.
     */
    static CommandLine commandLine(CliContext context, String first) {
        CommandLine cli = new CommandLine(new HeraldCommand(), new ContextFactory(context));
        boolean known = first != null && (first.equals("server") || SUBCOMMANDS.containsKey(first));
        if (!known || first.equals("server")) {
            cli.addSubcommand("server", ServerCommand.commandLine());
        }
        SUBCOMMANDS.forEach((name, command) -> {
            if (!known || name.equals(first)) {
                cli.addSubcommand(name, command);
            }
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // "--data @order.json" is the command's own syntax, not a picocli argument file.
        cli.setExpandAtFiles(false);
        return cli;
    }

    private static Map<String, Class<?>> subcommands(Class<?>... commands) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> command : commands) {
            byName.put(command.getAnnotation(Command.class).name(), command);
        }
        return byName;
    }

    /** Creates commands and mixins, handing the {@link CliContext} to those whose constructor takes it. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
                constructor.setAccessible(true);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** {@code herald --version}: the build's version, the one CHANGELOG.md records. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"herald " + HeraldVersion.current()};
        }
    }
}
