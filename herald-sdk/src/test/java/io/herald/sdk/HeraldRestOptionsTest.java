package io.herald.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeraldRestOptionsTest {

    private static final String KEY64 = SdkTestSupport.MASTER_KEY_BASE64;

    @Test
    void urlSetsSchemeCredentialsHostPortAndAppId() {
        HeraldRestOptions options = HeraldRestOptions.fromUrl("http://k1:s1@herald.local:8080/apps/42");
        assertThat(options.useTls()).isFalse();
        assertThat(options.key()).isEqualTo("k1");
        assertThat(options.secret()).isEqualTo("s1");
        assertThat(options.host()).isEqualTo("herald.local");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.appId()).isEqualTo("42");
        assertThat(options.baseUri()).isEqualTo(URI.create("http://herald.local:8080"));
    }

    @Test
    void portDefaultsTo443WithTlsAnd80Without() {
        assertThat(HeraldRestOptions.fromUrl("https://k:s@h/apps/1").port()).isEqualTo(443);
        assertThat(HeraldRestOptions.fromUrl("http://k:s@h/apps/1").port()).isEqualTo(80);
        assertThat(minimal().useTls(true).build().port()).isEqualTo(443);
        assertThat(minimal().build().port()).isEqualTo(80);
    }

    @Test
    void tlsIsOnForAClusterOrPort443AndOffForAnExplicitHostUnlessAsked() {
        HeraldRestOptions.Builder credentials = HeraldRestOptions.builder().appId("1").key("k").secret("s");
        assertThat(credentials.cluster("eu").build().baseUri()).isEqualTo(URI.create("https://api-eu.pusher.com:443"));
        assertThat(minimal().build().baseUri()).isEqualTo(URI.create("http://h:80"));
        assertThat(minimal().port(443).build().baseUri()).isEqualTo(URI.create("https://h:443"));
        assertThat(minimal().port(16002).useTls(true).build().baseUri()).isEqualTo(URI.create("https://h:16002"));
        assertThat(HeraldRestOptions.builder().environment(Map.of("PUSHER_APP_ID", "1", "PUSHER_KEY", "k", "PUSHER_SECRET", "s",
                "PUSHER_HOST", "127.0.0.1", "PUSHER_PORT", "16002")).build().baseUri())
                .isEqualTo(URI.create("http://127.0.0.1:16002"));
        assertThat(HeraldRestOptions.builder().environment(Map.of("PUSHER_APP_ID", "1", "PUSHER_KEY", "k", "PUSHER_SECRET", "s",
                "PUSHER_CLUSTER", "mt1")).build().baseUri())
                .isEqualTo(URI.create("https://api-mt1.pusher.com:443"));
    }

    @Test
    void encryptedIsTheOlderNameOfUseTls() {
        assertThat(minimal().encrypted(true).build().useTls()).isTrue();
        assertThat(minimal().port(443).encrypted(false).build().baseUri()).isEqualTo(URI.create("http://h:443"));
        assertThat(minimal().environment(Map.of("PUSHER_ENCRYPTED", "true")).build().useTls()).isTrue();
        assertThat(minimal().environment(Map.of("PUSHER_ENCRYPTED", "true", "PUSHER_USE_TLS", "false")).build().useTls())
                .as("the current name wins").isFalse();
        assertThatThrownBy(() -> minimal().environment(Map.of("PUSHER_ENCRYPTED", "sometimes")).build())
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("PUSHER_ENCRYPTED");
    }

    @Test
    void anEmptyVariableCountsAsUnset() {
        Map<String, String> env = new HashMap<>();
        env.put("PUSHER_URL", "");
        env.put("PUSHER_PROXY", " ");
        env.put("PUSHER_PORT", "");
        env.put("PUSHER_APP_ID", "7");
        env.put("PUSHER_KEY", "k");
        env.put("PUSHER_SECRET", "s");
        env.put("PUSHER_HOST", "127.0.0.1");
        HeraldRestOptions options = HeraldRestOptions.builder().environment(env).build();
        assertThat(options.baseUri()).isEqualTo(URI.create("http://127.0.0.1:80"));
        assertThat(options.proxy()).isNull();
        assertThat(options.appId()).isEqualTo("7");
    }

    @Test
    void clusterBecomesPusherHostUnlessAHostIsGiven() {
        HeraldRestOptions.Builder b = HeraldRestOptions.builder().appId("1").key("k").secret("s");
        assertThat(b.cluster("eu").build().host()).isEqualTo("api-eu.pusher.com");
        assertThat(b.cluster("eu").host("herald.local").build().host()).isEqualTo("herald.local");
    }

    @Test
    void defaultsAreTheDocumentedConstants() {
        HeraldRestOptions options = minimal().build();
        assertThat(options.requestTimeout()).isEqualTo(HeraldRestOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(options.keepAlive()).isEqualTo(HeraldRestOptions.DEFAULT_KEEP_ALIVE);
        assertThat(options.proxy()).isNull();
        assertThat(options.encryptionMasterKey()).isNull();
        assertThat(options.serializer()).isInstanceOf(JacksonSerializer.class);
    }

    @Test
    void environmentSuppliesEverySetting() {
        Map<String, String> env = new HashMap<>();
        env.put("PUSHER_APP_ID", "7");
        env.put("PUSHER_KEY", "env-key");
        env.put("PUSHER_SECRET", "env-secret");
        env.put("PUSHER_HOST", "herald.local");
        env.put("PUSHER_PORT", "6001");
        env.put("PUSHER_USE_TLS", "false");
        env.put("PUSHER_PROXY", "http://proxy.local:3128");
        env.put("PUSHER_TIMEOUT", "2500");
        env.put("PUSHER_KEEP_ALIVE", "false");
        env.put("PUSHER_ENCRYPTION_MASTER_KEY", KEY64);
        HeraldRestOptions options = HeraldRestOptions.builder().environment(env).build();
        assertThat(options.appId()).isEqualTo("7");
        assertThat(options.key()).isEqualTo("env-key");
        assertThat(options.secret()).isEqualTo("env-secret");
        assertThat(options.baseUri()).isEqualTo(URI.create("http://herald.local:6001"));
        assertThat(options.proxy()).isEqualTo(URI.create("http://proxy.local:3128"));
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(options.keepAlive()).isFalse();
        assertThat(options.encryptionMasterKey()).isEqualTo(SdkTestSupport.MASTER_KEY);
    }

    @Test
    void environmentAcceptsTheAppPrefixedNamesAndACluster() {
        HeraldRestOptions options = HeraldRestOptions.builder().environment(Map.of(
                "PUSHER_APP_ID", "7", "PUSHER_APP_KEY", "k", "PUSHER_APP_SECRET", "s", "PUSHER_CLUSTER", "ap1")).build();
        assertThat(options.key()).isEqualTo("k");
        assertThat(options.secret()).isEqualTo("s");
        assertThat(options.host()).isEqualTo("api-ap1.pusher.com");
    }

    @Test
    void singleVariablesBeatPusherUrl() {
        HeraldRestOptions options = HeraldRestOptions.builder().environment(Map.of(
                "PUSHER_URL", "https://k:s@h.local/apps/1", "PUSHER_APP_ID", "2", "PUSHER_PORT", "8443")).build();
        assertThat(options.appId()).isEqualTo("2");
        assertThat(options.key()).isEqualTo("k");
        assertThat(options.baseUri()).isEqualTo(URI.create("https://h.local:8443"));
    }

    @Test
    void explicitSettingsBeatTheEnvironment() {
        HeraldRestOptions options = HeraldRestOptions.builder()
                .environment(Map.of("PUSHER_URL", "https://k:s@h.local/apps/1", "PUSHER_TIMEOUT", "5s"))
                .appId("explicit").secret("explicit-secret").requestTimeout(Duration.ofSeconds(9))
                .build();
        assertThat(options.appId()).isEqualTo("explicit");
        assertThat(options.secret()).isEqualTo("explicit-secret");
        assertThat(options.key()).isEqualTo("k");
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(9));
    }

    /** The shared duration grammar, except that a bare number keeps its documented meaning here: milliseconds. */
    @Test
    void theTimeoutTakesEveryDurationUnitAndABareNumberStaysMilliseconds() {
        assertThat(minimal().environment(Map.of("PUSHER_TIMEOUT", "1h")).build().requestTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(minimal().environment(Map.of("PUSHER_TIMEOUT", "PT0.5S")).build().requestTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(minimal().environment(Map.of("PUSHER_TIMEOUT", "750")).build().requestTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThatThrownBy(() -> minimal().environment(Map.of("PUSHER_TIMEOUT", "1.5s")).build())
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("PUSHER_TIMEOUT").hasMessageContaining("1.5s");
    }

    @Test
    void explicitClusterBeatsAHostFromTheEnvironment() {
        HeraldRestOptions options = HeraldRestOptions.builder().environment(Map.of("PUSHER_URL", "https://k:s@h.local/apps/1"))
                .cluster("eu").build();
        assertThat(options.host()).isEqualTo("api-eu.pusher.com");
    }

    @Test
    void missingSettingsFailNamingTheSetting() {
        assertThatThrownBy(() -> HeraldRestOptions.builder().key("k").secret("s").host("h").build())
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("appId");
        assertThatThrownBy(() -> HeraldRestOptions.builder().appId("1").secret("s").host("h").build())
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> HeraldRestOptions.builder().appId("1").key("k").host("h").build())
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> HeraldRestOptions.builder().appId("1").key("k").secret("s").build())
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("host (or cluster)");
    }

    @Test
    void malformedSettingsFailNamingTheSetting() {
        assertThatThrownBy(() -> minimal().environment(Map.of("PUSHER_PORT", "eighty")).build())
                .isInstanceOf(HeraldValidationException.class).hasMessageContaining("PUSHER_PORT");
        assertThatThrownBy(() -> minimal().environment(Map.of("PUSHER_USE_TLS", "maybe")).build())
                .hasMessageContaining("PUSHER_USE_TLS");
        assertThatThrownBy(() -> minimal().environment(Map.of("PUSHER_TIMEOUT", "soon")).build())
                .hasMessageContaining("PUSHER_TIMEOUT");
        assertThatThrownBy(() -> minimal().environment(Map.of("PUSHER_ENCRYPTION_MASTER_KEY", "c2hvcnQ=")).build())
                .hasMessageContaining("PUSHER_ENCRYPTION_MASTER_KEY").hasMessageContaining("decodes to 5");
        assertThatThrownBy(() -> minimal().encryptionMasterKeyBase64("not base64!"))
                .hasMessageContaining("encryptionMasterKey");
        assertThatThrownBy(() -> minimal().port(70000).build()).hasMessageContaining("port");
        assertThatThrownBy(() -> minimal().requestTimeout(Duration.ZERO).build()).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> minimal().proxy("proxy-without-port").build()).hasMessageContaining("proxy");
    }

    @Test
    void malformedUrlsFailWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> HeraldRestOptions.fromUrl("ftp://k:topsecret@h/apps/1"))
                .isInstanceOf(HeraldValidationException.class)
                .hasMessageContaining("url").hasMessageContaining("scheme").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> HeraldRestOptions.fromUrl("https://k:topsecret@h/channels"))
                .hasMessageContaining("/apps/APP_ID").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> HeraldRestOptions.fromUrl("https://h/apps/1")).hasMessageContaining("KEY:SECRET");
        assertThatThrownBy(() -> minimal().environment(Map.of("PUSHER_URL", "nonsense")).build())
                .hasMessageContaining("PUSHER_URL");
    }

    @Test
    void toStringNeverShowsTheSecretOrMasterKey() {
        HeraldRestOptions options = minimal().secret("topsecret").encryptionMasterKeyBase64(KEY64).build();
        assertThat(options.toString()).doesNotContain("topsecret").doesNotContain(KEY64).contains("encryption=true");
    }

    @Test
    void toBuilderDerivesAVariant() {
        HeraldRestOptions options = minimal().build().toBuilder().port(8443).build();
        assertThat(options.port()).isEqualTo(8443);
        assertThat(options.appId()).isEqualTo("1");
    }

    private static HeraldRestOptions.Builder minimal() {
        return HeraldRestOptions.builder().appId("1").key("k").secret("s").host("h");
    }
}
