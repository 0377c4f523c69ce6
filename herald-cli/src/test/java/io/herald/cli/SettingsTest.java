package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testkit.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the commands take their settings from: flags, then {@code --env-file} or {@code ./.env},
 * then {@code PUSHER_*} variables; local Herald defaults for the host; a clear error for what is missing.
 */
class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void aChildProcessConfiguredOnlyByTheEnvironmentTriggers() {
        try (TestServer server = TestServer.start()) {
            HeraldProcess.Result result = HeraldProcess.run(SubscribeCommandTest.env(server), "trigger", "-c", "a", "-e", "e", "-m", "x");

            assertThat(result.exitCode()).as("stderr: %s", result.stderr()).isZero();
            assertThat(result.stdout()).startsWith("{\"success\":true,\"event_id\":\"");
        }
    }

    @Test
    void pusherUrlAloneIsEnough() {
        try (TestServer server = TestServer.start()) {
            Cli.withoutEnvironment().env("PUSHER_URL", "http://app-key:app-secret@127.0.0.1:" + server.port() + "/apps/app-id")
                    .run("trigger", "-c", "a", "-e", "e", "-m", "x").assertSuccess();
        }
    }

    @Test
    void anEnvFileGivesTheSettingsAndBeatsTheEnvironment() throws IOException {
        try (TestServer server = TestServer.start()) {
            Path file = Files.writeString(dir.resolve("herald.env"), "# local Herald\nexport PUSHER_APP_ID=app-id\n"
                    + "PUSHER_KEY=app-key\nPUSHER_SECRET=\"app-secret\"\nPUSHER_PORT=" + server.port() + "\n");

            Cli.withoutEnvironment().env("PUSHER_SECRET", "wrong-from-environment")
                    .run("trigger", "--env-file", file.toString(), "-c", "a", "-e", "e", "-m", "x").assertSuccess();
        }
    }

    @Test
    void aDotEnvInTheWorkingDirectoryIsReadWithoutAFlag() throws IOException {
        try (TestServer server = TestServer.start()) {
            Files.writeString(dir.resolve(".env"), "PUSHER_URL=http://app-key:app-secret@127.0.0.1:" + server.port() + "/apps/app-id\n");

            Cli.withoutEnvironment().workingDirectory(dir).run("trigger", "-c", "a", "-e", "e", "-m", "x").assertSuccess();
        }
    }

    @Test
    void flagsBeatTheEnvFileAndTheEnvironment() throws IOException {
        try (TestServer server = TestServer.start()) {
            Files.writeString(dir.resolve(".env"), "PUSHER_SECRET=wrong-from-file\n");

            Cli.forServer(server).workingDirectory(dir).env("PUSHER_SECRET", "wrong-from-environment")
                    .run("trigger", "--secret", "app-secret", "-c", "a", "-e", "e", "-m", "x").assertSuccess();
        }
    }

    @Test
    void aMissingSecretIsNamedWithExit2() {
        Cli.withoutEnvironment().env("PUSHER_APP_ID", "1").env("PUSHER_KEY", "k")
                .run("trigger", "-c", "a", "-e", "e", "-m", "x")
                .assertFailure(2, "no app secret configured: pass --secret or --url, or set PUSHER_SECRET");
    }

    @Test
    void nothingConfiguredNamesTheAppKeyFirstWithExit2() {
        Cli.withoutEnvironment().run("channels").assertFailure(2, "no app key configured");
    }

    @Test
    void aMissingEnvFileIsExit2() {
        Cli.withoutEnvironment().run("channels", "--env-file", dir.resolve("nope.env").toString())
                .assertFailure(2, "nope.env does not exist");
    }

    @Test
    void aMalformedPortVariableIsNamedWithExit2() {
        Cli.withoutEnvironment().env("PUSHER_URL", "http://k:s@127.0.0.1/apps/1").env("PUSHER_PORT", "sixty")
                .run("channels").assertFailure(2, "PUSHER_PORT must be a port number, was sixty");
    }

    @Test
    void everyCommandsHelpHasAnExampleAndTheExitCodes() {
        for (String command : new String[] {"trigger", "batch", "channels", "channel", "users", "send-to-user",
                "terminate", "authorize", "subscribe", "server"}) {
            Cli.Result help = Cli.withoutEnvironment().run(command, "--help");

            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).as(command).contains("Examples:", "herald " + command, "Exit codes:");
        }
        assertThat(Cli.withoutEnvironment().run("webhook", "verify", "--help").out()).contains("Examples:", "Exit codes:");
    }

    @Test
    void aChildProcessReportsAMissingSettingOnStdoutWithExit2() {
        HeraldProcess.Result result = HeraldProcess.run(Map.of(), "channels");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).contains("\"success\":false", "no app key configured");
    }
}
