package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.cli.HeraldProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration mistake stops {@code herald server} before it binds: exit code 2 and one line on
 * stderr that names the field, whether the mistake is in the file, a flag or a variable.
 */
class ConfigErrorExitTest {

    private static final String PREFIX = "herald: configuration error: ";

    @TempDir
    Path dir;

    @Test
    void aTypoInTheFileExits2NamingTheField() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yml"), "prot: 6001\napps:\n  - {id: a, key: b, secret: c}\n");

        Result result = HeraldProcess.run(Map.of(), "server", "--config", bad.toString());

        assertRefused(result, "prot: unknown setting");
    }

    @Test
    void aMissingConfigFileExits2NamingThePath() {
        Path missing = dir.resolve("missing.yml");

        Result result = HeraldProcess.run(Map.of(), "server", "--config", missing.toString());

        assertRefused(result, missing + ": no such file");
    }

    @Test
    void aPortFlagThatIsNotANumberExits2NamingThePort() {
        Result result = HeraldProcess.run(Map.of(), "server", "--port", "abc");

        assertRefused(result, "port: must be a whole number between 0 and 65535, was \"abc\"");
    }

    @Test
    void aBadVariableExits2NamingTheField() {
        Result result = HeraldProcess.run(Map.of("HERALD_APP_CLIENT_EVENTS", "sometimes"), "server");

        assertRefused(result, "apps[0].client-events: must be true or false, was \"sometimes\"");
    }

    private static void assertRefused(Result result, String message) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isEqualTo(2);
        assertThat(result.stderr()).contains(PREFIX + message);
        assertThat(result.stdout()).doesNotContain("Herald is running");
    }
}
