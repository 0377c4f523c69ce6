package io.herald.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code herald bench <scenario>}: load-tests Herald or any Pusher-compatible server over the
 * public protocol only. Register it as a subcommand of the herald command, or run {@link BenchMain}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load-test a Pusher-compatible server over WebSocket v7 and the signed HTTP API.",
        subcommands = {BenchCommand.Fanout.class, BenchCommand.Channels.class, BenchCommand.Connections.class,
                BenchCommand.Publish.class, BenchCommand.Presence.class, BenchCommand.Soak.class,
                BenchCommand.Push.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a scenario: fanout, channels, connections, publish, presence, soak, push");
    }

    /** Options every scenario takes: where the server is, and how to spread the load. */
    public static final class Common {
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server host (default: ${DEFAULT-VALUE}).")
        String host;
        @Option(names = "--port", defaultValue = "6001", description = "Server port (default: ${DEFAULT-VALUE}).")
        int port;
        @Option(names = "--app-id", defaultValue = "app-id", description = "App id (default: ${DEFAULT-VALUE}).")
        String appId;
        @Option(names = "--key", defaultValue = "app-key", description = "App key (default: ${DEFAULT-VALUE}).")
        String key;
        @Option(names = "--secret", defaultValue = "app-secret", description = "App secret (default: ${DEFAULT-VALUE}).")
        String secret;
        @Option(names = "--workers", defaultValue = "0",
                description = "Worker processes; 0 = one per --per-worker connections (default: ${DEFAULT-VALUE}).")
        int workers;
        @Option(names = "--per-worker", defaultValue = "9000",
                description = "Most connections per worker process (default: ${DEFAULT-VALUE}).")
        int perWorker;
        @Option(names = "--threads", defaultValue = "1", description = "Event-loop threads per worker (default: ${DEFAULT-VALUE}).")
        int threads;
        @Option(names = "--local-addresses", defaultValue = "0",
                description = "Bind connections to 127.0.0.1..127.0.0.N in turn, to pass the ephemeral-port limit"
                        + " and keep connects cheap; 0 = one per 5,000 connections to a loopback server (default: ${DEFAULT-VALUE}).")
        int localAddresses;
        @Option(names = "--in-process", description = "Run the workers inside this JVM (small runs).")
        boolean inProcess;
        @Option(names = "--concurrency", defaultValue = "500",
                description = "Connections connecting at once (default: ${DEFAULT-VALUE}).")
        int concurrency;
        @Option(names = "--timeout", defaultValue = "120", converter = DurationOption.class,
                description = "Bound of each phase; a duration, bare numbers are seconds (default: ${DEFAULT-VALUE}).")
        Duration timeout;
        @Option(names = "--drain", defaultValue = "5", converter = DurationOption.class,
                description = "Time without a delivery after which missing ones count as lost (default: ${DEFAULT-VALUE} s).")
        Duration drain;
        @Option(names = "--server-pid", defaultValue = "0", description = "The server's pid, for memory figures.")
        long serverPid;
        @Option(names = "--out", description = "JSON result file (default: bench-<scenario>.json).")
        Path out;
        @Option(names = "--watch-console", paramLabel = "ADMIN_TOKEN",
                description = "Watch the app in the server's debug console during the run, to measure what watching costs.")
        String consoleToken;
        @Option(names = "--quiet", description = "No progress lines.")
        boolean quiet;

        BenchSettings settings(PrintStream progress) {
            return new BenchSettings(new BenchTarget(host, port, appId, key, secret), workers, perWorker, threads,
                    localAddresses, inProcess, concurrency, timeout, drain,
                    quiet ? null : progress, serverPid);
        }
    }

    /** Options of the scenarios that publish events through the HTTP API. */
    public static final class Publishing {
        @Option(names = "--bytes", defaultValue = "100", description = "Payload bytes per event (default: ${DEFAULT-VALUE}).")
        int bytes;
        @Option(names = "--in-flight", defaultValue = "16", description = "Concurrent publish requests (default: ${DEFAULT-VALUE}).")
        int inFlight;
        @Option(names = "--rate", defaultValue = "0", description = "Events per second; 0 = burst (default: ${DEFAULT-VALUE}).")
        double rate;
    }

    /**
     * Options of the delivery scenarios for a cluster: subscribers on some nodes, events published
     * through another, so deliveries cross the cluster adapter. Both default to --host/--port.
     */
    public static final class Nodes {
        @Option(names = "--subscribe-to", split = ",", paramLabel = "host:port",
                description = "Nodes the subscribers connect to, round-robin (default: --host:--port).")
        List<String> subscribeTo = List.of();
        @Option(names = "--publish-to", paramLabel = "host:port",
                description = "Node the events are published to (default: --host:--port).")
        String publishTo;

        BenchSettings applyTo(BenchSettings s) {
            List<BenchTarget> nodes = subscribeTo.isEmpty() ? s.subscribeTo()
                    : subscribeTo.stream().map(s.target()::at).toList();
            return s.across(nodes, publishTo == null ? s.publishTo() : s.target().at(publishTo));
        }
    }

    /** Runs a scenario, prints its table, writes its JSON; exit code 1 when the run saw errors. */
    abstract static class ScenarioCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;

        abstract Report run(BenchSettings settings) throws InterruptedException;

        /** The scenario's name: its subcommand name, also used in the report and the default output file. */
        final String name() {
            return spec.name();
        }

        @Override
        public Integer call() throws InterruptedException {
            Report report;
            BenchSettings settings = common.settings(System.err);
            try (ConsoleWatch console = common.consoleToken == null ? null
                    : ConsoleWatch.open(settings.target(), common.consoleToken)) {
                report = run(settings);
                if (console != null) {
                    console.report(report);
                }
            } catch (BenchException | IllegalArgumentException e) {
                System.err.println("herald bench: " + e.getMessage());
                return 2;
            }
            System.out.print(report.table());
            Path out = common.out != null ? common.out : Path.of("bench-" + name() + ".json");
            report.write(out);
            System.out.println("  written to " + out.toAbsolutePath());
            return report.errors().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "fanout", mixinStandardHelpOptions = true,
            description = "N subscribers on one channel; M events of B bytes through the HTTP API.")
    static final class Fanout extends ScenarioCommand {
        @Option(names = "--subscribers", defaultValue = "1000") int subscribers;
        @Option(names = "--events", defaultValue = "200") int events;
        @Mixin Publishing publishing;
        @Mixin Nodes nodes;

        @Override
        Report run(BenchSettings s) throws InterruptedException {
            return DeliveryScenario.run(nodes.applyTo(s), new DeliveryScenario.Options(name(), subscribers, 1, events,
                    publishing.bytes, publishing.inFlight, publishing.rate));
        }
    }

    @Command(name = "channels", mixinStandardHelpOptions = true,
            description = "Many channels with few subscribers each; events spread over them.")
    static final class Channels extends ScenarioCommand {
        @Option(names = "--subscribers", defaultValue = "1000") int subscribers;
        @Option(names = "--channels", defaultValue = "200") int channels;
        @Option(names = "--events", defaultValue = "2000") int events;
        @Mixin Publishing publishing;
        @Mixin Nodes nodes;

        @Override
        Report run(BenchSettings s) throws InterruptedException {
            return DeliveryScenario.run(nodes.applyTo(s), new DeliveryScenario.Options(name(), subscribers, channels, events,
                    publishing.bytes, publishing.inFlight, publishing.rate));
        }
    }

    @Command(name = "connections", mixinStandardHelpOptions = true,
            description = "Open and hold N subscribed connections; connect rate and server memory per connection.")
    static final class Connections extends ScenarioCommand {
        @Option(names = "--connections", defaultValue = "1000") int connections;
        @Option(names = "--channels", defaultValue = "100") int channels;
        @Option(names = "--hold", defaultValue = "5", converter = DurationOption.class,
                description = "How long to hold them open (default: ${DEFAULT-VALUE} s).") Duration hold;

        @Override
        Report run(BenchSettings s) throws InterruptedException {
            return ConnectionsScenario.run(s, new ConnectionsScenario.Options(connections, channels, hold));
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Signed API requests per second to an empty channel (the HTTP path alone).")
    static final class Publish extends ScenarioCommand {
        @Option(names = "--requests", defaultValue = "20000") int requests;
        @Mixin Publishing publishing;

        @Override
        Report run(BenchSettings s) throws InterruptedException {
            return PublishScenario.run(s,
                    new PublishScenario.Options(requests, publishing.bytes, publishing.inFlight, publishing.rate));
        }
    }

    @Command(name = "presence", mixinStandardHelpOptions = true,
            description = "Join/leave churn on presence channels.")
    static final class Presence extends ScenarioCommand {
        @Option(names = "--connections", defaultValue = "1000") int connections;
        @Option(names = "--members-per-channel", defaultValue = "100") int membersPerChannel;
        @Option(names = "--seconds", defaultValue = "10", converter = DurationOption.class,
                description = "How long the churn runs (default: ${DEFAULT-VALUE} s).") Duration seconds;

        @Override
        Report run(BenchSettings s) throws InterruptedException {
            return PresenceScenario.run(s, new PresenceScenario.Options(connections, membersPerChannel, seconds));
        }
    }

    @Command(name = "soak", mixinStandardHelpOptions = true,
            description = "Hours-long mixed load: listeners that must get every event, presence members that"
                    + " reconnect and rejoin, steady publishes; samples the server's RSS and open files"
                    + " (--server-pid) and checks they stay flat after a warm-up.")
    static final class Soak extends ScenarioCommand {
        @Option(names = "--connections", defaultValue = "5000",
                description = "Connections: half listeners, half churning presence members (default: ${DEFAULT-VALUE}).")
        int connections;
        @Option(names = "--channels", defaultValue = "50", description = "Public channels of the listeners (default: ${DEFAULT-VALUE}).")
        int channels;
        @Option(names = "--members-per-channel", defaultValue = "50", description = "(default: ${DEFAULT-VALUE})")
        int membersPerChannel;
        @Option(names = "--rate", defaultValue = "20", description = "Events per second (default: ${DEFAULT-VALUE}).")
        double rate;
        @Option(names = "--bytes", defaultValue = "100", description = "Payload bytes per event (default: ${DEFAULT-VALUE}).")
        int bytes;
        @Option(names = "--reconnect", defaultValue = "0.01",
                description = "Share of the members that reconnect each second (default: ${DEFAULT-VALUE}).")
        double reconnect;
        @Option(names = "--rejoin", defaultValue = "0.02",
                description = "Share of the members that leave and rejoin their channel each second (default: ${DEFAULT-VALUE}).")
        double rejoin;
        @Option(names = "--seconds", defaultValue = "1800", converter = DurationOption.class,
                description = "How long it runs, e.g. 30m (default: ${DEFAULT-VALUE} s).")
        Duration seconds;
        @Option(names = "--sample-every", defaultValue = "10", converter = DurationOption.class,
                description = "Time between server samples (default: ${DEFAULT-VALUE} s).")
        Duration sampleEvery;
        @Option(names = "--warmup", defaultValue = "300", converter = DurationOption.class,
                description = "Time before the samples that must stay flat (default: ${DEFAULT-VALUE} s).")
        Duration warmup;
        @Option(names = "--flat-within", defaultValue = "5",
                description = "Largest spread, ± percent, of RSS and open files after the warm-up (default: ${DEFAULT-VALUE}).")
        double flatWithin;
        @Option(names = "--samples", defaultValue = "bench-soak-samples.csv",
                description = "CSV file of every server sample (default: ${DEFAULT-VALUE}).")
        Path samples;

        @Override
        Report run(BenchSettings s) throws InterruptedException {
            if (warmup.compareTo(seconds) >= 0) {
                throw new IllegalArgumentException("--warmup must be shorter than --seconds");
            }
            return SoakScenario.run(s, new SoakScenario.Options(connections, channels, membersPerChannel, rate, bytes,
                    reconnect, rejoin, seconds, sampleEvery, warmup, flatWithin, samples));
        }
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = {"N Beams devices on one interest, one publish, encrypted Web Push deliveries to a local sink.",
                    "The server must allow the sink's endpoints: push.endpoint-hosts: \"http://127.0.0.1\" (or the --sink-host)."})
    static final class Push extends ScenarioCommand {
        @Option(names = "--devices", defaultValue = "10000", description = "Devices (default: ${DEFAULT-VALUE}).")
        int devices;
        @Option(names = "--instance-id", defaultValue = "instance-id", description = "Beams instance (default: ${DEFAULT-VALUE}).")
        String instanceId;
        @Option(names = "--instance-secret", defaultValue = "instance-secret",
                description = "The instance's secret key (default: ${DEFAULT-VALUE}).")
        String secretKey;
        @Option(names = "--in-flight", defaultValue = "32",
                description = "Device registrations under way at once (default: ${DEFAULT-VALUE}).")
        int inFlight;
        @Option(names = "--key-pool", defaultValue = "256",
                description = "Distinct subscription key pairs, used in turn (default: ${DEFAULT-VALUE}).")
        int keyPool;
        @Option(names = "--sink-threads", defaultValue = "1", description = "Event loops of the sink (default: ${DEFAULT-VALUE}).")
        int sinkThreads;
        @Option(names = "--sink-host", defaultValue = "127.0.0.1",
                description = "Address of the sink, named by the subscriptions' endpoints (default: ${DEFAULT-VALUE}).")
        String sinkHost;

        @Override
        Report run(BenchSettings s) throws InterruptedException {
            return PushScenario.run(s, new PushScenario.Options(devices, instanceId, secretKey, inFlight, keyPool,
                    sinkThreads, sinkHost));
        }
    }
}
