package io.herald.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.herald.server.config.ConfigException;
import io.herald.server.config.ConfigLoader;
import io.herald.server.config.ServerOptions;
import io.herald.server.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code push:} block through the server's own loader: file, then environment, then flags. */
class PushSettingsTest {

    @TempDir
    Path dir;

    private PushOptions load(String yaml, Map<String, String> env, Map<String, String> flags) throws IOException {
        Path file = Files.writeString(dir.resolve("herald.yml"), yaml);
        ServerOptions options = ConfigLoader.load(file, env, flags);
        return PushSettings.bind(options.extension("push"));
    }

    @Test
    void withoutABlockThereIsTheDefaultInstance() throws IOException {
        PushOptions push = load("port: 7000\n", Map.of(), Map.of());
        assertThat(push.enabled()).isTrue();
        assertThat(push.instances()).containsExactly(PushOptions.DEFAULT_INSTANCE);
        assertThat(push.storeUrl()).isNull();
        assertThat(push.dataDirectory()).isEqualTo(Path.of("./data"));
        assertThat(push.maxInterestsPerDevice()).isEqualTo(5000);
        assertThat(push.maxDevicesPerUser()).isEqualTo(100);
        assertThat(push.endpointHosts().hosts()).extracting(Object::toString).containsExactly("fcm.googleapis.com",
                "android.googleapis.com", "updates.push.services.mozilla.com", "*.push.apple.com", "*.notify.windows.com");
    }

    @Test
    void endpointHostsAreAYamlListOrOneCommaSeparatedString() throws IOException {
        PushOptions fromYaml = load("push:\n  endpoint-hosts: [\"*.Push.Example\", \"http://127.0.0.1\"]\n", Map.of(), Map.of());
        assertThat(fromYaml.endpointHosts().hosts()).containsExactly(new EndpointHosts.Host("https", "push.example", true),
                new EndpointHosts.Host("http", "127.0.0.1", false));
        PushOptions fromEnv = load("", Map.of("HERALD_PUSH_ENDPOINT_HOSTS", "fcm.googleapis.com, http://localhost"), Map.of());
        assertThat(fromEnv.endpointHosts().hosts()).extracting(Object::toString)
                .containsExactly("fcm.googleapis.com", "http://localhost");
        PushOptions fromFlag = load("push:\n  endpoint-hosts: fcm.googleapis.com\n", Map.of(), Map.of("push-endpoint-hosts", "*"));
        assertThat(fromFlag.endpointHosts().hosts()).extracting(Object::toString).containsExactly("*");
    }

