package io.herald.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The configuration reference in docs/configuration.md is the settings table itself, rendered: the
 * server's, the cluster adapters' and the extensions' declared settings ({@link Setting#all()}), the
 * same ones that make the YAML keys, the variables, the flags and {@code herald server --help}. A
 * setting added, renamed or re-described without the page fails here; run this test with
 * {@code -Dherald.docs.write=true} to render the page again.
 */
class SettingsReferenceTest {

    private static final Path PAGE = DocPages.ROOT.resolve("docs/configuration.md");
    private static final String BEGIN = "<!-- settings:begin (rendered from the settings table by SettingsReferenceTest) -->\n";
    private static final String END = "<!-- settings:end -->\n";

    @Test
    void theReferenceIsTheSettingsTable() throws Exception {
        String page = DocPages.read(PAGE);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertThat(begin).as("the settings markers in %s", PAGE).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String rendered = BEGIN + render() + END;
        String current = page.substring(begin, end + END.length());
        if (Boolean.getBoolean("herald.docs.write") && !current.equals(rendered)) {
            Files.writeString(PAGE, page.substring(0, begin) + rendered + page.substring(end + END.length()));
            return;
        }
        assertThat(current).as("docs/configuration.md's settings table (rewrite it with -Dherald.docs.write=true)")
                .isEqualTo(rendered);
    }

    private static String render() {
        StringBuilder table = new StringBuilder("\n| in the file | variable | flag | what it sets |\n|---|---|---|---|\n");
        for (Setting s : Setting.all()) {
            String key = s.parent().isEmpty() ? s.field() : s.parent().equals("app") ? "apps[0]." + s.field()
                    : s.parent() + "." + s.field();
            table.append("| `").append(key).append("` | `").append(s.envName()).append("` | `").append(s.flagName())
                    .append("` | ").append(s.description().replace("|", "\\|")).append(" |\n");
        }
        return table.append('\n').toString();
    }
}
