package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.app.App;
import io.herald.testkit.ApiClient;
import io.herald.testkit.Eventually;
import io.herald.testkit.RecordingClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kill -HUP} makes {@code herald server} read its configuration file's apps again and apply the difference. */
class AppsReloadTest {

    private static final App ONE = App.of("one", "one-key", "one-secret");
    private static final App TWO = App.of("two", "two-key", "two-secret");
    private static final App TWO_RENEWED = App.of("two", "two-key", "two-secret-renewed");
    private static final App THREE = App.of("three", "three-key", "three-secret");

    @Test
    void sighupAppliesTheFilesChangedApps() throws IOException {
        Path config = Files.createTempFile("herald-reload-", ".yml");
        try {
            Files.writeString(config, "apps:\n" + app(ONE, true) + app(TWO, true));
            try (HeraldProcess server = HeraldProcess.startServer("--config", config.toString(), "--port", "0")) {
                String ws = "ws://127.0.0.1:" + server.port() + "/app/";
                String http = "http://127.0.0.1:" + server.port();
                RecordingClient oneClient = RecordingClient.connect(ws + ONE.key() + "?protocol=7");
                RecordingClient twoClient = RecordingClient.connect(ws + TWO.key() + "?protocol=7");
                assertThat(oneClient.socketId()).isNotNull();

                // one disabled, two's secret changed, three added
                Files.writeString(config, "apps:\n" + app(ONE, false) + app(TWO_RENEWED, true) + app(THREE, true));
                server.hangUp();

                assertThat(oneClient.closeCode(Duration.ofSeconds(10))).isEqualTo(4003);
                Eventually.check(Duration.ofSeconds(10), () -> {
                    try (RecordingClient three = RecordingClient.connect(ws + THREE.key() + "?protocol=7")) {
                        assertThat(three.socketId()).isNotNull();
                    }
                });
                assertThat(ApiClient.of(http, TWO_RENEWED).post("/apps/two/events", event()).status()).isEqualTo(200);
                assertThat(ApiClient.of(http, TWO).post("/apps/two/events", event()).status())
                        .as("the old secret during secret-rotation-grace").isEqualTo(200);
                assertThat(twoClient.isClosed()).as("an app still enabled keeps its connections").isFalse();

                // a file that no longer reads changes nothing
                Files.writeString(config, "apps:\n  - id: [broken\n");
                server.hangUp();
                server.awaitStdout("SIGHUP: the configuration does not read, apps unchanged");
                try (RecordingClient three = RecordingClient.connect(ws + THREE.key() + "?protocol=7")) {
                    assertThat(three.socketId()).isNotNull();
                }
                twoClient.close();
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }

    /** The apps-store settings come from flags and variables too; a database down at start is exit 1, named. */
    @Test
    void anUnreachableAppStoreStopsTheServerAtStart() {
        HeraldProcess.Result result = HeraldProcess.run(Map.of("HERALD_APPS_STORE_TYPE", "postgresql"), "server", "--port", "0",
                "--apps-store-url", "jdbc:postgresql://127.0.0.1:1/herald?user=postgres", "--apps-store-connection-timeout", "1s");

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(1);
        assertThat(result.stderr()).contains("herald: cannot start: apps-store: cannot open the PostgreSQL app store at "
                + "jdbc:postgresql://127.0.0.1:1/herald");
    }

    @Test
    void aBadAppStoreSettingIsAConfigurationError() {
        HeraldProcess.Result result = HeraldProcess.run(Map.of(), "server", "--apps-store-type", "mongodb");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("apps-store.type: must be one of config, embedded, postgresql");
    }

    private static String app(App app, boolean enabled) {
        return "  - id: " + app.id() + "\n    key: " + app.key() + "\n    secret: " + app.secret() + "\n    enabled: " + enabled + "\n";
    }

    private static String event() {
        return "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"{}\"}";
    }
}