    @Test
    void webhookRetryDelaysAreAListOrOneCommaSeparatedStringAndEmptyMeansNoRetry() throws IOException {
        assertThat(load("port: 7000\n", Map.of(), Map.of()).webhookRetryDelays()).containsExactly(Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5));
        assertThat(load("push:\n  webhook-retry-delays: [1s, 250ms]\n", Map.of(), Map.of()).webhookRetryDelays())
                .containsExactly(Duration.ofSeconds(1), Duration.ofMillis(250));
        assertThat(load("", Map.of("HERALD_PUSH_WEBHOOK_RETRY_DELAYS", "5s,1m"), Map.of()).webhookRetryDelays())
                .containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(1));
        assertThat(load("", Map.of(), Map.of("push-webhook-retry-delays", "")).webhookRetryDelays()).isEmpty();
        assertThatThrownBy(() -> load("push:\n  webhook-retry-delays: 10s, soon\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push.webhook-retry-delays")
                .hasMessageContaining("\"soon\"");
        assertThatThrownBy(() -> load("push:\n  webhook-retry-delays: [0s]\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push.webhook-retry-delays");
    }

    @Test
    void anInstancesWebhooksAreReadWithTheirDefaultsAndMistakesNameTheirField() throws IOException {
        PushOptions push = load("""
                push:
                  instances:
                    - id: shop
                      secret: s1
                      webhooks:
                        - url: https://api.example.com/hooks
                          secret: h1
                        - url: http://127.0.0.1:9000/opens
                          secret: h2
                          events: [v1.UserNotificationOpen]
                          custom-data: {team: web}
                          id: 9c83c1b2-77ac-49c5-94c2-bfc96f9bec49
                """, Map.of(), Map.of());
        InstanceWebhook all = push.instances().get(0).webhooks().get(0);
        assertThat(all.events()).containsExactlyInAnyOrderElementsOf(InstanceWebhook.EVENTS);
        assertThat(all.customData().isEmpty()).isTrue();
        assertThat(all.id()).isEqualTo(InstanceWebhook.defaultId("shop", "https://api.example.com/hooks"));
        InstanceWebhook opens = push.instances().get(0).webhooks().get(1);
        assertThat(opens.events()).containsExactly(InstanceWebhook.NOTIFICATION_OPEN);
        assertThat(opens.customData().toString()).isEqualTo("{\"team\":\"web\"}");
        assertThat(opens.id()).hasToString("9c83c1b2-77ac-49c5-94c2-bfc96f9bec49");
        assertThat(opens.toString()).doesNotContain("h2");
        assertThat(push.instances().get(0).wantsEvent(InstanceWebhook.PUBLISH_TO_USERS_ATTEMPT)).isTrue();

        String base = "push:\n  instances:\n    - id: shop\n      secret: s1\n      webhooks:\n        - ";
        Map.of("url: ftp://x\n          secret: h", "push.instances[0].webhooks[0].url",
                "url: https://x.example\n", "push.instances[0].webhooks[0].secret",
                "url: https://x.example\n          secret: h\n          events: [v1.Nope]", "push.instances[0].webhooks[0].events",
                "url: https://x.example\n          secret: h\n          id: nope", "push.instances[0].webhooks[0].id")
                .forEach((yaml, field) -> assertThatThrownBy(() -> load(base + yaml + "\n", Map.of(), Map.of()))
                        .as(yaml).isInstanceOf(ConfigException.class).hasMessageContaining(field));
        // Each event is posted to every webhook that wants it: their number is bounded.
        String eleven = "push:\n  instances:\n    - id: shop\n      secret: s1\n      webhooks:\n"
                + "        - {url: \"https://x.example\", secret: h}\n".repeat(11);
        assertThatThrownBy(() -> load(eleven, Map.of(), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("push.instances[0].webhooks").hasMessageContaining("at most 10");
    }

    @Test
    void theFileSetsInstancesAndTheEnvironmentAndFlagsOverrideTheFirst() throws IOException {
        String yaml = """
                push:
                  allowed-origins: [https://a.example, https://b.example]
                  retry-backoff: 250ms
                  instances:
                    - {id: shop, secret: s1}
                    - {id: blog, secret: s2}
                """;
        PushOptions push = load(yaml, Map.of("HERALD_PUSH_INSTANCE_SECRET", "from-env",
                "HERALD_PUSH_STORE_URL", "jdbc:postgresql://127.0.0.1:5432/h?user=postgres"),
                Map.of("push-delivery-concurrency", "7"));
        assertThat(push.instances()).containsExactly(new PushInstance("shop", "from-env"), new PushInstance("blog", "s2"));
        assertThat(push.allowedOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(push.retryBackoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(push.storeUrl()).startsWith("jdbc:postgresql:");
        assertThat(push.deliveryConcurrency()).isEqualTo(7);
        assertThat(Setting.all()).extracting(Setting::envName).contains("HERALD_PUSH_INSTANCE_SECRET");
    }

    /** The example the README points to, with herald-push on the classpath (blocks of modules that are not, left out). */
    @Test
    void theRepositorysExampleConfigurationLoads() throws IOException {
        ObjectNode tree = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "herald.example.yml").toFile());
        Set<String> known = Setting.all().stream().filter(setting -> setting.parent().isEmpty()).map(Setting::field).collect(Collectors.toSet());
        tree.retain(tree.properties().stream().map(Map.Entry::getKey)
                .filter(name -> name.equals("apps") || name.equals(PushSettings.BLOCK) || known.contains(name)).toList());
        ServerOptions options = ConfigLoader.load(Files.writeString(dir.resolve("example.yml"), tree.toString()), Map.of(), Map.of());
        PushOptions push = PushSettings.bind(options.extension("push"));
        assertThat(push.instances()).containsExactly(PushOptions.DEFAULT_INSTANCE);
        assertThat(push).isEqualTo(PushOptions.defaults(Path.of("./data"), push.instances()));
    }

    @Test
    void mistakesNameTheirField() {
        assertThatThrownBy(() -> load("push:\n  instancs: []\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push.instancs: unknown setting");
        assertThatThrownBy(() -> load("push:\n  instances:\n    - {id: a}\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push.instances[0].secret: is required");
        assertThatThrownBy(() -> load("push:\n  store-pool-size: 1\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push.store-pool-size");
        assertThatThrownBy(() -> load("push:\n  instances:\n    - {id: 'a b', secret: x}\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push.instances[0].id");
        assertThatThrownBy(() -> load("push:\n  instances:\n    - {id: a, secret: x}\n    - {id: a, secret: y}\n",
                Map.of(), Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("unique");
        assertThatThrownBy(() -> load("push: 3\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push: must be a mapping");
        assertThatThrownBy(() -> load("", Map.of("HERALD_PUSH_STORE_URL", "mysql://x"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push.store-url");
        assertThatThrownBy(() -> load("", Map.of("HERALD_PUSH_ALLOWED_ORIGINS", "https://a.example/path"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push.allowed-origins");
        assertThatThrownBy(() -> load("push:\n  endpoint-hosts: \"fcm.googleapis.com:443\"\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push.endpoint-hosts: entries look like");
        assertThatThrownBy(() -> load("push:\n  endpoint-hosts: \"https://fcm.googleapis.com/fcm\"\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no port or path");
        assertThatThrownBy(() -> load("", Map.of("HERALD_PUSH_ENDPOINT_HOSTS", " , "), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push.endpoint-hosts: must list at least one");
        assertThatThrownBy(() -> load("push:\n  max-interests-per-device: 6000\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("push.max-interests-per-device");
    }
}
