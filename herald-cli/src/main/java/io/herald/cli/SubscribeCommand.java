package io.herald.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.client.Channel;
import io.herald.client.ChannelListener;
import io.herald.client.HeraldRealtimeOptions;
import io.herald.client.ConnectionListener;
import io.herald.client.ConnectionState;
import io.herald.client.ConnectionStateChange;
import io.herald.client.HeraldRealtime;
import io.herald.client.LocalChannelAuthorizer;
import io.herald.client.Member;
import io.herald.client.PusherEvent;
import io.herald.sdk.HeraldRestOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herald subscribe CHANNEL…}: listens with herald-client and prints each event as one JSON
 * line. Private, presence and encrypted channels are signed locally with the app's secret.
 */
@Command(name = "subscribe",
        mixinStandardHelpOptions = true,
        description = {"Subscribe to channels and print each event received as one JSON line:",
                "{\"channel\":\"…\",\"event\":\"…\",\"data\":…} (data decoded when it is JSON, user_id for client events).",
                "Runs until Ctrl-C, --count events or --timeout. Progress goes to stderr."},
        footerHeading = "%nExamples:%n",
        footer = {"  herald subscribe orders                       # then, elsewhere: herald trigger -c orders -e created -m hi",
                "  herald subscribe orders private-audit --event created --count 1",
                "  herald subscribe presence-lobby --user-id 42 --timeout 30s --output text"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by --count, or by --timeout when no --count was given",
                "1:could not connect or subscribe, or --timeout came before --count events",
                ExitCodes.LIST_USAGE,
                "130:stopped by Ctrl-C (SIGINT, as for any JVM)"})
final class SubscribeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "CHANNEL", description = "Channels to subscribe to")
    List<String> channels = new ArrayList<>();

    @Option(names = {"-e", "--event"}, paramLabel = "EVENT", description = "Print only events with this name")
    String event;

    @Option(names = {"-n", "--count"}, paramLabel = "N", description = "Stop after N events")
    Integer count;

    @Option(names = "--user-id", paramLabel = "ID", description = "Who joins presence channels; default herald-cli")
    String userId = "herald-cli";

    @Option(names = "--user-info", paramLabel = "JSON", description = "user_info shown to other presence members")
    String userInfo;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger subscribed = new AtomicInteger();
    private volatile boolean connected;

    @Override
    public Integer call() {
        HeraldRealtimeOptions options;
        try {
            if (count != null && count < 1) {
                throw new CliException("--count must be at least 1");
            }
            options = clientOptions(connection.optionsWithoutAppId());
            channels = List.copyOf(new LinkedHashSet<>(channels)); // "listening" counts distinct channels
        } catch (RuntimeException e) {
            finish(Failure.of(e, null));
            return finished.join();
        }
        Thread stop = new Thread(() -> finish(null), "herald-subscribe-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try (HeraldRealtime client = new HeraldRealtime(options)) {
            client.addConnectionListener(connectionListener(options));
            for (String name : channels) {
                client.subscribe(name, channelListener()).bindGlobal(this::onEvent);
            }
            client.connect();
            return await();
        } catch (RuntimeException e) {
            finish(Failure.of(e, null));
            return finished.join();
        } finally {
            removeShutdownHook(stop);
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down (Ctrl-C): the hook has run
        }
    }

    private HeraldRealtimeOptions clientOptions(HeraldRestOptions app) {
        JsonNode info = userInfo == null ? null : Json.parse(userInfo, "--user-info");
        Duration connectTimeout = connection.timeout != null ? connection.timeout : HeraldRealtimeOptions.DEFAULT_CONNECT_TIMEOUT;
        return HeraldRealtimeOptions.builder(app.key())
                .host(realtimeHost(app)).port(app.port()).tls(app.useTls())
                .connectTimeout(connectTimeout)
                .authorizer(new LocalChannelAuthorizer(app.key(), app.secret(),
                        () -> new Member(userId, info), app.encryptionMasterKey()))
                .build();
    }

    /** Where the WebSocket goes: a hosted cluster's {@code ws-{cluster}.pusher.com}, else the API host. */
    static String realtimeHost(HeraldRestOptions app) {
        return app.cluster() != null ? "ws-" + app.cluster() + ".pusher.com" : app.host();
    }

    /** Waits for --count, --timeout, Ctrl-C or a failure; --timeout counts from the start. */
    private int await() {
        try {
            return connection.timeout == null ? finished.get()
                    : finished.get(connection.timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            finish(count == null ? null : new Failure("timed out after " + connection.timeout.toMillis() + " ms with "
                    + received.get() + " of " + count + " events", ExitCodes.FAILED));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(null);
        } catch (ExecutionException e) {
            finish(Failure.of(e.getCause(), null));
        }
        return finished.join();
    }

    private void onEvent(PusherEvent e) {
        if (e.event().startsWith("pusher:") || e.event().startsWith("pusher_internal:")
                || (event != null && !event.equals(e.event())) || finished.isDone()) {
            return;
        }
        ObjectNode line = Json.object().put("channel", e.channel()).put("event", e.event());
        line.set("data", Json.lenient(e.data()));
        if (e.userId() != null) {
            line.put("user_id", e.userId());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(output.format == OutputOptions.Format.json ? line.toString()
                : e.channel() + " " + e.event() + " " + line.get("data"));
        out.flush();
        if (count != null && received.incrementAndGet() >= count) {
            finish(null);
        }
    }

    private ChannelListener channelListener() {
        return new ChannelListener() {
            @Override
            public void onSubscribed(Channel channel) {
                progress("subscribed to " + channel.name());
                if (subscribed.incrementAndGet() == channels.size()) {
                    progress("listening; Ctrl-C stops");
                }
            }

            @Override
            public void onSubscriptionError(Channel channel, int status, String message) {
                finish(new Failure("subscription to " + channel.name() + " failed"
                        + (status > 0 ? " with " + status : "") + ": " + message, ExitCodes.FAILED));
            }
        };
    }

    private ConnectionListener connectionListener(HeraldRealtimeOptions options) {
        return new ConnectionListener() {
            @Override
            public void onStateChange(ConnectionStateChange change) {
                if (change.current() == ConnectionState.CONNECTED) {
                    connected = true;
                    progress("connected to " + where(options));
                } else if (change.current() == ConnectionState.FAILED
                        || change.current() == ConnectionState.RECONNECTING && !connected) {
                    // Reconnecting is right for a running listener; a first connection that fails is an error.
                    finish(new Failure("cannot connect to " + where(options)
                            + (change.closeCode() > 0 ? " (close code " + change.closeCode() + ")" : "")
                            + (change.reason() == null || change.reason().isEmpty() ? "" : ": " + change.reason()),
                            ExitCodes.FAILED));
                }
            }

            @Override
            public void onError(int code, String message) {
                progress("server error " + code + ": " + message);
            }
        };
    }

    private void progress(String message) {
        spec.commandLine().getErr().println("herald: " + message);
        spec.commandLine().getErr().flush();
    }

    private static String where(HeraldRealtimeOptions options) {
        return (options.tls() ? "wss" : "ws") + "://" + options.host() + ":" + options.port();
    }

    /** Ends the command: {@code null} for success; a failure is reported like the other commands' (once). */
    private void finish(Failure failure) {
        if (finished.complete(failure == null ? ExitCodes.OK : failure.exitCode()) && failure != null) {
            output.print(spec, Json.object().put("success", false).put("error", failure.message()), r -> "");
        }
    }
}
