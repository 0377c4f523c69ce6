package io.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Server settings read durations with herald-protocol's one grammar (see the README's "Durations"). */
class DurationSettingsTest {

    @Test
    void everyUnitAndIsoAreAcceptedFromTheEnvironment() {
        ServerOptions o = ConfigLoader.load(null, Map.of(
                "HERALD_CACHE_TTL", "1d",
                "HERALD_WEBHOOK_GRACE", "PT5S",
                "HERALD_WEBHOOK_RETRY_HORIZON", "2h",
                "HERALD_WEBHOOK_BATCH_WINDOW", "250 ms"), Map.of());

        assertThat(o.cacheTtl()).isEqualTo(Duration.ofDays(1));
        assertThat(o.webhookGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.webhookRetryHorizon()).isEqualTo(Duration.ofHours(2));
        assertThat(o.webhookBatchWindow()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aBareNumberIsSecondsAsDocumented() {
        ServerOptions o = ConfigLoader.load(null, Map.of("HERALD_WEBHOOK_GRACE", "4", "HERALD_ACTIVITY_TIMEOUT", "90"), Map.of());

        assertThat(o.webhookGrace()).isEqualTo(Duration.ofSeconds(4));
        assertThat(o.activityTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void settingsInWholeSecondsTakeUnitsToo() {
        ServerOptions o = ConfigLoader.load(null, Map.of("HERALD_ACTIVITY_TIMEOUT", "2m", "HERALD_PONG_TIMEOUT", "PT45S",
                "HERALD_SHUTDOWN_TIMEOUT", "15s"), Map.of());

        assertThat(o.activityTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.pongTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(o.shutdownTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1500ms", "500ms", "0s", "soon"})
    void settingsInWholeSecondsRefuseFractionsNamingTheSetting(String value) {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("HERALD_ACTIVITY_TIMEOUT", value), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("activity-timeout")
                .hasMessageContaining("whole number of seconds")
                .hasMessageContaining("\"" + value + "\"");
    }
}
