package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.protocol.HeraldVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One version everywhere: the build's, CHANGELOG.md's newest entry and {@code herald --version}. */
class VersionTest {

    private static final Pattern ENTRY = Pattern.compile("(?m)^## \\[([^]]+)]");

    @Test
    void theChangelogsNewestEntryIsTheBuildsVersion() throws Exception {
        Matcher newest = ENTRY.matcher(Files.readString(Path.of("..", "CHANGELOG.md")));

        assertThat(newest.find()).as("a '## [version]' heading in CHANGELOG.md").isTrue();
        assertThat(HeraldVersion.current()).doesNotContain("${").isIn(newest.group(1), newest.group(1) + "-SNAPSHOT");
    }

    @Test
    void theCommandPrintsIt() {
        Cli.Result result = Cli.withoutEnvironment().run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("herald " + HeraldVersion.current());
    }
}
