package io.herald.sdk.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.sdk.HeraldValidationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeraldPushOptionsTest {

    @Test
    void defaultsToHostedBeamsForTheInstance() {
        HeraldPushOptions options = HeraldPushOptions.builder().instanceId("8f9a6e22").secretKey("s").build();

        assertThat(options.baseUrl().toString()).isEqualTo("https://8f9a6e22.pushnotifications.pusher.com");
        assertThat(options.requestTimeout()).isEqualTo(HeraldPushOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(options.tokenTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void readsTheEnvironmentAndTheBuilderWins() {
        Map<String, String> env = Map.of("PUSHER_BEAMS_INSTANCE_ID", "env-instance", "PUSHER_BEAMS_SECRET_KEY", "env-secret",
                "PUSHER_BEAMS_BASE_URL", "http://127.0.0.1:6001/", "PUSHER_BEAMS_TIMEOUT", "5s",
                "PUSHER_PROXY", "http://proxy.local:3128");

        HeraldPushOptions fromEnv = HeraldPushOptions.builder().environment(env).build();
        HeraldPushOptions overridden = HeraldPushOptions.builder().environment(env).instanceId("mine")
                .baseUrl("https://push.example/beams").build();

        assertThat(fromEnv.instanceId()).isEqualTo("env-instance");
        assertThat(fromEnv.secretKey()).isEqualTo("env-secret");
        assertThat(fromEnv.baseUrl().toString()).isEqualTo("http://127.0.0.1:6001");
        assertThat(fromEnv.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(fromEnv.proxy().toString()).isEqualTo("http://proxy.local:3128");
        assertThat(overridden.instanceId()).isEqualTo("mine");
        assertThat(overridden.secretKey()).isEqualTo("env-secret");
        assertThat(overridden.baseUrl().toString()).isEqualTo("https://push.example/beams");
    }

    @Test
    void anEmptyVariableCountsAsUnsetAsForTheChannelsClient() {
        HeraldPushOptions options = HeraldPushOptions.builder().environment(Map.of("PUSHER_BEAMS_INSTANCE_ID", " i ",
                "PUSHER_BEAMS_SECRET_KEY", "s", "PUSHER_BEAMS_BASE_URL", "", "PUSHER_PROXY", "")).build();
        assertThat(options.instanceId()).isEqualTo("i");
        assertThat(options.baseUrl().toString()).isEqualTo("https://i.pushnotifications.pusher.com");
        assertThat(options.proxy()).isNull();
    }

    @Test
    void aMissingOrMalformedSettingIsNamed() {
        refused(HeraldPushOptions.builder().secretKey("s"), "instanceId is required");
        refused(HeraldPushOptions.builder().instanceId("i"), "secretKey is required");
        refused(HeraldPushOptions.builder().instanceId("i").secretKey("s").baseUrl("ftp://x"), "baseUrl must give a base URL");
        refused(HeraldPushOptions.builder().instanceId("i").secretKey("s").baseUrl("http://x/?q=1"), "baseUrl must give a base URL");
        refused(HeraldPushOptions.builder().instanceId("i").secretKey("s").baseUrl("http://key:secret@x"), "baseUrl must give a base URL");
        refused(HeraldPushOptions.builder().instanceId("i").secretKey("s").requestTimeout(Duration.ZERO), "requestTimeout must be positive");
        refused(HeraldPushOptions.builder().environment(Map.of("PUSHER_BEAMS_TIMEOUT", "soon")).instanceId("i").secretKey("s"),
                "PUSHER_BEAMS_TIMEOUT must be");
    }

    @Test
    void toStringNeverShowsTheSecretKey() {
        assertThat(HeraldPushOptions.builder().instanceId("i").secretKey("top-secret").build().toString())
                .contains("instanceId=i").doesNotContain("top-secret");
    }

    private static void refused(HeraldPushOptions.Builder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(HeraldValidationException.class).hasMessageContaining(message);
    }
}
