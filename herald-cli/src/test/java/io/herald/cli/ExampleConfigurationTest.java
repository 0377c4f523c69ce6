package io.herald.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.herald.server.config.ConfigLoader;
import io.herald.server.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code herald.example.yml} against the table {@code herald server} takes its flags
 * and {@code --help} from ({@link Setting#all()}, with every module on the classpath), so the example,
 * the help and the defaults cannot drift apart. Extension blocks ({@code push:}) are their module's to check.
 */
class ExampleConfigurationTest {

    private static final Path EXAMPLE = Path.of("..", "herald.example.yml");
    /** How a description states its default in {@code --help}: {@code ... (default 30s)}. */
    private static final Pattern STATED_DEFAULT = Pattern.compile("\\(default ([^)]+)\\)$");

    private static String text;
    private static JsonNode tree;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(EXAMPLE);
        tree = new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void loadsWithEveryModuleOnTheClasspath() {
        assertThat(ConfigLoader.load(EXAMPLE, Map.of(), Map.of()).apps()).hasSize(2);
    }

    /** Settings that need a value of the reader's own ({@code redis-url}) may be shown commented out. */
    @Test
    void showsEveryServerAndAdapterSetting() {
        for (Setting setting : Setting.all()) {
            if (holder(setting) != null && holder(setting).path(setting.field()).isMissingNode()) {
                Pattern commented = Pattern.compile("(?m)^\\s*#\\s*" + Pattern.quote(setting.field()) + ":");
                assertThat(commented.matcher(text).find())
                        .as("herald.example.yml shows %s, at least as a comment", setting.name()).isTrue();
            }
        }
    }

    /** The file promises that every value it shows is the default (apart from the second app). */
    @Test
    void showsTheDefaultsTheHelpStates() {
        for (Setting setting : Setting.all()) {
            JsonNode value = holder(setting) == null ? null : holder(setting).get(setting.field());
            Matcher stated = STATED_DEFAULT.matcher(setting.description());
            if (value != null && stated.find()) {
                assertThat(asFlagValue(value)).as("herald.example.yml's %s, which --help says defaults to %s",
                        setting.name(), stated.group(1)).isEqualTo(stated.group(1));
            }
        }
    }

    /** A value as a flag or variable gives it: a YAML list as its items separated by commas. */
    private static String asFlagValue(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return String.join(",", items);
    }

    /** Where the example holds a setting of the server or an adapter; {@code null} for an extension's. */
    private static JsonNode holder(Setting setting) {
        if (setting.isAppSetting()) {
            return tree.path("apps").path(0);
        }
        return setting.parent().isEmpty() ? tree : null;
    }
}
