package io.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.protocol.Limits;
import io.herald.server.app.AllowedOrigins;
import io.herald.server.app.App;
import io.herald.server.app.WebhookEndpoint;
import io.herald.server.app.WebhookType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    private static final String FULL = """
            host: 127.0.0.1
            port: 7001
            activity-timeout: 60
            pong-timeout: 15
            max-frame-size: 32768
            max-request-size: 524288
            outbound-buffer-limit: 1048576
            event-loops: 3
            shutdown-timeout: 5
            apps:
              - id: "1"
                key: key-one
                secret: secret-one
                enabled: false
                max-connections: 500
                client-events: false
                limits:
                  max-event-payload: 20480
                  max-channels-per-trigger: 50
                  max-events-per-batch: 5
                  max-presence-members: 25
                  max-user-info: 512
                  max-user-id-length: 64
                  max-channel-name-length: 150
                  max-event-name-length: 120
                  client-events-per-second: 3
                  max-channels-per-connection: 20
                  max-channels: 5000
              - id: two
                key: key-two
                secret: secret-two
            """;

    @TempDir
    Path dir;
    private ConfigFiles files;

    @BeforeEach
    void files() {
        files = new ConfigFiles(dir);
    }

    /**
     * The example the README points to must stay a valid configuration. Its {@code push:} block and
     * the redis adapter's settings belong to modules not on this module's classpath; herald-cli's
     * {@code ExampleConfigurationTest} loads it whole.
     */
    @Test
    void theRepositorysExampleConfigurationLoads() throws java.io.IOException {
        ServerOptions o = ConfigLoader.load(serverPartOfTheExample(), Map.of(), Map.of());

        assertThat(o.port()).isEqualTo(ServerOptions.DEFAULT_PORT);
        assertThat(o.apps()).extracting(App::id).containsExactly("app-id", "chat");
        assertThat(o.apps().get(0).limits()).isEqualTo(Limits.DEFAULT);
        assertThat(o.apps().get(1).webhooks()).hasSize(2);
        assertThat(o.requestTimeout()).isEqualTo(ServerOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(o.maxPipelinedRequests()).isEqualTo(ServerOptions.DEFAULT_MAX_PIPELINED_REQUESTS);
        assertThat(o.requestBufferLimit()).isEqualTo(ServerOptions.DEFAULT_REQUEST_BUFFER_LIMIT);
        assertThat(o.maxConnectionsPerIp()).isEqualTo(ServerOptions.DEFAULT_MAX_CONNECTIONS_PER_IP);
    }

    /** The file promises that every value it shows is the default, apart from the second app. */
    @Test
    void theExampleShowsTheDefaults() throws Exception {
        ObjectNode tree = ConfigLoader.readYaml(serverPartOfTheExample());
        ((ArrayNode) tree.get("apps")).remove(1);
        ServerOptions example = ConfigLoader.load(Files.writeString(dir.resolve("first-app.yml"), tree.toString()),
                Map.of(), Map.of());
        ServerOptions defaults = ConfigLoader.load(null, Map.of(), Map.of());

        for (Method getter : ServerOptions.class.getDeclaredMethods()) {
            if (Modifier.isPublic(getter.getModifiers()) && !Modifier.isStatic(getter.getModifiers())
                    && getter.getParameterCount() == 0 && getter.getReturnType() != ServerOptions.Builder.class) {
                assertThat(getter.invoke(example)).as("herald.example.yml's %s", getter.getName())
                        .isEqualTo(getter.invoke(defaults));
            }
        }
    }

    /** The example without the fields of modules that are not on this classpath. */
    private Path serverPartOfTheExample() throws java.io.IOException {
        ObjectNode tree = ConfigLoader.readYaml(Path.of("..", "herald.example.yml"));
        Set<String> known = Setting.all().stream().filter(s -> s.parent().isEmpty()).map(Setting::field)
                .collect(Collectors.toSet());
        tree.retain(tree.properties().stream().map(Map.Entry::getKey)
                .filter(name -> name.equals("apps") || known.contains(name)).toList());
        return Files.writeString(dir.resolve("example.yml"), tree.toString());
    }

    @Test
    void bindsTheHttpLimitsFromEnvironmentAndFlags() {
        ServerOptions o = ConfigLoader.load(null,
                Map.of("HERALD_REQUEST_TIMEOUT", "3s", "HERALD_MAX_CONNECTIONS_PER_IP", "50"),
                Map.of("max-pipelined-requests", "4", "request-buffer-limit", "2097152"));

        assertThat(o.requestTimeout()).isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(o.maxConnectionsPerIp()).isEqualTo(50);
        assertThat(o.maxPipelinedRequests()).isEqualTo(4);
        assertThat(o.requestBufferLimit()).isEqualTo(2097152);
    }

    @Test
    void bindsEveryServerSettingFromTheFile() {
        ServerOptions o = files.load(FULL);

        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.port()).isEqualTo(7001);
        assertThat(o.activityTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.pongTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(o.maxFrameSize()).isEqualTo(32768);
        assertThat(o.maxRequestSize()).isEqualTo(524288);
        assertThat(o.outboundBufferLimit()).isEqualTo(1048576);
        assertThat(o.eventLoops()).isEqualTo(3);
        assertThat(o.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void bindsEveryAppSettingAndLimitInOrder() {
        ServerOptions o = files.load(FULL);

        assertThat(o.apps()).containsExactly(
                App.builder("1", "key-one", "secret-one").enabled(false).maxConnections(500).clientEvents(false)
                        .limits(new Limits(20480, 50, 5, 25, 512, 64, 150, 120, 3, 20, 5000)).build(),
                App.of("two", "key-two", "secret-two"));
    }

    @Test
    void withNothingGivenServesTheDefaultAppOnPort6001() {
        ServerOptions o = ConfigLoader.load(null, Map.of(), Map.of());

        assertThat(o.port()).isEqualTo(6001).isEqualTo(ServerOptions.DEFAULT_PORT);
        assertThat(o.host()).isEqualTo(ServerOptions.DEFAULT_HOST);
        assertThat(o.activityTimeout()).isEqualTo(ServerOptions.DEFAULT_ACTIVITY_TIMEOUT);
        assertThat(o.pongTimeout()).isEqualTo(ServerOptions.DEFAULT_PONG_TIMEOUT);
        assertThat(o.maxFrameSize()).isEqualTo(ServerOptions.DEFAULT_MAX_FRAME_SIZE);
        assertThat(o.maxRequestSize()).isEqualTo(ServerOptions.DEFAULT_MAX_REQUEST_SIZE);
        assertThat(o.outboundBufferLimit()).isEqualTo(ServerOptions.DEFAULT_OUTBOUND_BUFFER_LIMIT);
        assertThat(o.shutdownTimeout()).isEqualTo(ServerOptions.DEFAULT_SHUTDOWN_TIMEOUT);
        assertThat(o.apps()).containsExactly(App.of("app-id", "app-key", "app-secret"));
    }

    @Test
    void anEmptyFileMeansDefaults() {
        assertThat(files.load("").apps()).containsExactly(ServerOptions.DEFAULT_APP);
        assertThat(files.load("# only a comment\n").port()).isEqualTo(ServerOptions.DEFAULT_PORT);
    }

    @Test
    void anAppWithoutLimitsGetsPushersLimits() {
        ServerOptions o = files.load("apps:\n  - {id: a, key: b, secret: c, limits: {max-presence-members: 7}}\n");

        assertThat(o.apps().get(0).limits())
                .isEqualTo(new Limits(10240, 100, 10, 7, 1024, 128, 200, 200, 10, 100, 100_000));
    }

    @Test
    void environmentBeatsTheFileAndFlagsBeatTheEnvironment() {
        Path file = files.write("port: 7000\napps:\n  - {id: a, key: b, secret: file-secret}\n");

        assertThat(ConfigLoader.load(file, Map.of(), Map.of()).port()).isEqualTo(7000);
        Map<String, String> env = Map.of("HERALD_PORT", "7001", "HERALD_APP_SECRET", "env-secret");
        ServerOptions fromEnv = ConfigLoader.load(file, env, Map.of());
        assertThat(fromEnv.port()).isEqualTo(7001);
        assertThat(fromEnv.apps().get(0).secret()).isEqualTo("env-secret");

        ServerOptions fromFlags = ConfigLoader.load(file, env, Map.of("port", "7002", "app-secret", "flag-secret"));
        assertThat(fromFlags.port()).isEqualTo(7002);
        assertThat(fromFlags.apps().get(0)).isEqualTo(App.of("a", "b", "flag-secret"));
    }

    @Test
    void appVariablesChangeOnlyTheFirstApp() {
        Path file = files.write("apps:\n  - {id: a, key: ka, secret: sa}\n  - {id: b, key: kb, secret: sb}\n");

        ServerOptions o = ConfigLoader.load(file, Map.of("HERALD_APP_MAX_CONNECTIONS", "3"), Map.of());

        assertThat(o.apps().get(0).maxConnections()).isEqualTo(3);
        assertThat(o.apps().get(1)).isEqualTo(App.of("b", "kb", "sb"));
    }

    @Test
    void aSecretFromTheEnvironmentAloneKeepsTheDefaultIdAndKey() {
        ServerOptions o = ConfigLoader.load(null, Map.of("HERALD_APP_SECRET", "s3cret"), Map.of());

        assertThat(o.apps()).containsExactly(App.of("app-id", "app-key", "s3cret"));
    }

    @Test
    void bindsTheRealtimeFeatureSettingsWithTheirUnits() {
        ServerOptions o = files.load("""
                cache-ttl: 10m
                webhook-batch-window: 50ms
                webhook-batch-max-size: 20
                webhook-queue-capacity: 500
                webhook-request-timeout: 2s
                webhook-retry-backoff: 100ms
                webhook-retry-horizon: 1h
                webhook-grace: 300ms
                subscription-count-interval: 5
                apps:
                  - id: a
                    key: b
                    secret: c
                    subscription-counts: true
                    authorized-connections-timeout: 1500ms
                    api-requests-per-second: 25
                    allowed-origins: [https://www.example.com, "http://localhost:3000"]
                    webhooks:
                      - url: http://127.0.0.1:9000/hooks
                        events: [channel_occupied, channel_vacated]
                      - url: https://example.com/presence
                        events: [member_added, member_removed]
                        channel-prefix: presence-room-
                """);

        assertThat(o.cacheTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.webhookBatchWindow()).isEqualTo(Duration.ofMillis(50));
        assertThat(o.webhookBatchMaxSize()).isEqualTo(20);
        assertThat(o.webhookQueueCapacity()).isEqualTo(500);
        assertThat(o.webhookRequestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.webhookRetryBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.webhookRetryHorizon()).isEqualTo(Duration.ofHours(1));
        assertThat(o.webhookGrace()).isEqualTo(Duration.ofMillis(300));
        assertThat(o.subscriptionCountInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.apps()).containsExactly(App.builder("a", "b", "c").subscriptionCounts(true)
                .authorizedConnectionsTimeout(Duration.ofMillis(1500)).apiRequestsPerSecond(25)
                .allowedOrigins(new AllowedOrigins(List.of("https://www.example.com", "http://localhost:3000")))
                .addWebhook(WebhookEndpoint.of("http://127.0.0.1:9000/hooks",
                        WebhookType.CHANNEL_OCCUPIED, WebhookType.CHANNEL_VACATED))
                .addWebhook(new WebhookEndpoint(URI.create("https://example.com/presence"),
                        Set.of(WebhookType.MEMBER_ADDED, WebhookType.MEMBER_REMOVED), "presence-room-"))
                .build());
    }

    @Test
    void theRealtimeFeaturesHaveTheirDocumentedDefaults() {
        ServerOptions o = ConfigLoader.load(null, Map.of(), Map.of());

        assertThat(o.cacheTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(o.webhookRetryHorizon()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.webhookGrace()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.subscriptionCountInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.adapter()).isEqualTo("local");
        assertThat(o.adapterSettings()).isEmpty();
        App app = o.apps().get(0);
        assertThat(app.webhooks()).isEmpty();
        assertThat(app.subscriptionCounts()).isFalse();
        assertThat(app.requiresAuthorizedConnections()).isFalse();
        assertThat(app.apiRequestsPerSecond()).isZero();
    }

    @Test
    void everySettingHasAnEnvironmentVariable() {
        Map<String, String> env = new HashMap<>();
        for (Setting setting : Setting.ALL) {
            env.put(setting.envName(), sampleValue(setting));
        }

        assertSampleValues(ConfigLoader.load(null, env, Map.of()));
        assertThat(env).containsKeys("HERALD_HOST", "HERALD_PORT", "HERALD_ACTIVITY_TIMEOUT", "HERALD_PONG_TIMEOUT",
                "HERALD_MAX_FRAME_SIZE", "HERALD_MAX_REQUEST_SIZE", "HERALD_OUTBOUND_BUFFER_LIMIT",
                "HERALD_SHUTDOWN_TIMEOUT", "HERALD_APP_ID", "HERALD_APP_KEY", "HERALD_APP_SECRET",
                "HERALD_APP_ENABLED", "HERALD_APP_MAX_CONNECTIONS", "HERALD_APP_CLIENT_EVENTS");
    }

    @Test
    void everySettingHasAFlag() {
        Map<String, String> flags = new HashMap<>();
        for (Setting setting : Setting.ALL) {
            flags.put(setting.name(), sampleValue(setting));
        }

        assertSampleValues(ConfigLoader.load(null, Map.of(), flags));
    }

    @Test
    void refusesAnUnknownLogFormatNamingIt() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("HERALD_LOG_FORMAT", "xml"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("log-format").hasMessageContaining("\"xml\"");
    }

    @Test
    void metricsAreOffUnlessAPortIsSet() {
        assertThat(ConfigLoader.load(null, Map.of(), Map.of()).metricsPort()).isEqualTo(ServerOptions.METRICS_OFF);
        assertThat(ConfigLoader.load(null, Map.of("HERALD_METRICS_PORT", "9601"), Map.of()).metricsPort()).isEqualTo(9601);
    }

    @Test
    void theAdminApiIsOffUnlessATokenIsSetAndSharesTheMainPortUnlessToldOtherwise() {
        ServerOptions off = ConfigLoader.load(null, Map.of(), Map.of());
        ServerOptions on = ConfigLoader.load(null, Map.of("HERALD_ADMIN_TOKEN", "0123456789abcdef"), Map.of());
        ServerOptions apart = ConfigLoader.load(null, Map.of("HERALD_ADMIN_TOKEN", "0123456789abcdef"),
                Map.of("admin-port", "6002"));

        assertThat(off.adminToken()).isNull();
        assertThat(on.adminToken()).isEqualTo("0123456789abcdef");
        assertThat(on.adminPort()).isEqualTo(ServerOptions.ADMIN_ON_MAIN_PORT);
        assertThat(apart.adminPort()).isEqualTo(6002);
    }

    @Test
    void anAdminTokenMustBeLongAndAnAdminPortNeedsOne() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("HERALD_ADMIN_TOKEN", "short"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("admin-token").hasMessageContaining("16");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("HERALD_ADMIN_PORT", "6002"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("admin-port").hasMessageContaining("admin-token");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("HERALD_ADMIN_TOKEN", "0123456789abcdef",
                "HERALD_ADMIN_PORT", "6001"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("admin-port").hasMessageContaining("differ");
    }

    @Test
    void variablesThatAreNotHeraldsAreIgnored() {
        ServerOptions o = ConfigLoader.load(null, Map.of("PORT", "1", "APP_SECRET", "x"), Map.of());

        assertThat(o.port()).isEqualTo(ServerOptions.DEFAULT_PORT);
        assertThat(o.apps()).containsExactly(ServerOptions.DEFAULT_APP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "yes", "on", "1", "TRUE"})
    void acceptsTheUsualSpellingsOfTrue(String value) {
        assertThat(ConfigLoader.load(null, Map.of("HERALD_APP_CLIENT_EVENTS", value), Map.of())
                .apps().get(0).clientEvents()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "no", "off", "0", "False"})
    void acceptsTheUsualSpellingsOfFalse(String value) {
        assertThat(ConfigLoader.load(null, Map.of("HERALD_APP_ENABLED", value), Map.of())
                .apps().get(0).enabled()).isFalse();
    }

    private static String sampleValue(Setting setting) {
        return switch (setting.name()) {
            case "host" -> "127.0.0.2";
            case "app-id" -> "env-id";
            case "app-key" -> "env-key";
            case "app-secret" -> "env-secret";
            case "app-enabled", "app-client-events" -> "false";
            case "app-subscription-counts" -> "true";
            case "adapter" -> "local";
            case "app-allowed-origins" -> "https://a.example, http://b.example:42";
            case "drain-period", "drain-window" -> "2";
            case "plain-port" -> "43";
            case "log-format" -> "json";
            case "admin-token" -> "an-admin-token-of-42";
            case "admin-port" -> "44";
            default -> "42";
        };
    }

    private static void assertSampleValues(ServerOptions o) {
        assertThat(o.host()).isEqualTo("127.0.0.2");
        assertThat(o.port()).isEqualTo(42);
        assertThat(List.of(o.tlsCert(), o.tlsKey())).containsOnly(Path.of("42"));
        assertThat(o.plainPort()).isEqualTo(43);
        assertThat(o.activityTimeout()).isEqualTo(Duration.ofSeconds(42));
        assertThat(o.pongTimeout()).isEqualTo(Duration.ofSeconds(42));
        assertThat(o.maxFrameSize()).isEqualTo(42);
        assertThat(o.maxRequestSize()).isEqualTo(42);
        assertThat(o.outboundBufferLimit()).isEqualTo(42);
        assertThat(o.shutdownTimeout()).isEqualTo(Duration.ofSeconds(42));
        assertThat(List.of(o.drainPeriod(), o.drainWindow())).containsOnly(Duration.ofSeconds(2));
        Duration d = Duration.ofSeconds(42);
        assertThat(List.of(o.cacheTtl(), o.webhookBatchWindow(), o.webhookRequestTimeout(), o.webhookRetryBackoff(),
                o.webhookRetryHorizon(), o.webhookGrace(), o.subscriptionCountInterval())).containsOnly(d);
        assertThat(o.webhookBatchMaxSize()).isEqualTo(42);
        assertThat(o.webhookQueueCapacity()).isEqualTo(42);
        assertThat(o.adapter()).isEqualTo("local");
        assertThat(o.metricsPort()).isEqualTo(42);
        assertThat(o.adminToken()).isEqualTo("an-admin-token-of-42");
        assertThat(o.adminPort()).isEqualTo(44);
        assertThat(o.logFormat()).isEqualTo("json");
        assertThat(o.apps()).containsExactly(App.builder("env-id", "env-key", "env-secret").enabled(false)
                .maxConnections(42).clientEvents(false).subscriptionCounts(true).authorizedConnectionsTimeout(d)
                .apiRequestsPerSecond(42)
                .allowedOrigins(new AllowedOrigins(List.of("https://a.example", "http://b.example:42"))).build());
    }
}
