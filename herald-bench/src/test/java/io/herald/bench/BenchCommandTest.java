package io.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.testkit.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void writesTheResultAsJsonAndExitsZeroWithoutErrors(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fanout.json");
        try (TestServer server = TestServer.start()) {
            int exit = new CommandLine(new BenchCommand()).execute("fanout", "--port", Integer.toString(server.port()),
                    "--subscribers", "4", "--events", "3", "--in-process", "--quiet", "--out", out.toString());

            assertThat(exit).isZero();
        }
        JsonNode json = Worker.JSON.readTree(Files.readString(out));
        assertThat(json.get("scenario").asText()).isEqualTo("fanout");
        assertThat(json.at("/parameters/subscribers").asInt()).isEqualTo(4);
        assertThat(json.at("/results/deliveries.received").asLong()).isEqualTo(12);
        assertThat(json.get("errors")).isEmpty();
    }

    @Test
    void exitsOneWhenTheRunSawErrors(@TempDir Path dir) {
        try (TestServer server = TestServer.start()) {
            int exit = new CommandLine(new BenchCommand()).execute("publish", "--port", Integer.toString(server.port()),
                    "--secret", "wrong", "--requests", "3", "--quiet", "--out", dir.resolve("p.json").toString());

            assertThat(exit).isEqualTo(1);
        }
    }

    @Test
    void withoutAScenarioSaysWhichThereAre() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute();

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("choose a scenario: fanout, channels, connections, publish, presence, soak, push");
    }
}
