package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.config.Setting;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code herald server} as picocli parses it, in this JVM: help and usage errors never start a server. */
class ServerCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = HeraldCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsEveryFlagAndExitsZero() {
        int exitCode = execute("server", "--help");

        assertThat(exitCode).isZero();
        String help = out.toString();
        assertThat(help).contains("--config=FILE");
        for (Setting setting : Setting.all()) {
            assertThat(help).as("help for %s", setting.flagName()).contains(setting.flagName() + "=");
            String firstWords = setting.description().substring(0, Math.min(25, setting.description().length()));
            assertThat(help).as("description of %s", setting.flagName()).contains(firstWords);
        }
    }

    @Test
    void helpExplainsThatEveryFlagIsAlsoAVariable() {
        execute("server", "--help");

        assertThat(out.toString()).contains("HERALD_APP_MAX_CONNECTIONS").containsPattern("2 +invalid configuration");
    }

    @Test
    void topLevelHelpListsTheServerCommand() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("server").contains("Run a Herald server node.");
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithExitCode2() {
        int exitCode = execute("server", "--prot", "6001");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--prot");
        assertThat(out.toString()).doesNotContain("Herald is running");
    }

    @Test
    void aFlagWithoutItsValueIsAUsageErrorWithExitCode2() {
        assertThat(execute("server", "--port")).isEqualTo(2);
        assertThat(err.toString()).contains("--port");
    }
}
