package io.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every configuration mistake is a {@link ConfigException} that starts with the field to fix. */
class ConfigLoaderErrorsTest {

    @TempDir
    Path dir;
    private ConfigFiles files;

    @BeforeEach
    void files() {
        files = new ConfigFiles(dir);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> failsNaming(String field, Path file,
                                                                              Map<String, String> env,
                                                                              Map<String, String> flags) {
        return assertThatThrownBy(() -> ConfigLoader.load(file, env, flags))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(field + ": ");
    }


    private AbstractThrowableAssert<?, ? extends Throwable> yamlFailsNaming(String field, String yaml) {
        return failsNaming(field, files.write(yaml), Map.of(), Map.of());
    }

    @Test
    void aMissingFileNamesThePath() {
        Path missing = files.resolve("nope.yml");
        failsNaming(missing.toString(), missing, Map.of(), Map.of()).hasMessageContaining("no such file");
    }

    @Test
    void badYamlNamesTheFileAndTheLine() {
        Path file = files.write("port: 1\n  host: x\n");
        failsNaming(file.toString(), file, Map.of(), Map.of())
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("line 2");
    }

    /** An empty list would otherwise fall back to the well-known default secret without a word. */
    @Test
    void anEmptyAppListIsRefused() {
        yamlFailsNaming("apps", "apps: []\n").hasMessageContaining("lists no app");
    }

    /** Clients are told the activity timeout in whole seconds; under one it would read as 0. */
    @Test
    void anActivityTimeoutUnderASecondIsRefusedByTheBuilder() {
        assertThatThrownBy(() -> ServerOptions.builder().activityTimeout(java.time.Duration.ofMillis(500)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activityTimeout must be at least 1 second");
    }

    /** Otherwise the last one wins silently: a second {@code apps:} block would drop the first's apps. */
    @Test
    void aKeyGivenTwiceIsRefused() {
        Path file = files.write("apps:\n  - {id: a, key: a, secret: a}\nport: 7000\napps:\n  - {id: b, key: b, secret: b}\n");
        failsNaming(file.toString(), file, Map.of(), Map.of()).hasMessageContaining("Duplicate field 'apps'");
    }

    @Test
    void anAppKeyGivenTwiceIsRefused() {
        Path file = files.write("apps:\n  - {id: a, key: a, secret: a, secret: b}\n");
        failsNaming(file.toString(), file, Map.of(), Map.of()).hasMessageContaining("Duplicate field 'secret'");
    }

    @Test
    void aTopLevelListIsRefused() {
        Path file = files.write("- port: 1\n");
        failsNaming(file.toString(), file, Map.of(), Map.of()).hasMessageContaining("mapping");
    }

    @Test
    void anUnknownTopLevelKeyIsATypo() {
        yamlFailsNaming("prot", "prot: 6001\n").hasMessageContaining("unknown setting").hasMessageContaining("port");
    }

    @Test
    void anUnknownAppKeyIsATypo() {
        yamlFailsNaming("apps[0].secrett", "apps:\n  - {id: a, key: b, secrett: c}\n")
                .hasMessageContaining("unknown setting");
    }

    @Test
    void anUnknownLimitIsATypo() {
        yamlFailsNaming("apps[1].limits.max-presense-members",
                "apps:\n  - {id: a, key: a, secret: a}\n  - {id: b, key: b, secret: b, limits: {max-presense-members: 5}}\n")
                .hasMessageContaining("unknown setting")
                .hasMessageContaining("max-presence-members");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "70000", "65536", "-1", "6001.5", "99999999999", "true"})
    void aPortMustBeBetween0And65535(String port) {
        yamlFailsNaming("port", "port: " + port + "\n")
                .hasMessageContaining("between 0 and 65535")
                .hasMessageContaining("\"" + port + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "257", "two"})
    void eventLoopsMustBeBetween0And256(String loops) {
        yamlFailsNaming("event-loops", "event-loops: " + loops + "\n")
                .hasMessageContaining("between 0 and 256")
                .hasMessageContaining("\"" + loops + "\"");
    }

    /** herald-redis is not on this module's classpath: its tests check the redis adapter's settings. */
    @Test
    void anAdapterNotOnTheClasspathIsRefused() {
        yamlFailsNaming("adapter", "adapter: redis\n").hasMessageContaining("must be local, was \"redis\"");
    }

    @Test
    void anotherAdaptersSettingIsATypo() {
        yamlFailsNaming("redis-url", "redis-url: redis://127.0.0.1:6379\n").hasMessageContaining("unknown setting");
    }

    @Test
    void aPortVariableThatIsNotANumberNamesThePort() {
        failsNaming("port", null, Map.of("HERALD_PORT", "abc"), Map.of()).hasMessageContaining("\"abc\"");
    }

    @Test
    void aPortFlagOutOfRangeNamesThePort() {
        failsNaming("port", null, Map.of(), Map.of("port", "70000")).hasMessageContaining("\"70000\"");
    }

    @ParameterizedTest
    @CsvSource({"activity-timeout, 0", "pong-timeout, -5", "max-frame-size, 0", "max-request-size, -1",
            "outbound-buffer-limit, 0", "shutdown-timeout, 0"})
    void serverSizesAndTimeoutsMustBePositive(String field, String value) {
        yamlFailsNaming(field, field + ": " + value + "\n").hasMessageContaining("at least 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"max-event-payload", "max-channels-per-trigger", "max-events-per-batch",
            "max-presence-members", "max-user-info", "max-user-id-length", "max-channel-name-length",
            "max-event-name-length", "client-events-per-second"})
    void everyLimitMustBePositive(String limit) {
        for (String value : new String[] {"0", "-3", "many"}) {
            yamlFailsNaming("apps[0].limits." + limit,
                    "apps:\n  - {id: a, key: b, secret: c, limits: {" + limit + ": " + value + "}}\n")
                    .hasMessageContaining("at least 1")
                    .hasMessageContaining("\"" + value + "\"");
        }
    }

    @Test
    void maxConnectionsMayBeZeroButNotNegative() {
        assertThat(files.load("apps:\n  - {id: a, key: b, secret: c, max-connections: 0}\n").apps().get(0).maxConnections())
                .isZero();
        yamlFailsNaming("apps[0].max-connections", "apps:\n  - {id: a, key: b, secret: c, max-connections: -1}\n");
    }

    @Test
    void anAppWithoutSecretIsRefused() {
        yamlFailsNaming("apps[0].secret", "apps:\n  - {id: a, key: b}\n").hasMessageContaining("required");
    }

    @Test
    void anAppWithAnEmptyIdIsRefused() {
        yamlFailsNaming("apps[1].id", "apps:\n  - {id: a, key: a, secret: a}\n  - {id: '', key: b, secret: b}\n")
                .hasMessageContaining("empty");
    }

    @Test
    void twoAppsWithOneIdAreRefused() {
        yamlFailsNaming("apps", "apps:\n  - {id: a, key: k1, secret: s}\n  - {id: a, key: k2, secret: s}\n")
                .hasMessageContaining("id 'a'");
    }

    @Test
    void twoAppsWithOneKeyAreRefused() {
        yamlFailsNaming("apps", "apps:\n  - {id: a, key: k, secret: s}\n  - {id: b, key: k, secret: s}\n")
                .hasMessageContaining("key 'k'");
    }

    @Test
    void appsMustBeAList() {
        yamlFailsNaming("apps", "apps:\n  id: a\n  key: b\n  secret: c\n").hasMessageContaining("list");
        yamlFailsNaming("apps", "apps: everything\n").hasMessageContaining("list");
    }

    @Test
    void appsMustBeAListEvenWhenAVariableOverridesTheFirstApp() {
        failsNaming("apps", files.write("apps:\n  id: a\n"), Map.of("HERALD_APP_SECRET", "s"), Map.of())
                .hasMessageContaining("list");
    }

    @Test
    void anAppMustBeAMapping() {
        yamlFailsNaming("apps[0]", "apps:\n  - just-a-string\n").hasMessageContaining("mapping");
    }

    @Test
    void limitsMustBeAMapping() {
        yamlFailsNaming("apps[0].limits", "apps:\n  - {id: a, key: b, secret: c, limits: 5}\n")
                .hasMessageContaining("mapping");
    }

    @Test
    void booleanGarbageIsRefused() {
        yamlFailsNaming("apps[0].enabled", "apps:\n  - {id: a, key: b, secret: c, enabled: maybe}\n")
                .hasMessageContaining("true or false")
                .hasMessageContaining("\"maybe\"");
        failsNaming("apps[0].client-events", null, Map.of("HERALD_APP_CLIENT_EVENTS", "nope"), Map.of())
                .hasMessageContaining("\"nope\"");
    }

    @Test
    void aListWhereAValueBelongsIsRefused() {
        yamlFailsNaming("port", "port: [1, 2]\n").hasMessageContaining("single value");
    }

    @Test
    void anEmptyHostIsRefused() {
        failsNaming("host", null, Map.of(), Map.of("host", " ")).hasMessageContaining("empty");
    }

    @Test
    void anUnknownWebhookEventTypeNamesTheEndpoint() {
        yamlFailsNaming("apps[0].webhooks[1].events",
                "apps:\n  - id: a\n    key: b\n    secret: c\n    webhooks:\n"
                        + "      - {url: 'http://h/1', events: [channel_occupied]}\n"
                        + "      - {url: 'http://h/2', events: [channel_ocupied]}\n")
                .hasMessageContaining("channel_ocupied")
                .hasMessageContaining("channel_vacated");
    }

    @Test
    void aWebhookNeedsAnHttpUrl() {
        yamlFailsNaming("apps[0].webhooks[0].url",
                "apps:\n  - {id: a, key: b, secret: c, webhooks: [{url: 'ftp://h/x', events: [cache_miss]}]}\n")
                .hasMessageContaining("http(s)");
    }

    @Test
    void aWebhookNeedsEventTypes() {
        yamlFailsNaming("apps[0].webhooks[0].events",
                "apps:\n  - {id: a, key: b, secret: c, webhooks: [{url: 'http://h/x'}]}\n")
                .hasMessageContaining("at least one event type");
    }

    @Test
    void anUnknownWebhookFieldIsATypo() {
        yamlFailsNaming("apps[0].webhooks[0].prefix",
                "apps:\n  - {id: a, key: b, secret: c, webhooks: [{url: 'http://h/x', events: [cache_miss], prefix: x}]}\n")
                .hasMessageContaining("channel-prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "0", "-1s", "3 weeks", "1.5s"})
    void aGraceMustBeAPositiveDuration(String value) {
        yamlFailsNaming("webhook-grace", "webhook-grace: " + value + "\n")
                .hasMessageContaining("positive duration")
                .hasMessageContaining("\"" + value + "\"");
    }

    @Test
    void theMaxRetryBackoffIsNoShorterThanTheFirst() {
        yamlFailsNaming("webhook-retry-max-backoff", "webhook-retry-backoff: 2s\nwebhook-retry-max-backoff: 500ms\n")
                .hasMessageContaining("webhook-retry-backoff");
        assertThat(ConfigLoader.load(null, Map.of("HERALD_WEBHOOK_RETRY_MAX_BACKOFF", "250ms"), Map.of())
                .webhookRetryMaxBackoff()).isEqualTo(java.time.Duration.ofMillis(250));
    }

    @Test
    void authorizedConnectionsTimeoutMayBeZeroButNotWords() {
        yamlFailsNaming("apps[0].authorized-connections-timeout",
                "apps:\n  - {id: a, key: b, secret: c, authorized-connections-timeout: never}\n")
                .hasMessageContaining("duration");
        assertThat(ConfigLoader.load(null, Map.of("HERALD_APP_AUTHORIZED_CONNECTIONS_TIMEOUT", "0"), Map.of())
                .apps().get(0).requiresAuthorizedConnections()).isFalse();
    }

    @Test
    void apiRequestsPerSecondMayNotBeNegative() {
        failsNaming("apps[0].api-requests-per-second", null, Map.of(), Map.of("app-api-requests-per-second", "-2"))
                .hasMessageContaining("at least 0");
    }

    @Test
    void allowedOriginsMustBeOriginsWithoutAPath() {
        failsNaming("apps[0].allowed-origins", null, Map.of("HERALD_APP_ALLOWED_ORIGINS", "https://a.example/app"), Map.of())
                .hasMessageContaining("https://example.com (no path)");
        yamlFailsNaming("apps[0].allowed-origins", "apps:\n  - {id: a, key: b, secret: c, allowed-origins: []}\n")
                .hasMessageContaining("at least one origin");
    }

    @Test
    void drainMustEndBeforeTheShutdownTimeout() {
        failsNaming("drain-period", null, Map.of("HERALD_DRAIN_PERIOD", "5s", "HERALD_DRAIN_WINDOW", "5s"), Map.of())
                .hasMessageContaining("must be shorter than shutdown-timeout (PT10S)");
        failsNaming("drain-window", null, Map.of(), Map.of("drain-window", "-1s"));
    }

    @Test
    void tlsNeedsBothFilesAndAPlainPortNeedsTls() {
        failsNaming("tls-key", null, Map.of("HERALD_TLS_CERT", "/etc/herald/cert.pem"), Map.of())
                .hasMessageContaining("is required with tls-cert");
        failsNaming("tls-cert", null, Map.of(), Map.of("tls-key", "/etc/herald/key.pem"))
                .hasMessageContaining("is required with tls-key");
        failsNaming("plain-port", null, Map.of("HERALD_PLAIN_PORT", "8080"), Map.of())
                .hasMessageContaining("set tls-cert and tls-key too");
        failsNaming("plain-port", null, Map.of("HERALD_TLS_CERT", "c.pem", "HERALD_TLS_KEY", "k.pem",
                "HERALD_PORT", "443", "HERALD_PLAIN_PORT", "443"), Map.of()).hasMessageContaining("must differ from port");
    }
}
